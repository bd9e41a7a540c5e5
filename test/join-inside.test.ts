/**
 * Defence in depth behind the routes' name checks: a path is joined under a folder only if it
 * stays inside, and a scene output whose name would leave the output folder is refused before
 * anything is created.
 */
import {readdirSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {FrameSink} from '../src/render/frameSink';
import {PendingOutputs} from '../src/render/outputs';
import {createSceneOutputs} from '../src/render/sceneOutputs';
import {joinInside} from '../src/util/joinInside';
import {tempDir} from './helpers/tempDir';

const work = tempDir('join-inside-');
const out = join(work, 'a', 'output');

describe('joinInside', () => {
  it.each([
    ['dense.gif', '/w/out/dense.gif'],
    ['frames/dense', '/w/out/frames/dense'],
    ['/index.html', '/w/out/index.html'],
    ['..dense.gif', '/w/out/..dense.gif'],
    ['../evil.gif', undefined],
    ['a/../../evil.gif', undefined],
    ['..', undefined],
    ['', undefined],
  ])('%j under /w/out is %s', (part, expected) => {
    expect(joinInside('/w/out', part)).toBe(expected);
  });
});

describe('createSceneOutputs', () => {
  const outputs = (name: string, keepFrames = false) =>
    createSceneOutputs({
      name,
      options: {formats: ['gif'], fps: 30, outDir: out, theme: 'light', keepFrames},
      size: {width: 4, height: 2},
      ffmpeg: new Error('no video format requested'),
      pending: new PendingOutputs(),
      sink: new FrameSink([], () => {}),
    });

  it('refuses a name that would climb out of the output folder, creating nothing', () => {
    expect(() => outputs('../../evil')).toThrow(`../../evil: the output ../../evil.gif would lie outside ${out}; nothing was written`);
    expect(() => outputs('../evil', true)).toThrow(`../evil: the output ../evil.gif would lie outside ${out}; nothing was written`);
    expect(readdirSync(work)).toEqual([]);
  });

  it("puts a known name's file in the output folder", () => {
    expect(outputs('dense').map(o => o.target)).toEqual([join(out, 'dense.gif')]);
  });
});
