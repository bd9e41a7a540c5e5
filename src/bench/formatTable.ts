// Pure formatting and judging of the bench's per-format report (`npm run bench`, issue 24): per
// animation, one line per format (GIF, AVIF, MP4, and WebM when asked) with size, PSNR against the
// lossless frames and encode CPU; the AVIF targets, pass or fail; and the post's page weight for
// each way of embedding the figures.
import type {GifQuality} from './gifQuality';
import {db, kb, markdownTable, passFail} from './table';

export interface FormatFigures {
  bytes: number;
  /** encode CPU seconds (the GIF: our in-process encoder; the others: ffmpeg's process) */
  cpuSeconds: number;
  quality: GifQuality;
}

export interface FormatRow {
  name: string;
  frames: number;
  gif: FormatFigures;
  avif: FormatFigures;
  mp4: FormatFigures;
  webm?: FormatFigures;
  /** bytes of the poster PNG the player shows before it plays; undefined when it was not rendered */
  posterBytes?: number;
}

/** Issue 24's AVIF targets, per animation and over the post. */
export const AVIF_TARGETS = {
  /** AVIF bytes at most this times our GIF's, per animation */
  sizeRatio: 0.6,
  /** and over every animation benched together */
  totalSizeRatio: 0.5,
  /** all-frame RGB PSNR no more than this below the MP4's */
  allDbBelowMp4: 0.3,
  /** BT.709 luma PSNR at least this, on still frames and on moving frames */
  lumaDb: 44,
} as const;

export interface AvifTargetResult {
  size: boolean;
  allDb: boolean;
  lumaStill: boolean;
  lumaMoving: boolean;
}

export function avifTargets(r: FormatRow): AvifTargetResult {
  const q = r.avif.quality;
  return {
    size: r.avif.bytes <= AVIF_TARGETS.sizeRatio * r.gif.bytes,
    allDb: q.allDb >= r.mp4.quality.allDb - AVIF_TARGETS.allDbBelowMp4,
    // no still frames: nothing held on screen to judge
    lumaStill: q.stillFrames === 0 || q.lumaStillDb >= AVIF_TARGETS.lumaDb,
    lumaMoving: q.lumaMovingDb >= AVIF_TARGETS.lumaDb,
  };
}

/** One animation: a line per format. */
export function formatFormats(r: FormatRow): string {
  const line = (label: string, f: FormatFigures): string[] => [
    label,
    kb(f.bytes),
    `${(f.bytes / r.gif.bytes).toFixed(3)}×`,
    db(f.quality.allDb),
    db(f.quality.stillDb),
    db(f.quality.movingDb),
    `${db(f.quality.lumaStillDb)} / ${db(f.quality.lumaMovingDb)}`,
    `${f.cpuSeconds.toFixed(1)} s`,
  ];
  return markdownTable([
    [
      `${r.name} (${r.frames} frames)`,
      'size',
      '× GIF',
      'all-frame PSNR',
      'still PSNR',
      'moving PSNR',
      'luma PSNR still / moving',
      'encode CPU',
    ],
    line('GIF', r.gif),
    line('AVIF', r.avif),
    line('MP4', r.mp4),
    ...(r.webm ? [line('WebM', r.webm)] : []),
  ]);
}

/** One line per animation: the AVIF's figure against each target, and the totals over them all. */
export function formatAvifTargets(rows: FormatRow[]): string {
  const total = (pick: (r: FormatRow) => number) => rows.reduce((sum, r) => sum + pick(r), 0);
  const totalRatio = total(r => r.avif.bytes) / total(r => r.gif.bytes);
  return markdownTable([
    [
      'animation',
      `size (≤ ${AVIF_TARGETS.sizeRatio}× GIF)`,
      `all-frame PSNR (≥ MP4 − ${AVIF_TARGETS.allDbBelowMp4} dB)`,
      `luma still (≥ ${AVIF_TARGETS.lumaDb} dB)`,
      `luma moving (≥ ${AVIF_TARGETS.lumaDb} dB)`,
      'all four',
    ],
    ...rows.map(r => {
      const t = avifTargets(r);
      const q = r.avif.quality;
      return [
        r.name,
        `${(r.avif.bytes / r.gif.bytes).toFixed(3)}× ${passFail(t.size)}`,
        `${(q.allDb - r.mp4.quality.allDb >= 0 ? '+' : '') + (q.allDb - r.mp4.quality.allDb).toFixed(2)} dB ${passFail(t.allDb)}`,
        `${db(q.lumaStillDb)} ${passFail(t.lumaStill)}`,
        `${db(q.lumaMovingDb)} ${passFail(t.lumaMoving)}`,
        passFail(t.size && t.allDb && t.lumaStill && t.lumaMoving),
      ];
    }),
    [
      `together (${rows.length})`,
      `${totalRatio.toFixed(3)}× ${passFail(totalRatio <= AVIF_TARGETS.totalSizeRatio)} (≤ ${AVIF_TARGETS.totalSizeRatio}×)`,
      '',
      '',
      '',
      '',
    ],
  ]);
}

/** The post's download for each way of embedding the animations benched. */
export function formatPageWeight(rows: FormatRow[]): string {
  const total = (pick: (r: FormatRow) => number) => rows.reduce((sum, r) => sum + pick(r), 0);
  const posters = rows.every(r => r.posterBytes !== undefined);
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
  return markdownTable([
    [`embed (${rows.length} animations)`, 'page weight', 'what a reader downloads'],
    ['GIF only (Markdown platforms)', mb(total(r => r.gif.bytes)), 'every GIF'],
    ['<picture>: AVIF, GIF fallback', mb(total(r => r.avif.bytes)), 'every AVIF (the GIF only where AVIF is not decoded)'],
    ['player: MP4 + poster', posters ? mb(total(r => r.mp4.bytes + r.posterBytes!)) : 'poster missing', 'every MP4 and its poster PNG'],
  ]);
}
