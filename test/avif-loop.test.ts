/**
 * The AVIF loop signal (src/encode/avifLoop.ts) on a tiny animation encoded with the render's
 * own arguments: the edit list libavif reads as "repeat forever", the file still decodes to the
 * same frames and the same still image (every moved offset followed), and the encode is
 * deterministic.
 */
import {spawnSync} from 'node:child_process';
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {signalInfiniteLoop} from '../src/encode/avifLoop';
import {resolveFfmpeg} from '../src/encode/ffmpegPath';
import {boxAt, readBoxes, readUint, versionAndFlags} from '../src/encode/isobmff';
import {mp4Args, FfmpegStreamEncoder} from '../src/encode/video';
import {editList, encodeTinyAvif, firstTrak, TINY, tinyFrame} from './helpers/avif';
import {tempDir} from './helpers/tempDir';

const ffmpeg = resolveFfmpeg().path;
const dir = tempDir('avif-loop-');
let plain: Uint8Array;
let looped: Uint8Array;

beforeAll(async () => {
  await encodeTinyAvif(join(dir, 'plain.avif'), {loop: false});
  await encodeTinyAvif(join(dir, 'looped.avif'));
  plain = new Uint8Array(readFileSync(join(dir, 'plain.avif')));
  looped = new Uint8Array(readFileSync(join(dir, 'looped.avif')));
}, 60_000);

/** Every frame ffmpeg decodes from `bytes`, as RGBA. */
function decode(bytes: Uint8Array, ext = 'avif'): Buffer {
  const file = join(dir, `decode.${ext}`);
  writeFileSync(file, bytes);
  const run = spawnSync(ffmpeg, ['-v', 'error', '-i', file, '-f', 'rawvideo', '-pix_fmt', 'rgba', '-'], {maxBuffer: 1 << 26});
  expect(run.stderr.toString()).toBe('');
  return run.stdout;
}

/** The bytes the still image's item location points at (iloc version 0, one item, one extent, as ffmpeg writes it). */
function stillImageBytes(file: Uint8Array): Uint8Array {
  const meta = boxAt(file, ['meta']);
  const iloc = readBoxes(file, meta.payload + 4, meta.end).find(b => b.type === 'iloc')!;
  expect(versionAndFlags(file, iloc).version).toBe(0);
  const at = iloc.payload + 4;
  // 4-byte offsets and lengths, no base offset; one item (ID 1, in this file) of one extent.
  expect([...file.subarray(at, at + 10)]).toEqual([0x44, 0x00, 0, 1, 0, 1, 0, 0, 0, 1]);
  const offset = readUint(file, at + 10, 4),
    length = readUint(file, at + 14, 4);
  return file.subarray(offset, offset + length);
}

/** A header's duration field, and the timescale before it (mvhd, mdhd), version 0 or 1. */
function timing(file: Uint8Array, path: string[]): {timescale: number; duration: Uint8Array} {
  const box = boxAt(file, path);
  const wide = versionAndFlags(file, box).version === 1 ? 8 : 4;
  const times = box.payload + 4 + 2 * wide;
  if (box.type === 'tkhd') return {timescale: NaN, duration: file.subarray(times + 8, times + 8 + wide)};
  return {timescale: readUint(file, times, 4), duration: file.subarray(times + 4, times + 4 + wide)};
}

describe('signalInfiniteLoop', () => {
  it("adds one repeating edit spanning the track, and makes the movie's and track's durations indefinite", () => {
    expect(editList(plain)).toBeUndefined();
    const movie = timing(looped, ['moov', 'mvhd']);
    const media = timing(looped, ['moov', 'trak', 'mdia', 'mdhd']);
    // One second of media, in the movie's timescale.
    expect(readUint(media.duration, 0, media.duration.length)).toBe(media.timescale);
    expect(editList(looped)).toEqual({version: 1, flags: 1, entries: 1, segmentDuration: movie.timescale, mediaTime: 0, rate: 0x10000});
    expect([...movie.duration].every(b => b === 0xff)).toBe(true);
    expect([...timing(looped, ['moov', 'trak', 'tkhd']).duration].every(b => b === 0xff)).toBe(true);
    // edts sits right after tkhd, as ISO/IEC 14496-12 orders a trak's boxes.
    const kids = ['tkhd', 'edts', 'mdia'];
    const trak = firstTrak(looped);
    let at = trak.payload;
    for (const type of kids) {
      expect(String.fromCharCode(...looped.subarray(at + 4, at + 8))).toBe(type);
      at += readUint(looped, at, 4);
    }
    expect(at).toBe(trak.end);
  });

  it('moves every offset with the bytes: the same frames and the same still image decode', () => {
    expect(looped.length).toBe(plain.length + 44); // edts (8) + elst (8 + 4 + 4 + 20)
    const frames = decode(looped);
    expect(frames.length).toBe(TINY.width * TINY.height * 4 * TINY.frames);
    expect(frames.equals(decode(plain))).toBe(true);
    expect(stillImageBytes(looped)).toEqual(stillImageBytes(plain));
  });

  it('replaces an edit list that is already there (a second pass changes nothing)', () => {
    expect(signalInfiniteLoop(looped)).toEqual(looped);
  });

  it('follows the offsets of a file whose moov comes after its mdat (an MP4 without faststart)', async () => {
    const path = join(dir, 'late-moov.mp4');
    // No B-frames, so ffmpeg's own edit list is one edit from the start, which may be replaced.
    const args = mp4Args({...TINY, output: path}).filter(a => a !== '-movflags' && a !== '+faststart');
    args.splice(args.indexOf('-c:v'), 0, '-bf', '0');
    const encoder = new FfmpegStreamEncoder(ffmpeg, args);
    for (let k = 0; k < TINY.frames; k++) await encoder.addFrame(tinyFrame(k));
    await encoder.finish();
    const mp4 = new Uint8Array(readFileSync(path));
    expect(boxAt(mp4, ['moov']).start).toBeGreaterThan(boxAt(mp4, ['mdat']).start);
    expect(editList(mp4)).toMatchObject({flags: 0, entries: 1, mediaTime: 0});
    const withLoop = signalInfiniteLoop(mp4);
    expect(editList(withLoop)?.flags).toBe(1);
    expect(decode(withLoop, 'mp4').equals(decode(mp4, 'mp4'))).toBe(true);
  });

  it('refuses bytes that are not an animated AVIF, in one line', () => {
    expect(() => signalInfiniteLoop(new Uint8Array([0, 0, 0, 9, 0x66, 0x74, 0x79, 0x70]))).toThrow(
      'not a well-formed ISOBMFF file: box "ftyp" at 0 claims 9 bytes, past its parent\'s end 8',
    );
    expect(() => signalInfiniteLoop(plain.subarray(0, boxAt(plain, ['moov']).start))).toThrow(
      'not a well-formed ISOBMFF file: no "moov" box: not an animated AVIF',
    );
  });

  it('is deterministic: the same frames give the same bytes', async () => {
    await encodeTinyAvif(join(dir, 'again.avif'));
    expect(readFileSync(join(dir, 'again.avif')).equals(Buffer.from(looped))).toBe(true);
  });
});
