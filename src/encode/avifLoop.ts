/**
 * Makes an animated AVIF loop forever, the way the AVIF spec (and libavif ≥ 1.0's writer) says
 * so: each track gets an edit list (`edts` > `elst`) with flags = 1 ("repeat the edits") and one
 * edit spanning the whole track, and the track and movie durations become "indefinite" (all
 * ones), which a reader takes as "repeat forever" (ISO/IEC 23008-12 §9.6.1; libavif's
 * avifParseTrackBox). ffmpeg 5.1's AVIF muxer writes no edit list, so a reader without one may
 * play the animation once.
 *
 * Inserting a box moves every byte after it: the moov and trak sizes grow, and the absolute file
 * offsets that point past the insertion (the sample table's stco/co64 chunk offsets, and the
 * still image's iloc extents, both into mdat) are moved by the same amount. Pure: bytes in,
 * bytes out, so the result is as deterministic as the input.
 */
import {type Box, BoxError, child, children, growBox, makeBox, readBoxes, readUint, versionAndFlags, writeUint} from './isobmff';

/** Writes the "indefinite" duration: every bit of the field set, 32 or 64 of them. */
function setIndefinite(data: Uint8Array, at: number, bytes: number): void {
  data.fill(0xff, at, at + bytes);
}

/** The edit list's flags: bit 0 set means the edits repeat (the ISO/IEC 14496-12 elst flag). */
export const ELST_REPEAT = 1;

/** Where a full box's duration (and timescale) sit, by version: mvhd and mdhd share the layout; tkhd has track_ID and a reserved word before its duration. */
function timing(data: Uint8Array, box: Box): {timescaleAt: number; durationAt: number; bytes: 4 | 8} {
  const {version} = versionAndFlags(data, box);
  if (version > 1) throw new BoxError(`"${box.type}" version ${version}`);
  const bytes = version === 1 ? 8 : 4;
  const times = box.payload + 4 + 2 * bytes; // after version/flags, creation and modification times
  if (box.type === 'tkhd') return {timescaleAt: -1, durationAt: times + 8, bytes};
  return {timescaleAt: times, durationAt: times + 4, bytes};
}

/** An `edts` holding one version-1 `elst` (as libavif writes it): the whole track once, repeated. */
export function loopingEditBox(segmentDuration: number): Uint8Array {
  const elst = new Uint8Array(4 + 4 + 20);
  const dv = new DataView(elst.buffer);
  dv.setUint32(0, (1 << 24) | ELST_REPEAT); // version 1, flags: repeat
  dv.setUint32(4, 1); // entry_count
  dv.setBigUint64(8, BigInt(segmentDuration)); // segment_duration, in the movie's timescale
  dv.setBigInt64(16, 0n); // media_time: from the track's start
  dv.setUint16(24, 1); // media_rate_integer
  dv.setUint16(26, 0); // media_rate_fraction
  return makeBox('edts', makeBox('elst', elst));
}

/** A change to the original bytes: remove `remove` bytes at `at`, put `insert` there. */
interface Splice {
  at: number;
  remove: number;
  insert: Uint8Array;
}

/** Where an offset of the original file lands once the splices are applied. */
function shifted(offset: number, splices: readonly Splice[]): number {
  let delta = 0;
  for (const s of splices) {
    if (offset >= s.at + s.remove) delta += s.insert.length - s.remove;
    else if (offset > s.at) throw new BoxError(`offset ${offset} points into a replaced box`);
  }
  return offset + delta;
}

/** Moves the chunk offsets of every track's sample table (stco: 32-bit, co64: 64-bit). */
function shiftChunkOffsets(out: Uint8Array, original: Uint8Array, trak: Box, splices: readonly Splice[]): void {
  const stbl = child(original, child(original, child(original, trak, 'mdia'), 'minf'), 'stbl');
  for (const table of children(original, stbl)) {
    if (table.type !== 'stco' && table.type !== 'co64') continue;
    const bytes = table.type === 'stco' ? 4 : 8;
    const count = readUint(original, table.payload + 4, 4);
    for (let i = 0; i < count; i++) {
      const at = table.payload + 8 + i * bytes;
      writeUint(out, at, bytes, shifted(readUint(original, at, bytes), splices));
    }
  }
}

/** Moves the file offsets of a meta box's item locations (iloc, ISO/IEC 14496-12 §8.11.3). */
function shiftItemLocations(out: Uint8Array, original: Uint8Array, meta: Box, splices: readonly Splice[]): void {
  // meta is a full box: its children start after version and flags.
  const iloc = readBoxes(original, meta.payload + 4, meta.end).find(b => b.type === 'iloc');
  if (!iloc) return;
  const {version} = versionAndFlags(original, iloc);
  if (version > 2) throw new BoxError(`iloc version ${version}`);
  let at = iloc.payload + 4;
  const offsetSize = original[at] >> 4,
    lengthSize = original[at] & 15;
  const baseOffsetSize = original[at + 1] >> 4,
    indexSize = version > 0 ? original[at + 1] & 15 : 0;
  at += 2;
  const wide = version === 2 ? 4 : 2; // item_count and item_ID: 32 bits in version 2
  const itemCount = readUint16or32(original, at, wide);
  at += wide;
  for (let item = 0; item < itemCount; item++) {
    at += wide; // item_ID
    const method = version > 0 ? readUint16or32(original, at, 2) & 15 : 0;
    if (version > 0) at += 2;
    const dataReference = readUint16or32(original, at, 2);
    at += 2;
    const baseAt = at,
      base = readUint(original, at, baseOffsetSize);
    at += baseOffsetSize;
    const extentCount = readUint16or32(original, at, 2);
    at += 2;
    // Only construction method 0 with data reference 0 addresses this file by offset.
    const inFile = method === 0 && dataReference === 0;
    if (inFile && base > 0) writeUint(out, baseAt, baseOffsetSize, shifted(base, splices));
    for (let e = 0; e < extentCount; e++) {
      at += indexSize;
      if (inFile && base === 0) {
        if (offsetSize === 0) throw new BoxError('iloc extents without offsets cannot be moved');
        writeUint(out, at, offsetSize, shifted(readUint(original, at, offsetSize), splices));
      }
      at += offsetSize + lengthSize;
    }
  }
}

