// Pure formatting of the benchmark report (`npm run bench`). One table per animation, built from
// sections: each section is a function from a measured row to [label, value] lines, so more
// columns (render speed, cache) can be added as new sections without touching the others.

export interface EncoderMeasure { bytes: number; psnr: number; ms: number; }

export interface BenchRow {
  name: string;
  frames: number;
  width: number;
  height: number;
  ours: EncoderMeasure;
  ffmpeg: EncoderMeasure;
  /** bytes of output/<name>.mp4, undefined when it does not exist */
  mp4Bytes?: number;
}

/** Issue 6 targets. */
export const TARGETS = {sizeRatio: 0.75, maxDbBelow: 0.5, timeRatio: 2, timeRatioAim: 1} as const;

export interface TargetResult { size: boolean; psnr: boolean; time: boolean; timeAim: boolean; }

export function sizeRatio(r: BenchRow): number { return r.ours.bytes / r.ffmpeg.bytes; }
export function deltaDb(r: BenchRow): number { return r.ours.psnr - r.ffmpeg.psnr; }
export function timeRatio(r: BenchRow): number { return r.ours.ms / r.ffmpeg.ms; }

export function targets(r: BenchRow): TargetResult {
  return {
    size: sizeRatio(r) <= TARGETS.sizeRatio,
    psnr: deltaDb(r) >= -TARGETS.maxDbBelow,
    time: timeRatio(r) <= TARGETS.timeRatio,
    timeAim: timeRatio(r) <= TARGETS.timeRatioAim,
  };
}

export type Line = [label: string, ours: string, ffmpeg: string, ratio: string];
export type Section = (r: BenchRow) => Line[];

export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
export const db = (v: number): string => (Number.isFinite(v) ? `${v.toFixed(2)} dB` : '∞ dB');
export const signed = (v: number, digits = 2): string => (v >= 0 ? '+' : '') + v.toFixed(digits);
export const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
export const yesNo = (ok: boolean): string => (ok ? 'yes' : 'no');

/** frames and size */
export const framesSection: Section = r => [['frames', `${r.frames} (${r.width}×${r.height})`, '', '']];

/** GIF bytes and PSNR, ours vs ffmpeg's two-pass palettegen GIF */
export const gifSection: Section = r => [
  ['GIF size', kb(r.ours.bytes), kb(r.ffmpeg.bytes), `${sizeRatio(r).toFixed(3)}×`],
  ['GIF PSNR', db(r.ours.psnr), db(r.ffmpeg.psnr), `${signed(deltaDb(r))} dB`],
];

/** GIF encode times */
export const encodeTimeSection: Section = r => [['GIF encode', seconds(r.ours.ms), seconds(r.ffmpeg.ms), `${timeRatio(r).toFixed(2)}×`]];

/** MP4 from the render pipeline */
export const mp4Section: Section = r => [['MP4 size', r.mp4Bytes === undefined ? 'missing' : kb(r.mp4Bytes), '', '']];

/** targets met? */
export const targetsSection: Section = r => {
  const t = targets(r);
  return [
    [`target size ≤ ${TARGETS.sizeRatio}× ffmpeg`, yesNo(t.size), '', ''],
    [`target PSNR ≥ ffmpeg − ${TARGETS.maxDbBelow} dB`, yesNo(t.psnr), '', ''],
    [`target time ≤ ${TARGETS.timeRatio}× ffmpeg (aim ≤ ${TARGETS.timeRatioAim}×)`, `${yesNo(t.time)} (aim: ${yesNo(t.timeAim)})`, '', ''],
  ];
};

/** Hooks for later: render speed and cache sections go here, e.g. [framesSection, renderSection, …]. */
export const DEFAULT_SECTIONS: Section[] = [framesSection, gifSection, encodeTimeSection, mp4Section, targetsSection];

/** A Markdown table for one animation. */
export function formatAnimation(r: BenchRow, sections: Section[] = DEFAULT_SECTIONS): string {
  const rows: string[][] = [[r.name, 'ours', 'ffmpeg two-pass', 'ours/ffmpeg'], ...sections.flatMap(s => s(r))];
  const widths = rows[0].map((_, i) => Math.max(...rows.map(row => row[i].length)));
  const line = (row: string[]) => '| ' + row.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |';
  return [line(rows[0]), '|' + widths.map(w => '-'.repeat(w + 2)).join('|') + '|', ...rows.slice(1).map(line)].join('\n');
}

/** The last line: wall time and peak RSS of the bench process. maxRssKb as process.resourceUsage().maxRSS (KiB). */
export function formatFooter(wallMs: number, maxRssKb: number): string {
  return `total wall time ${seconds(wallMs)}, peak RSS ${(maxRssKb / 1024).toFixed(0)} MB`;
}

export function formatReport(rows: BenchRow[], wallMs: number, maxRssKb: number, sections: Section[] = DEFAULT_SECTIONS): string {
  return [...rows.map(r => formatAnimation(r, sections)), formatFooter(wallMs, maxRssKb)].join('\n\n');
}
