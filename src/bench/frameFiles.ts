/** The bench's frame files: kept PNG frames (`--keep-frames`) and raw RGBA frames back to back. */
import {closeSync, openSync, readdirSync, readFileSync, readSync} from 'node:fs';
import {join} from 'node:path';
import {PNG} from 'pngjs';

/** The PNG files of a kept-frames folder, in frame order. */
export function pngFiles(dir: string): string[] {
  const files = readdirSync(dir)
    .filter(f => f.toLowerCase().endsWith('.png'))
    .sort()
    .map(f => join(dir, f));
  if (!files.length) throw new Error(`no PNG files in ${dir}`);
  return files;
}

/** Each PNG's RGBA pixels, in order. */
export function* pngFrames(files: string[]): Generator<Uint8Array> {
  for (const f of files) {
    const png = PNG.sync.read(readFileSync(f));
    yield new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.length);
  }
}

/** Frames of `frameBytes` from a raw file, one buffer each. */
export function* rawFrames(file: string, frameBytes: number): Generator<Uint8Array> {
  const fd = openSync(file, 'r');
  try {
    for (;;) {
      const buf = new Uint8Array(frameBytes);
      const n = readSync(fd, buf, 0, frameBytes, null);
      if (n === 0) return;
      if (n !== frameBytes) throw new Error('truncated raw frame file');
      yield buf;
    }
  } finally {
    closeSync(fd);
  }
}
