/** A tiny synthetic animated AVIF, encoded with the render's own arguments, for tests that need one in seconds. */
import {resolveFfmpeg} from '../../src/encode/ffmpegPath';
import {avifArgs, FfmpegStreamEncoder, loopAvifFile} from '../../src/encode/video';
import {boxAt, children, readBoxes, readUint, versionAndFlags, type Box} from '../../src/encode/isobmff';

// 64 px high: the least SVT-AV1 encodes.
export const TINY = {width: 64, height: 64, fps: 30, frames: 30} as const;

/** Frame k: a white bar at column 2k on a background whose red grows with k, so no two frames are alike. */
export function tinyFrame(k: number): Uint8Array {
  const {width, height} = TINY;
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const bar = Math.abs(x - 2 * k) < 3;
      rgba.set(bar ? [255, 255, 255, 255] : [40 + 6 * k, 60, 160, 255], i);
    }
  }
  return rgba;
}

/** Encodes the tiny animation to `path` as the render does: SVT-AV1 through ffmpeg, then (unless `loop: false`) the loop signalled. */
export async function encodeTinyAvif(path: string, {loop = true} = {}): Promise<void> {
  const encoder = new FfmpegStreamEncoder(resolveFfmpeg().path, avifArgs({...TINY, output: path}));
  for (let k = 0; k < TINY.frames; k++) await encoder.addFrame(tinyFrame(k));
  await encoder.finish();
  if (loop) loopAvifFile(path);
}

/** The first trak of the moov. */
export function firstTrak(file: Uint8Array): Box {
  const trak = children(file, boxAt(file, ['moov'])).find(b => b.type === 'trak');
  if (!trak) throw new Error('no trak');
  return trak;
}

/** The trak's edit list as libavif reads it (avifParseEditListBox), or undefined without one. */
export function editList(
  file: Uint8Array,
): {version: number; flags: number; entries: number; segmentDuration: number; mediaTime: number; rate: number} | undefined {
  const edts = children(file, firstTrak(file)).find(b => b.type === 'edts');
  if (!edts) return undefined;
  const elst = readBoxes(file, edts.payload, edts.end).find(b => b.type === 'elst')!;
  const {version, flags} = versionAndFlags(file, elst);
  const at = elst.payload + 8;
  const wide = version === 1 ? 8 : 4;
  return {
    version,
    flags,
    entries: readUint(file, elst.payload + 4, 4),
    segmentDuration: readUint(file, at, wide),
    mediaTime: readUint(file, at + wide, wide),
    rate: readUint(file, at + 2 * wide, 4),
  };
}
