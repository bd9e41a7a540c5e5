/**
 * `--range START:END`: the frames [round(START·fps), round(END·fps)) of a scene, as files of their
 * own (`<scene>.<S>-<E>s.<ext>`) in a cache slot of their own; bad ranges are one-line errors, exit 2.
 * Uses the test-only fixture scene (120 frames, a box moving one step a frame), so every frame differs.
 */
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {runRender} from './helpers/cli';
import {displayedFrames} from '../src/bench/gifDecode';
import {tempDir} from './helpers/tempDir';
import {renderError} from './helpers/stderrLines';

const TEST_SCENES = {RENDER_TEST_SCENES: '1'};
const work = tempDir('render-range-');
const out = join(work, 'out');

beforeAll(async () => {
  const full = await runRender(['faulty', '--scale', '0.5', '--format', 'gif', '--keep-frames', '--out', out], TEST_SCENES);
  expect(full.code, full.stderr).toBe(0);
}, 600_000);

describe('--range', () => {
  it('renders exactly the frames [round(START·fps), round(END·fps)), named after their seconds, beside the untouched full file', async () => {
    const fullGif = readFileSync(join(out, 'faulty.gif'));
    const run = await runRender(
      ['faulty', '--range', '1:2', '--scale', '0.5', '--format', 'gif', '--keep-frames', '--out', out],
      TEST_SCENES,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(join(out, 'faulty.gif')).equals(fullGif)).toBe(true);
    // Frames 30 … 59 of the scene, shipped as 0 … 29: pixel for pixel the full render's.
    for (let k = 0; k < 30; k++) {
      const excerpt = readFileSync(join(out, 'frames', 'faulty.1-2s', `${String(k).padStart(6, '0')}.png`));
      expect(excerpt.equals(readFileSync(join(out, 'frames', 'faulty', `${String(30 + k).padStart(6, '0')}.png`))), `frame ${k}`).toBe(
        true,
      );
    }
    expect(existsSync(join(out, 'frames', 'faulty.1-2s', '000030.png'))).toBe(false);
    const delays = [...displayedFrames(readFileSync(join(out, 'faulty.1-2s.gif')))].reduce((sum, f) => sum + f.delayCs, 0);
    expect(delays).toBe(100);
  });

  it('keeps a cache slot of its own: the excerpt and the full scene are both up to date afterwards', async () => {
    const excerpt = await runRender(
      ['faulty', '--range', '1:2', '--scale', '0.5', '--format', 'gif', '--keep-frames', '--out', out],
      TEST_SCENES,
    );
    const full = await runRender(['faulty', '--scale', '0.5', '--format', 'gif', '--keep-frames', '--out', out], TEST_SCENES);
    expect(excerpt.stderr).toMatch(/faulty: up to date/);
    expect(full.stderr).toMatch(/faulty: up to date/);
  });

  const bad: [string, string[], RegExp][] = [
    ['no colon', ['--range', '1'], /^render: --range: expected START:END in seconds of the scene, for example 0:1\.5, got "1"$/],
    ['END before START', ['--range', '2:1'], /^render: --range: END must come after START, got "2:1"$/],
    ['no whole frame', ['--range', '0:0.01'], /^render: --range: 0:0\.01 holds no frame at 30 fps; make it at least 1\/30 s long$/],
    [
      'a whole-scene format',
      ['--range', '0:1', '--format', 'gif,png'],
      /^render: --range: png is made for whole scenes only; with --range use --format gif, mp4, webm or avif$/,
    ],
    [
      'past the scene end',
      ['--range', '3:9', '--format', 'gif'],
      /^render: faulty: --range: 3:9 ends after the scene, which is 4\.00 s long; give an END of at most 4$/,
    ],
  ];
  it.each(bad)('rejects %s in one line, exit 2, leaving the outputs alone', async (_, args, message) => {
    const before = readFileSync(join(out, 'faulty.gif'));
    const run = await runRender(['faulty', '--scale', '0.5', '--out', out, ...args], TEST_SCENES);
    expect(run.code).toBe(2);
    expect(renderError(run.stderr)).toMatch(message);
    expect(readFileSync(join(out, 'faulty.gif')).equals(before)).toBe(true);
  });
});
