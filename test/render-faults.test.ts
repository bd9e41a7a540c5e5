/** The render's behaviour when its tools are missing, and its determinism. Each test renders `dense` at half size. */
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, inject, it} from 'vitest';
import {runRender} from './helpers/cli';
import {BrowserNotFoundError, findChromium} from '../src/render/browser';
import {testTempDir} from './helpers/tempDir';

const shared = inject('sharedRender');
const freshDir = () => testTempDir('render-test-');

describe('a missing Chromium', () => {
  it('names every path searched and how to install one', () => {
    const error = (() => {
      try {
        findChromium({}, ['/nowhere/chromium', '/nowhere/chrome']);
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error).toBeInstanceOf(BrowserNotFoundError);
    expect(error!.message).toContain('CHROME_PATH (unset), /nowhere/chromium, /nowhere/chrome');
    expect(error!.message).toContain('apt-get install -y chromium');
  });

  it('makes the CLI exit 1 with that message and write nothing', async () => {
    const out = freshDir();
    const run = await runRender(['dense', '--out', out, '--scale', '0.5'], {CHROME_PATH: '/nowhere/chromium'});
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('render: no Chromium found. Searched: CHROME_PATH=/nowhere/chromium (not an executable file)');
    expect(run.stderr).toContain('set CHROME_PATH');
    expect(existsSync(join(out, 'dense.gif'))).toBe(false);
  });
});

describe('a missing ffmpeg', () => {
  it('still writes the GIF, reports the MP4 failure and exits 1', async () => {
    const out = freshDir();
    const run = await runRender(['dense', '--out', out, '--scale', '0.5'], {FFMPEG_PATH: '/nowhere/ffmpeg'});
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /render: dense: GIF, PNG, VTT written, but the MP4 failed: FFMPEG_PATH is set to "\/nowhere\/ffmpeg".*; the AVIF failed: FFMPEG_PATH/,
    );
    expect(readFileSync(join(out, 'dense.gif'))).toEqual(readFileSync(join(shared.dir, 'dense.gif')));
    expect(existsSync(join(out, 'dense.mp4'))).toBe(false);
  });
});

describe('determinism', () => {
  it('gives byte-identical GIFs and MP4s across renders', async () => {
    const out = freshDir();
    const run = await runRender(['dense', '--out', out, '--scale', '0.5', '--format', 'gif,mp4']);
    expect(run.code).toBe(0);
    expect(readFileSync(join(out, 'dense.gif')).equals(readFileSync(join(shared.dir, 'dense.gif')))).toBe(true);
    expect(readFileSync(join(out, 'dense.mp4')).equals(readFileSync(join(shared.dir, 'dense.mp4')))).toBe(true);
  });
});
