/** The README lists the words seq2seq and head know; these are the code's own lists, so the README cannot drift from them. */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {headWords} from '../src/animations/head/params';
import {knownWords} from '../src/animations/seq2seq/params';
import {ROOT} from './helpers/cli';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe("the README's vocabularies", () => {
  it.each([
    ['seq2seq', knownWords()],
    ['head', headWords()],
  ])('%s: the README line is the code vocabulary, word for word', (name, words) => {
    const line = readme.split('\n').find(l => l.trim().startsWith(`- \`${name}\` (`));
    expect(line?.trim()).toBe(`- \`${name}\` (${words.length} words): ${words.join(', ')}`);
  });
});
