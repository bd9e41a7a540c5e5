/** The editor exporter's pure parts: scene parts of a timeline range, the settings check in the CLI's words, stale temporaries, excerpt names. */
import {spawnSync} from 'node:child_process';
import {existsSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {settingsProblems} from '../src/editor/exportServer';
import {scenePart} from '../src/editor/protocol/scenePart';
import {outputName, rangeLabel} from '../src/render/options';
import {removeStaleTemporaries, temporarySibling} from '../src/util/atomicWrite';
import {parseCli, UsageError} from '../src/cliArgs';
import {ROOT} from './helpers/cli';
import {tempDir} from './helpers/tempDir';

const work = tempDir('editor-units-');

describe('scenePart', () => {
  const attention = {name: 'attention', firstFrame: 1200, lastFrame: 1540};
  it('gives the scene frames a timeline range covers, counted from the scene start', () => {
    expect(scenePart(attention, 1200, 1230)).toEqual({scene: 'attention', first: 0, end: 30, sceneFrames: 340});
    expect(scenePart(attention, 1000, 1210)).toEqual({scene: 'attention', first: 0, end: 10, sceneFrames: 340});
    expect(scenePart(attention, 1525, 1555)).toEqual({scene: 'attention', first: 325, end: 340, sceneFrames: 340});
    expect(scenePart(attention, 0, Infinity)).toEqual({scene: 'attention', first: 0, end: 340, sceneFrames: 340});
  });
  it("leaves out a scene the range does not reach, and the next scene's first frame", () => {
    expect(scenePart(attention, 1540, 1600)).toBeUndefined();
    expect(scenePart(attention, 0, 1200)).toBeUndefined();
  });
});

describe('excerpt names', () => {
  it('name the seconds of the first frame and of the end, as the CLI and the editor both do', () => {
    expect(rangeLabel({start: 0, end: 1}, 30)).toBe('0-1s');
    expect(rangeLabel({start: 325 / 30, end: 340 / 30}, 30)).toBe('10.833-11.333s');
    expect(outputName('attention', 'dark', 'gif', '0-1s')).toBe('attention-dark.0-1s.gif');
    expect(outputName('attention', 'light', 'gif')).toBe('attention.gif');
  });
});

describe('settingsProblems', () => {
  const ok = {kind: 'gif' as const, fps: 30, width: 960, height: 540, colorSpace: 'srgb', theme: 'light' as const};
  it('accepts the CLI defaults', () => expect(settingsProblems(ok)).toEqual([]));
  it('says what the CLI says of a GIF above 50 fps', () => {
    let cli = '';
    try {
      parseCli(['--fps', '60', '--format', 'gif'], ROOT, {checkOut: false});
    } catch (error) {
      cli = (error as UsageError).message;
    }
    const words = /^--fps: (.*), or --format mp4$/.exec(cli)?.[1];
    expect(words).toMatch(/too fast for a GIF/);
    expect(settingsProblems({...ok, fps: 60})).toEqual([`frame rate: ${words}`]);
  });
  it('refuses display-p3, and odd sides for H.264 only', () => {
    expect(settingsProblems({...ok, colorSpace: 'display-p3'})).toEqual([
      'color space: display-p3 is not supported: the CLI renders sRGB and the encoders take sRGB; choose sRGB',
    ]);
    expect(settingsProblems({...ok, height: 135})).toEqual([]);
    expect(settingsProblems({...ok, kind: 'gif-video', height: 135})).toEqual([
      'resolution × scale: gives 960×135 px; H.264 needs whole, even sides',
    ]);
  });
});

describe('removeStaleTemporaries', () => {
  it("removes the temporaries of processes that are gone and keeps a running process's", () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const stale = join(work, `.attention.mp4.${dead}.0123abcd.tmp`);
    const live = temporarySibling(join(work, 'attention.gif'));
    writeFileSync(stale, 'unfinished');
    writeFileSync(live, 'being written');
    writeFileSync(join(work, 'attention.gif'), 'a finished file');
    expect(removeStaleTemporaries(work)).toEqual([`.attention.mp4.${dead}.0123abcd.tmp`]);
    expect([existsSync(stale), existsSync(live), existsSync(join(work, 'attention.gif'))]).toEqual([false, true, true]);
  });
});
