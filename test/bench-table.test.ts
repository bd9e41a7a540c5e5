import {describe, expect, it} from 'vitest';
import {formatAnimation, formatFooter, gifSection, targets, type BenchRow, type Section} from '../src/bench/table.js';

const row: BenchRow = {
  name: 'dense', frames: 367, width: 960, height: 540,
  ours: {bytes: 750 * 1024, psnr: 48.0, ms: 3000},
  ffmpeg: {bytes: 1000 * 1024, psnr: 48.3, ms: 2000},
  mp4Bytes: 650 * 1024,
};

describe('bench table', () => {
  it('judges the targets', () => {
    expect(targets(row)).toEqual({size: true, psnr: true, time: true, timeAim: false});
    expect(targets({...row, ours: {...row.ours, psnr: 47.7}}).psnr).toBe(false);
    expect(targets({...row, ours: {...row.ours, bytes: 751 * 1024}}).size).toBe(false);
    expect(targets({...row, ours: {...row.ours, ms: 4001}}).time).toBe(false);
  });
  it('formats sizes, PSNR and ratios', () => {
    expect(gifSection(row)).toEqual([
      ['GIF size', '750.0 KB', '1000.0 KB', '0.750×'],
      ['GIF PSNR', '48.00 dB', '48.30 dB', '-0.30 dB'],
    ]);
    const t = formatAnimation(row);
    expect(t.split('\n')[0]).toMatch(/^\| dense +\| ours +\| ffmpeg two-pass \| ours\/ffmpeg \|$/);
    expect(t).toContain('650.0 KB');
    expect(t).toMatch(/target time .*\| yes \(aim: no\)/);
    expect(formatAnimation({...row, mp4Bytes: undefined})).toContain('missing');
    // every line has the same width
    expect(new Set(t.split('\n').map(l => l.length)).size).toBe(1);
  });
  it('takes extra sections (hook for render speed / cache)', () => {
    const extra: Section = () => [['render', '12.0 fps', '', '']];
    expect(formatAnimation(row, [extra])).toContain('12.0 fps');
  });
  it('footer', () => {
    expect(formatFooter(12345, 204800)).toBe('total wall time 12.35 s, peak RSS 200 MB');
  });
});
