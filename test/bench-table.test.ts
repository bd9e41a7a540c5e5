import {describe, expect, it} from 'vitest';
import type {GifQuality} from '../src/bench/gifQuality.js';
import {
  bestAnchorStillDb,
  cpuRatio,
  formatAnimation,
  formatRenderCost,
  formatFooter,
  formatTargets,
  qualitySection,
  sizeSection,
  targets,
  type BenchRow,
  type EncoderMeasure,
  type Section,
} from '../src/bench/table.js';

function measure(kb: number, stillDb: number, movingDb: number, worstStillOff = 0, ms = 1000): EncoderMeasure {
  const quality: GifQuality = {
    allDb: movingDb,
    stillDb,
    movingDb,
    lumaStillDb: stillDb,
    lumaMovingDb: movingDb,
    stillFrames: 50,
    movingFrames: 300,
    worstStillOff,
    stillOffTotal: 2 * worstStillOff,
  };
  return {bytes: kb * 1024, ms, quality};
}

const row: BenchRow = {
  name: 'dense',
  frames: 350,
  width: 960,
  height: 540,
  ours: measure(750, 57.0, 46.0, 3, 3000),
  ffmpeg: measure(1000, 48.0, 48.0, 88, 2000),
  gifski: measure(1300, 57.5, 55.0),
  mp4Bytes: 650 * 1024,
};

describe('bench targets', () => {
  it('passes a row within all four', () => {
    expect(targets(row)).toEqual({still: true, moving: true, stillOff: true, size: true});
  });
  it('judges still-frame PSNR against the better anchor, and only 0.5 dB below it', () => {
    expect(bestAnchorStillDb(row)).toBe(57.5);
    expect(targets({...row, ours: measure(750, 56.99, 46.0)}).still).toBe(false);
    expect(targets({...row, gifski: {missing: 'not installed'}, ours: measure(750, 47.5, 46.0)}).still).toBe(true);
    expect(targets({...row, gifski: {missing: 'not installed'}, ours: measure(750, 47.49, 46.0)}).still).toBe(false);
  });
  it('needs moving-frame PSNR of 45 dB, a handful of off pixels at most, and 0.75× ffmpeg', () => {
    expect(targets({...row, ours: measure(750, 57.0, 44.99)}).moving).toBe(false);
    expect(targets({...row, ours: measure(750, 57.0, 46.0, 5)}).stillOff).toBe(true);
    expect(targets({...row, ours: measure(750, 57.0, 46.0, 6)}).stillOff).toBe(false);
    expect(targets({...row, ours: measure(751, 57.0, 46.0)}).size).toBe(false);
  });
});

describe('bench tables', () => {
  it('formats sizes and PSNR for ours and both anchors', () => {
    expect(sizeSection(row)).toEqual([['GIF size', '750.0 KB', '1000.0 KB', '1300.0 KB', '0.750× ffmpeg, 0.577× gifski']]);
    expect(qualitySection(row).slice(0, 2)).toEqual([
      ['still-frame PSNR', '57.00 dB', '48.00 dB', '57.50 dB', '-0.50 dB vs best anchor'],
      ['moving-frame PSNR', '46.00 dB', '48.00 dB', '55.00 dB', ''],
    ]);
    const t = formatAnimation(row);
    expect(t.split('\n')[0]).toMatch(/^\| dense +\| ours +\| ffmpeg two-pass +\| gifski +\| comparison +\|$/);
    expect(t).toContain('650.0 KB');
    expect(t).toMatch(/target size ≤ 0.75× ffmpeg +\| pass/);
    expect(new Set(t.split('\n').map(l => l.length)).size).toBe(1); // every line has the same width
  });
  it('says gifski is missing in its column', () => {
    const t = formatAnimation({...row, gifski: {missing: 'gifski not found'}, mp4Bytes: undefined});
    expect(sizeSection({...row, gifski: {missing: 'x'}})).toEqual([['GIF size', '750.0 KB', '1000.0 KB', 'missing', '0.750× ffmpeg']]);
    expect(t.split('\n').filter(l => l.includes('missing')).length).toBeGreaterThanOrEqual(5);
  });
  it('prints pass or fail per target and animation', () => {
    const t = formatTargets([row, {...row, name: 'conv', ours: measure(800, 57.0, 44.0)}]).split('\n');
    expect(t).toHaveLength(4);
    expect(t[2]).toMatch(/^\| dense +\| -0.50 dB pass +\| 46.00 dB pass +\| 3 pass +\| 0.750× pass +\| pass +\|$/);
    expect(t[3]).toMatch(/^\| conv +\| -0.50 dB pass +\| 44.00 dB FAIL +\| 0 pass +\| 0.800× FAIL +\| FAIL +\|$/);
  });
  it('takes extra sections', () => {
    const extra: Section = () => [['render', '12.0 fps', '', '', '']];
    expect(formatAnimation(row, [extra])).toContain('12.0 fps');
  });
  it('footer', () => {
    expect(formatFooter(12345, 204800)).toBe('total wall time 12.35 s, peak RSS 200 MB');
  });
});

describe('render cost table', () => {
  it('compares CPU per frame with the floor and reports the full render wall time', () => {
    const rows = [
      {name: 'dense', frames: 350, renderCpuSeconds: 14, floorCpuSeconds: 5.25, floorFrames: 350, fullWallMs: 21500},
      {name: 'conv', frames: 300, renderCpuSeconds: 9, floorCpuSeconds: 3, floorFrames: 300, fullWallMs: 9000},
    ];
    expect(cpuRatio(rows[0])).toBeCloseTo(14 / 5.25, 12);
    const t = formatRenderCost(rows).split('\n');
    expect(t[0]).toMatch(
      /^\| animation \| frames \| render CPU\/frame \| floor CPU\/frame \| ratio \| aim ≤ 2.5× \| wall in the full render \|$/,
    );
    expect(t[2]).toMatch(/^\| dense +\| 350 +\| 40.0 ms +\| 15.0 ms +\| 2.67× \| not yet +\| 21.50 s +\|$/);
    expect(t[3]).toMatch(/^\| conv +\| 300 +\| 30.0 ms +\| 10.0 ms +\| 3.00× \| not yet +\| 9.00 s +\|$/);
  });
  it('meets the aim at 2.5× and below', () => {
    expect(formatRenderCost([{name: 'a', frames: 10, renderCpuSeconds: 2.5, floorCpuSeconds: 1, floorFrames: 10, fullWallMs: 1}])).toMatch(
      /2.50× \| met/,
    );
  });
});
