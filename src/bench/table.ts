// Pure formatting and judging of the benchmark's GIF report (`npm run bench`). One table per
// animation, built from sections: each section is a function from a measured row to lines of
// [label, ours, ffmpeg, gifski, comparison], so more rows can be added without touching the others.
// Then one line per animation saying which targets it meets.
import type {GifQuality} from './gifQuality';
import {OFF_LEVELS} from './gifQuality';

export interface EncoderMeasure {
  bytes: number;
  ms: number;
  quality: GifQuality;
}

export interface BenchRow {
  name: string;
  frames: number;
  width: number;
  height: number;
  ours: EncoderMeasure;
  /** the anchors: ffmpeg's two-pass palettegen GIF, and gifski or why it was skipped */
  ffmpeg: EncoderMeasure;
  gifski: EncoderMeasure | {missing: string};
  /** bytes of output/<name>.mp4, undefined when it does not exist */
  mp4Bytes?: number;
}

/** Issue 14's targets, for every animation in one run. */
export const TARGETS = {
  /** still-frame PSNR no more than this below the best anchor's */
  stillDbBelowBest: 0.5,
  /** moving-frame PSNR at least this */
  movingDb: 45,
  /** "a handful": at most this many pixels more than OFF_LEVELS off in any one still frame */
  stillOffPixels: 5,
  /** bytes at most this times ffmpeg's */
  sizeRatio: 0.75,
} as const;

export interface TargetResult {
  still: boolean;
  moving: boolean;
  stillOff: boolean;
  size: boolean;
}

function gifskiMeasure(r: BenchRow): EncoderMeasure | undefined {
  return 'missing' in r.gifski ? undefined : r.gifski;
}

export function sizeRatio(r: BenchRow): number {
  return r.ours.bytes / r.ffmpeg.bytes;
}

/** The higher still-frame PSNR of the anchors that ran. */
export function bestAnchorStillDb(r: BenchRow): number {
  return Math.max(r.ffmpeg.quality.stillDb, gifskiMeasure(r)?.quality.stillDb ?? -Infinity);
}

/** Ours minus the best anchor, on still frames (dB). */
export function stillDeltaDb(r: BenchRow): number {
  const ours = r.ours.quality.stillDb,
    best = bestAnchorStillDb(r);
  return ours === best ? 0 : ours - best; // Infinity − Infinity would be NaN
}

export function targets(r: BenchRow): TargetResult {
  const q = r.ours.quality;
  return {
    // no still frames: nothing held on screen to judge
    still: q.stillFrames === 0 || stillDeltaDb(r) >= -TARGETS.stillDbBelowBest,
    moving: q.movingDb >= TARGETS.movingDb,
    stillOff: q.worstStillOff <= TARGETS.stillOffPixels,
    size: sizeRatio(r) <= TARGETS.sizeRatio,
  };
}

export type Line = [label: string, ours: string, ffmpeg: string, gifski: string, comparison: string];
export type Section = (r: BenchRow) => Line[];

export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
export const db = (v: number): string => (Number.isNaN(v) ? 'n/a' : Number.isFinite(v) ? `${v.toFixed(2)} dB` : '∞ dB');
export const signed = (v: number, digits = 2): string => (v >= 0 ? '+' : '') + v.toFixed(digits);
export const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
export const passFail = (ok: boolean): string => (ok ? 'pass' : 'FAIL');

/** One figure for ours, ffmpeg and gifski ('missing' when gifski did not run). */
function figures(r: BenchRow, figure: (m: EncoderMeasure) => string): [string, string, string] {
  const gifski = gifskiMeasure(r);
  return [figure(r.ours), figure(r.ffmpeg), gifski ? figure(gifski) : 'missing'];
}

/** frames and size */
export const framesSection: Section = r => [
  ['frames', `${r.frames} (${r.width}×${r.height})`, '', '', `${r.ours.quality.stillFrames} still, ${r.ours.quality.movingFrames} moving`],
];

/** GIF bytes, against each anchor */
export const sizeSection: Section = r => {
  const gifski = gifskiMeasure(r);
  const vs = [`${sizeRatio(r).toFixed(3)}× ffmpeg`, ...(gifski ? [`${(r.ours.bytes / gifski.bytes).toFixed(3)}× gifski`] : [])];
  return [['GIF size', ...figures(r, m => kb(m.bytes)), vs.join(', ')]];
};

/** still- and moving-frame PSNR (the judges), all-frame PSNR (for information), still pixels off */
export const qualitySection: Section = r => [
  ['still-frame PSNR', ...figures(r, m => db(m.quality.stillDb)), `${signed(stillDeltaDb(r))} dB vs best anchor`],
  ['moving-frame PSNR', ...figures(r, m => db(m.quality.movingDb)), ''],
  ['all-frame PSNR (info)', ...figures(r, m => db(m.quality.allDb)), ''],
  [
    `still pixels > ${OFF_LEVELS} levels off`,
    ...figures(r, m => `${m.quality.worstStillOff} max, ${m.quality.stillOffTotal} total`),
    'worst still frame; sum of all',
  ],
];

