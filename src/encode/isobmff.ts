/**
 * Reading ISO base media file format (ISOBMFF, ISO/IEC 14496-12) boxes: the structure that MP4
 * and AVIF files share. Each box is a 32-bit size (1: a 64-bit size follows the type; 0: to the
 * end of its parent), a four-character type, then its payload. Pure: works on bytes in memory.
 */

export interface Box {
  type: string;
  /** offset of the box's first byte (its size field) in the file */
  start: number;
  /** offset just past the box */
  end: number;
  /** offset of the payload: after the size, type and any 64-bit size */
  payload: number;
  /** true when the size is stored in 64 bits (size field 1) */
  largeSize: boolean;
}

export class BoxError extends Error {
  constructor(message: string) {
    super(`not a well-formed ISOBMFF file: ${message}`);
    this.name = 'BoxError';
  }
}

function view(data: Uint8Array): DataView {
  return new DataView(data.buffer, data.byteOffset, data.byteLength);
}

/** The boxes between `start` and `end` (a file's top level, or a container box's payload). */
export function readBoxes(data: Uint8Array, start = 0, end = data.length): Box[] {
  const dv = view(data);
  const boxes: Box[] = [];
  let at = start;
  while (at < end) {
    if (end - at < 8) throw new BoxError(`${end - at} stray bytes at offset ${at}`);
    let size = dv.getUint32(at);
    const type = String.fromCharCode(data[at + 4], data[at + 5], data[at + 6], data[at + 7]);
    let payload = at + 8;
    if (size === 1) {
      if (end - at < 16) throw new BoxError(`box "${type}" at ${at} is cut short`);
      size = Number(dv.getBigUint64(at + 8));
      payload = at + 16;
    } else if (size === 0) {
      size = end - at;
    }
    if (size < payload - at || at + size > end)
      throw new BoxError(`box "${type}" at ${at} claims ${size} bytes, past its parent's end ${end}`);
    boxes.push({type, start: at, end: at + size, payload, largeSize: payload - at === 16});
    at += size;
  }
  return boxes;
}

/** The children of a container box (moov, trak, mdia, minf, stbl, edts…). */
export function children(data: Uint8Array, box: Box): Box[] {
  return readBoxes(data, box.payload, box.end);
}

/** The one child of `type`; throws when there is none. */
export function child(data: Uint8Array, parent: Box | undefined, type: string): Box {
  const found = (parent ? children(data, parent) : readBoxes(data)).find(b => b.type === type);
  if (!found) throw new BoxError(`no "${type}" box in ${parent ? `"${parent.type}"` : 'the file'}`);
  return found;
}

/** The box at the end of a path of types from the top level, e.g. ['moov', 'trak', 'mdia', 'mdhd']. */
export function boxAt(data: Uint8Array, path: readonly string[]): Box {
  let box: Box | undefined;
  for (const type of path) box = child(data, box, type);
  if (!box) throw new BoxError('empty box path');
  return box;
}

/** A full box's version (the payload's first byte) and its 24-bit flags. */
export function versionAndFlags(data: Uint8Array, box: Box): {version: number; flags: number} {
  const word = view(data).getUint32(box.payload);
  return {version: word >>> 24, flags: word & 0xffffff};
}

/** Reads an unsigned big-endian integer of 0, 4 or 8 bytes (iloc's variable-size fields). */
export function readUint(data: Uint8Array, at: number, bytes: number): number {
  if (bytes === 0) return 0;
  if (bytes === 4) return view(data).getUint32(at);
  if (bytes === 8) return Number(view(data).getBigUint64(at));
  throw new BoxError(`a ${bytes}-byte field`);
}

/** Writes an unsigned big-endian integer of 4 or 8 bytes; throws when it does not fit. */
export function writeUint(data: Uint8Array, at: number, bytes: number, value: number): void {
  if (bytes === 4) {
    if (value > 0xffffffff) throw new BoxError(`${value} does not fit in 32 bits`);
    view(data).setUint32(at, value);
  } else if (bytes === 8) {
    view(data).setBigUint64(at, BigInt(value));
  } else {
    throw new BoxError(`cannot write a ${bytes}-byte field`);
  }
}

/** A box of `type` around `payload` (32-bit size). */
export function makeBox(type: string, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(8 + payload.length);
  view(out).setUint32(0, out.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(payload, 8);
  return out;
}

/** Adds `delta` to a box's size field (32- or 64-bit), in place. */
export function growBox(data: Uint8Array, box: Box, delta: number): void {
  const size = box.end - box.start + delta;
  if (box.largeSize) writeUint(data, box.start + 8, 8, size);
  else writeUint(data, box.start, 4, size);
}
