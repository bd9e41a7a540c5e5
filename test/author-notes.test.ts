/**
 * The post's slips (src/gallery/authorNotes.ts): their numbers come from the records, the README's
 * "Notes for the author" is exactly what the records give, and the gallery lists the same notes.
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, inject, it} from 'vitest';
import {authorNotes, authorNotesMarkdown} from '../src/gallery/authorNotes';
import {ROOT} from './helpers/cli';

const shared = inject('sharedRender');
const record = (name: string) => JSON.parse(readFileSync(join(shared.dir, 'activations', `${name}.json`), 'utf8'));
const records = () => ({filter: record('filter'), attention: record('attention'), conv: record('conv')});

describe('notes for the author', () => {
  it('take the soft result and the filter responses from the records', () => {
    const notes = authorNotes(records());
    expect(notes.map(n => n.figure)).toEqual(['conv', 'filter', 'attention']);
    const attention = notes.find(n => n.figure === 'attention')!;
    expect(attention.change).toBe(`database.similarity(query)\n#  [${record('attention').output[0].toFixed(3)}]`);
    expect(attention.line).toBe('database.similarity(query)\n#  [1]');
    expect(notes.find(n => n.figure === 'filter')!.change).toBe('np.sum(img * f1)\n#  2.0');
  });

  it('follow the record: other numbers give other notes, and a filter record without the slip gives none', () => {
    const given = records();
    given.attention.output = [0.5];
    given.filter.cases = given.filter.cases.map((c: {response: number; postPrints?: number}) => ({...c, postPrints: c.response}));
    const notes = authorNotes(given);
    expect(notes.map(n => n.figure)).toEqual(['conv', 'attention']);
    expect(notes[1].change).toBe('database.similarity(query)\n#  [0.500]');
  });

  it('the README lists exactly the notes the records give', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = /<!-- author-notes:start -->\n([\s\S]*?)\n<!-- author-notes:end -->/.exec(readme);
    expect(section?.[1]).toBe(authorNotesMarkdown(authorNotes(records())));
  });

  it('the gallery ends with them', () => {
    const html = readFileSync(join(shared.dir, 'index.html'), 'utf8');
    expect(html).toContain('<h2 id="notes-for-the-author-title">Notes for the author</h2>');
    for (const note of authorNotes(records())) expect(html).toContain(`<strong>${note.figure}.</strong>`);
    expect(html).toContain('#  [0.711]');
  });
});
