/**
 * The AVIF (and the opt-in WebM) on one real figure, rendered here at half size: the shared test
 * render leaves both out to keep CI short. Also an ffmpeg without the AV1 encoder: the AVIF
 * fails alone, in one line, and the other formats are still written.
 */
import {spawnSync} from 'node:child_process';
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {displayedFrames} from '../src/bench/gifDecode';
import {resolveFfmpeg} from '../src/encode/ffmpegPath';
import {probe, runRender} from './helpers/cli';
import {editList} from './helpers/avif';
import {tempDir} from './helpers/tempDir';

const NAME = 'scoring'; // the shortest figure
const FPS = 30;
const dir = tempDir('render-avif-');
let run: Awaited<ReturnType<typeof runRender>>;

beforeAll(async () => {
  run = await runRender([NAME, '--scale', '0.5', '--format', 'gif,avif,webm', '--out', join(dir, 'a')]);
}, 600_000);

/** The scene's frames, as the CLI's summary reports them for the GIF. */
const sceneFrames = () => Number(new RegExp(`${NAME}\\.gif\\s+\\S+ \\S+\\s+(\\d+)`).exec(run.stdout)?.[1]);

describe(`${NAME}.avif`, () => {
  it('is AV1, 4:2:0, BT.709, with one frame per GIF frame, as long as the scene', () => {
    expect(run.stderr).not.toMatch(/render: /);
    expect(run.code).toBe(0);
    const file = join(dir, 'a', `${NAME}.avif`);
    const count = spawnSync(
      'ffprobe',
      [
        '-v',
        'error',
        '-count_frames',
        '-show_entries',
        'stream=codec_name,pix_fmt,color_space,width,height,nb_read_frames,duration',
        '-of',
        'json',
        file,
      ],
      {encoding: 'utf8'},
    );
    const [stream] = JSON.parse(count.stdout).streams;
    const frames = sceneFrames();
    expect(frames).toBeGreaterThan(200);
    // The GIF merges repeated frames into one image; its delays say how many scene frames it holds.
    const gifCs = [...displayedFrames(readFileSync(join(dir, 'a', `${NAME}.gif`)))].reduce((sum, f) => sum + f.delayCs, 0);
    expect(Math.abs(gifCs * 10 - (frames * 1000) / FPS)).toBeLessThanOrEqual(10);
    expect(stream).toMatchObject({
      codec_name: 'av1',
      pix_fmt: 'yuv420p',
      color_space: 'bt709',
      width: 480,
      height: 270,
      nb_read_frames: String(frames),
    });
    expect(Number(stream.duration)).toBeCloseTo(frames / FPS, 6);
  });

  it('signals an infinite loop: one repeating edit (flags 1) over the whole scene', () => {
    const bytes = new Uint8Array(readFileSync(join(dir, 'a', `${NAME}.avif`)));
    expect(editList(bytes)).toMatchObject({flags: 1, entries: 1, mediaTime: 0});
  });

  it('the opt-in WebM is VP9 at the render size, as long as the AVIF', () => {
    const webm = probe(join(dir, 'a', `${NAME}.webm`));
    expect(webm.streams[0].codec_name).toBe('vp9');
    expect([webm.streams[0].width, webm.streams[0].height]).toEqual([480, 270]);
    expect(Math.abs(Number(webm.format.duration) - sceneFrames() / FPS)).toBeLessThan(0.05);
  });

  it('is deterministic: a second render gives the same bytes', async () => {
    const again = await runRender([NAME, '--scale', '0.5', '--format', 'avif', '--out', join(dir, 'b')]);
    expect(again.code).toBe(0);
    expect(readFileSync(join(dir, 'b', `${NAME}.avif`)).equals(readFileSync(join(dir, 'a', `${NAME}.avif`)))).toBe(true);
  }, 600_000);
});

describe('an ffmpeg without the AV1 encoder', () => {
  it('fails the AVIF alone, in one line naming what is missing and how to get it; the rest is written, exit 1', async () => {
    // A real ffmpeg whose encoder list lacks libsvtav1, as a build without it would print.
    const fake = join(dir, 'ffmpeg');
    const real = resolveFfmpeg().path;
    writeFileSync(
      fake,
      `#!/bin/sh\nif [ "$2" = "-encoders" ]; then "${real}" "$@" | grep -v libsvtav1; exit 0; fi\nexec "${real}" "$@"\n`,
      {mode: 0o755},
    );
    const out = join(dir, 'no-av1');
    const failed = await runRender([NAME, '--scale', '0.5', '--range', '0:0.5', '--format', 'gif,mp4,avif', '--out', out], {
      FFMPEG_PATH: fake,
    });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain(
      `render: ${NAME}: GIF, MP4 written, but the AVIF failed: ${fake} has no libsvtav1 encoder, which the AVIF needs. ` +
        'Install an ffmpeg with it (Debian/Ubuntu: apt-get install -y ffmpeg) or set FFMPEG_PATH to one\n',
    );
    expect(existsSync(join(out, `${NAME}.0-0.5s.gif`))).toBe(true);
    expect(existsSync(join(out, `${NAME}.0-0.5s.mp4`))).toBe(true);
    expect(existsSync(join(out, `${NAME}.0-0.5s.avif`))).toBe(false);
  }, 600_000);
});