function readUint16or32(data: Uint8Array, at: number, bytes: 2 | 4): number {
  return bytes === 2 ? (data[at] << 8) | data[at + 1] : readUint(data, at, 4);
}

/**
 * An edit list already there may be replaced only when it is one edit from the media's start
 * (what ffmpeg writes when no frame is reordered): anything else changes what is shown.
 */
function checkReplaceable(data: Uint8Array, edts: Box): void {
  const elst = readBoxes(data, edts.payload, edts.end).find(b => b.type === 'elst');
  if (!elst) return;
  const {version} = versionAndFlags(data, elst);
  const entries = readUint(data, elst.payload + 4, 4);
  const wide = version === 1 ? 8 : 4;
  const mediaTime = entries === 1 ? readUint(data, elst.payload + 8 + wide, wide) : NaN;
  if (entries !== 1 || mediaTime !== 0) {
    throw new BoxError(
      `the track has an edit list of ${entries} edit(s) from media time ${mediaTime}; only one edit from the start can be made to loop`,
    );
  }
}

/** Types that come before `edts` in a trak (ISO/IEC 14496-12's box order). */
const BEFORE_EDTS = new Set(['tkhd', 'tref', 'trgr']);

/**
 * The same AVIF, looping forever: every track gets a repeating edit list (an existing one is
 * replaced), and the movie and track durations become indefinite.
 */
export function signalInfiniteLoop(file: Uint8Array): Uint8Array {
  const top = readBoxes(file);
  const moov = top.find(b => b.type === 'moov');
  if (!moov) throw new BoxError('no "moov" box: not an animated AVIF');
  const mvhd = child(file, moov, 'mvhd');
  const movie = timing(file, mvhd);
  const movieTimescale = readUint(file, movie.timescaleAt, 4);
  const traks = children(file, moov).filter(b => b.type === 'trak');
  if (traks.length === 0) throw new BoxError('no "trak" box in "moov"');

  const splices: Splice[] = [];
  const trakDeltas = new Map<Box, number>();
  for (const trak of traks) {
    const mdhd = child(file, child(file, trak, 'mdia'), 'mdhd');
    const media = timing(file, mdhd);
    const mediaDuration = readUint(file, media.durationAt, media.bytes);
    const segment = Math.round((mediaDuration * movieTimescale) / readUint(file, media.timescaleAt, 4));
    if (segment <= 0) throw new BoxError('a track of zero duration cannot loop');
    const kids = children(file, trak);
    const old = kids.find(b => b.type === 'edts');
    if (old) checkReplaceable(file, old);
    const edts = loopingEditBox(segment);
    const at = old ? old.start : (kids.find(b => !BEFORE_EDTS.has(b.type))?.start ?? trak.end);
    const splice = {at, remove: old ? old.end - old.start : 0, insert: edts};
    splices.push(splice);
    trakDeltas.set(trak, splice.insert.length - splice.remove);
  }
  splices.sort((a, b) => a.at - b.at);

  // Patch the original's fields in a copy (sizes, durations, offsets), then splice.
  const patched = file.slice();
  growBox(
    patched,
    moov,
    [...trakDeltas.values()].reduce((a, b) => a + b, 0),
  );
  setIndefinite(patched, movie.durationAt, movie.bytes);
  for (const [trak, delta] of trakDeltas) {
    growBox(patched, trak, delta);
    const tkhd = timing(file, child(file, trak, 'tkhd'));
    setIndefinite(patched, tkhd.durationAt, tkhd.bytes);
    shiftChunkOffsets(patched, file, trak, splices);
    const meta = children(file, trak).find(b => b.type === 'meta');
    if (meta) shiftItemLocations(patched, file, meta, splices);
  }
  for (const meta of top.filter(b => b.type === 'meta')) shiftItemLocations(patched, file, meta, splices);
  return applySplices(patched, splices);
}

function applySplices(data: Uint8Array, splices: readonly Splice[]): Uint8Array {
  const size = data.length + splices.reduce((sum, s) => sum + s.insert.length - s.remove, 0);
  const out = new Uint8Array(size);
  let from = 0,
    to = 0;
  for (const s of splices) {
    out.set(data.subarray(from, s.at), to);
    to += s.at - from;
    out.set(s.insert, to);
    to += s.insert.length;
    from = s.at + s.remove;
  }
  out.set(data.subarray(from), to);
  return out;
}
