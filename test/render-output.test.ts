/**
 * What `npm run render` writes, checked on the shared half-size render
 * (test/renderSetup.ts): decoded with a real GIF decoder and probed with ffprobe.
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {PNG} from 'pngjs';
import {beforeAll, describe, expect, inject, it} from 'vitest';
import {displayedFrames, framesAtSourceTimes, openGif} from '../src/bench/gifDecode';
import {ANIMATIONS} from '../src/animations/registry';
import {probe, runRender} from './helpers/cli';
import {FIGURE_SECONDS} from '../src/figureRules/rules';

const shared = inject('sharedRender');
const FPS = 30;
let listing: Promise<string> | undefined;
/** `--list` once for all scenes: their lengths as Motion Canvas measures them. */
const sceneList = () => (listing ??= runRender(['--list']).then(run => run.stdout));

/** Frames per scene, as the CLI's summary table reports them. */
function summaryFrames(stdout: string): Map<string, number> {
  const frames = new Map<string, number>();
  for (const match of stdout.matchAll(/([\w-]+)\.gif\s+\S+ \S+\s+(\d+)\s+([\d.]+) s/g)) frames.set(match[1], Number(match[2]));
  return frames;
}

describe('the shared render', () => {
  it('exits 0 and writes a GIF and an MP4 for every animation', () => {
    expect(shared.stderr).not.toMatch(/render: /);
    expect(shared.code).toBe(0);
    for (const name of ANIMATIONS) {
      expect(readFileSync(join(shared.dir, `${name}.gif`)).length).toBeGreaterThan(1000);
      expect(readFileSync(join(shared.dir, `${name}.mp4`)).length).toBeGreaterThan(1000);
    }
  });

  it('ends with a summary table: file, size, frames, duration', () => {
    expect(shared.stdout).toMatch(/file\s+size\s+frames\s+duration/);
    expect([...summaryFrames(shared.stdout).keys()].sort()).toEqual([...ANIMATIONS].sort());
  });
});

describe.each(ANIMATIONS)('%s.gif', name => {
  let bytes: Uint8Array;
  let frames: number;
  let sceneFrames: number;

  beforeAll(async () => {
    bytes = readFileSync(join(shared.dir, `${name}.gif`));
    frames = summaryFrames(shared.stdout).get(name) ?? 0;
    sceneFrames = Number(new RegExp(`^${name}\\s+[\\d.]+ s\\s+(\\d+)`, 'm').exec(await sceneList())?.[1]);
  });

  it('is 480×270 at --scale 0.5 and loops forever', () => {
    const gif = openGif(bytes);
    expect([gif.width, gif.height]).toEqual([480, 270]);
    expect(gif.loopCount()).toBe(0);
  });

  it('follows the frame rule: one frame per 1/fps of the scene, the closing frame (= frame 0) not repeated', () => {
    expect(sceneFrames).toBeGreaterThan(0);
    expect(frames).toBe(sceneFrames);
  });

  it('has delays that add up to the scene length within 10 ms', () => {
    const totalCs = [...displayedFrames(bytes)].reduce((sum, f) => sum + f.delayCs, 0);
    expect(Math.abs(totalCs * 10 - (frames * 1000) / FPS)).toBeLessThanOrEqual(10);
  });

  it(`is ${FIGURE_SECONDS.min}–${FIGURE_SECONDS.max} s long, as a figure may run (issue 23's rule 1)`, () => {
    expect(frames / FPS).toBeGreaterThanOrEqual(FIGURE_SECONDS.min);
    expect(frames / FPS).toBeLessThanOrEqual(FIGURE_SECONDS.max);
  });

  it('shows real pictures that change over time', () => {
    // The decoder reuses one canvas: copy each frame as it comes.
    const shown = Array.from(framesAtSourceTimes(bytes, FPS, frames), f => f.slice());
    const colours = (rgba: Uint8Array) => {
      const set = new Set<number>();
      for (let i = 0; i < rgba.length; i += 4) set.add((rgba[i] << 16) | (rgba[i + 1] << 8) | rgba[i + 2]);
      return set.size;
    };
    expect(colours(shown[0])).toBeGreaterThan(8);
    const distinct = new Set(shown.map(f => Buffer.from(f).toString('base64')));
    expect(distinct.size).toBeGreaterThan(frames / 4);
  });
});

describe.each(ANIMATIONS)('%s.mp4', name => {
  it('is H.264, yuv420p, BT.709, as long as the GIF, with the moov atom first', () => {
    const file = join(shared.dir, `${name}.mp4`);
    const {streams, format} = probe(file);
    const video = streams.find(s => s.codec_type === 'video')!;
    expect(video.codec_name).toBe('h264');
    expect(video.pix_fmt).toBe('yuv420p');
    expect(video.color_space).toBe('bt709');
    expect(video.color_primaries).toBe('bt709');
    expect(video.color_transfer).toBe('bt709');
    expect([video.width, video.height]).toEqual([480, 270]);
    const frames = summaryFrames(shared.stdout).get(name)!;
    expect(Number(video.nb_frames)).toBe(frames);
    expect(Math.abs(Number(format.duration) - frames / FPS)).toBeLessThan(1 / FPS + 1e-6);
    const data = readFileSync(file);
    expect(data.indexOf('moov')).toBeLessThan(data.indexOf('mdat'));
  });
});

describe.each(ANIMATIONS)('%s: poster (.png) and captions (.vtt)', name => {
  it('the poster is a PNG at the render size, not the first frame', () => {
    const {streams} = probe(join(shared.dir, `${name}.png`));
    expect(streams[0].codec_name).toBe('png');
    expect([streams[0].width, streams[0].height]).toEqual([480, 270]);
    const first = Array.from(framesAtSourceTimes(readFileSync(join(shared.dir, `${name}.gif`)), FPS, 1), f => f.slice())[0];
    const poster = PNG.sync.read(readFileSync(join(shared.dir, `${name}.png`))).data;
    let differing = 0;
    for (let i = 0; i < poster.length; i += 4) if (Math.abs(poster[i] - first[i]) > 40) differing++;
    expect(differing).toBeGreaterThan(1000);
  });

  it('the caption track is WebVTT with cues inside the animation', () => {
    const vtt = readFileSync(join(shared.dir, `${name}.vtt`), 'utf8');
    expect(vtt.startsWith('WEBVTT')).toBe(true);
    const ends = [...vtt.matchAll(/--> (\d\d):(\d\d):(\d\d)\.(\d\d\d)/g)].map(m => Number(m[2]) * 60 + Number(m[3]) + Number(m[4]) / 1000);
    expect(ends.length).toBeGreaterThan(1);
    const frames = summaryFrames(shared.stdout).get(name)!;
    expect(Math.max(...ends)).toBeLessThanOrEqual(frames / FPS + 0.001);
  });
});