/** GIF encode times (for information) */
export const encodeTimeSection: Section = r => [
  ['GIF encode', ...figures(r, m => seconds(m.ms)), `${(r.ours.ms / r.ffmpeg.ms).toFixed(2)}× ffmpeg`],
];

/** MP4 from the render pipeline */
export const mp4Section: Section = r => [['MP4 size', r.mp4Bytes === undefined ? 'missing' : kb(r.mp4Bytes), '', '', '']];

/** the four targets, pass or fail */
export const targetsSection: Section = r => {
  const t = targets(r);
  return [
    [`target still PSNR ≥ best anchor − ${TARGETS.stillDbBelowBest} dB`, passFail(t.still), '', '', ''],
    [`target moving PSNR ≥ ${TARGETS.movingDb} dB`, passFail(t.moving), '', '', ''],
    [`target ≤ ${TARGETS.stillOffPixels} still pixels > ${OFF_LEVELS} off`, passFail(t.stillOff), '', '', ''],
    [`target size ≤ ${TARGETS.sizeRatio}× ffmpeg`, passFail(t.size), '', '', ''],
  ];
};

export const DEFAULT_SECTIONS: Section[] = [framesSection, sizeSection, qualitySection, encodeTimeSection, mp4Section, targetsSection];

/** A Markdown table; the first row is the header. */
export function markdownTable(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map(row => row[i].length)));
  const line = (row: string[]) => '| ' + row.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |';
  return [line(rows[0]), '|' + widths.map(w => '-'.repeat(w + 2)).join('|') + '|', ...rows.slice(1).map(line)].join('\n');
}

/** A Markdown table for one animation. */
export function formatAnimation(r: BenchRow, sections: Section[] = DEFAULT_SECTIONS): string {
  return markdownTable([[r.name, 'ours', 'ffmpeg two-pass', 'gifski', 'comparison'], ...sections.flatMap(s => s(r))]);
}

/** One line per animation: each target's figure and pass/fail, and whether all four are met. */
export function formatTargets(rows: BenchRow[]): string {
  return markdownTable([
    [
      'animation',
      `still PSNR vs best (≥ −${TARGETS.stillDbBelowBest} dB)`,
      `moving PSNR (≥ ${TARGETS.movingDb} dB)`,
      `still pixels off (≤ ${TARGETS.stillOffPixels})`,
      `size (≤ ${TARGETS.sizeRatio}× ffmpeg)`,
      'all four',
    ],
    ...rows.map(r => {
      const t = targets(r);
      return [
        r.name,
        `${signed(stillDeltaDb(r))} dB ${passFail(t.still)}`,
        `${db(r.ours.quality.movingDb)} ${passFail(t.moving)}`,
        `${r.ours.quality.worstStillOff} ${passFail(t.stillOff)}`,
        `${sizeRatio(r).toFixed(3)}× ${passFail(t.size)}`,
        passFail(t.still && t.moving && t.stillOff && t.size),
      ];
    }),
  ]);
}

/** The last line: wall time and peak RSS of the bench process. maxRssKb as process.resourceUsage().maxRSS (KiB). */
export function formatFooter(wallMs: number, maxRssKb: number): string {
  return `total wall time ${seconds(wallMs)}, peak RSS ${(maxRssKb / 1024).toFixed(0)} MB`;
}

/** One animation's render cost: the whole process tree's CPU per frame, against the floor's. */
export interface RenderCostRow {
  name: string;
  frames: number;
  /** CPU seconds of the render's process tree for this scene alone (--jobs 1, gif+mp4) */
  renderCpuSeconds: number;
  /** CPU seconds of the floor (drawing + readback, no transport, no encoders) */
  floorCpuSeconds: number;
  floorFrames: number;
  /** the scene's wall time inside the full render (scenes two at once) */
  fullWallMs: number;
}

/** Issue 14's aim for CPU per frame against the floor's (not a target: on 2 cores the encoders need their share). */
export const CPU_RATIO_AIM = 2.5;

export function cpuRatio(r: RenderCostRow): number {
  return r.renderCpuSeconds / r.frames / (r.floorCpuSeconds / r.floorFrames);
}

const msPerFrame = (cpuSeconds: number, frames: number): string => `${((1000 * cpuSeconds) / frames).toFixed(1)} ms`;

/** One line per animation: CPU per frame of the render and of the floor, their ratio against the aim, and the full render's wall time. */
export function formatRenderCost(rows: RenderCostRow[]): string {
  return markdownTable([
    ['animation', 'frames', 'render CPU/frame', 'floor CPU/frame', 'ratio', `aim ≤ ${CPU_RATIO_AIM}×`, 'wall in the full render'],
    ...rows.map(r => [
      r.name,
      String(r.frames),
      msPerFrame(r.renderCpuSeconds, r.frames),
      msPerFrame(r.floorCpuSeconds, r.floorFrames),
      `${cpuRatio(r).toFixed(2)}×`,
      cpuRatio(r) <= CPU_RATIO_AIM ? 'met' : 'not yet',
      seconds(r.fullWallMs),
    ]),
  ]);
}
