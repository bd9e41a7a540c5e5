import {describe, expect, it} from 'vitest';
import {
  avifTargets,
  formatAvifTargets,
  formatFormats,
  formatPageWeight,
  type FormatFigures,
  type FormatRow,
} from '../src/bench/formatTable';
import type {GifQuality} from '../src/bench/gifQuality';

function figures(kb: number, allDb: number, lumaStillDb = 50, lumaMovingDb = 48, cpuSeconds = 5): FormatFigures {
  const quality: GifQuality = {
    allDb,
    stillDb: allDb + 1,
    movingDb: allDb - 1,
    lumaStillDb,
    lumaMovingDb,
    stillFrames: 100,
    movingFrames: 250,
    worstStillOff: 0,
    stillOffTotal: 0,
  };
  return {bytes: kb * 1024, cpuSeconds, quality};
}

const row: FormatRow = {
  name: 'dense',
  frames: 350,
  gif: figures(1000, 45, 60, 50, 2),
  avif: figures(400, 40.8),
  mp4: figures(600, 41, 48, 47, 2.5),
  posterBytes: 50 * 1024,
};

describe('AVIF targets', () => {
  it('passes a row within all four', () => {
    expect(avifTargets(row)).toEqual({size: true, allDb: true, lumaStill: true, lumaMoving: true});
  });
  it('needs ≤ 0.6× the GIF, all-frame PSNR at most 0.3 dB under the MP4, and 44 dB of luma on still and moving frames', () => {
    expect(avifTargets({...row, avif: figures(600, 40.8)}).size).toBe(true);
    expect(avifTargets({...row, avif: figures(601, 40.8)}).size).toBe(false);
    expect(avifTargets({...row, avif: figures(400, 40.7)}).allDb).toBe(true);
    expect(avifTargets({...row, avif: figures(400, 40.69)}).allDb).toBe(false);
    expect(avifTargets({...row, avif: figures(400, 41, 43.99, 50)})).toMatchObject({lumaStill: false, lumaMoving: true});
    expect(avifTargets({...row, avif: figures(400, 41, 50, 43.99)})).toMatchObject({lumaStill: true, lumaMoving: false});
  });
});

/** A Markdown table's rows as trimmed cells, header and separator dropped. */
const rows = (table: string) =>
  table
    .split('\n')
    .slice(2)
    .map(line =>
      line
        .split('|')
        .slice(1, -1)
        .map(c => c.trim()),
    );

describe('format tables', () => {
  it('prints a line per format, WebM only when measured', () => {
    expect(rows(formatFormats(row))).toEqual([
      ['GIF', '1000.0 KB', '1.000×', '45.00 dB', '46.00 dB', '44.00 dB', '60.00 dB / 50.00 dB', '2.0 s'],
      ['AVIF', '400.0 KB', '0.400×', '40.80 dB', '41.80 dB', '39.80 dB', '50.00 dB / 48.00 dB', '5.0 s'],
      ['MP4', '600.0 KB', '0.600×', '41.00 dB', '42.00 dB', '40.00 dB', '48.00 dB / 47.00 dB', '2.5 s'],
    ]);
    expect(rows(formatFormats({...row, webm: figures(700, 40)}))[3][0]).toBe('WebM');
  });

  it('judges each animation and the post together against 0.5× the GIFs', () => {
    const other = {...row, name: 'conv', avif: figures(700, 40.69, 43, 50)};
    expect(rows(formatAvifTargets([row, other]))).toEqual([
      ['dense', '0.400× pass', '-0.20 dB pass', '50.00 dB pass', '48.00 dB pass', 'pass'],
      ['conv', '0.700× FAIL', '-0.31 dB FAIL', '43.00 dB FAIL', '50.00 dB pass', 'FAIL'],
      ['together (2)', '0.550× FAIL (≤ 0.5×)', '', '', '', ''],
    ]);
  });

  it('sums the page weight of each embed: GIFs, AVIFs, MP4s with their posters', () => {
    expect(rows(formatPageWeight([row, {...row, name: 'conv'}])).map(r => r.slice(0, 2))).toEqual([
      ['GIF only (Markdown platforms)', '1.95 MB'],
      ['<picture>: AVIF, GIF fallback', '0.78 MB'],
      ['player: MP4 + poster', '1.27 MB'],
    ]);
    expect(rows(formatPageWeight([{...row, posterBytes: undefined}]))[2][1]).toBe('poster missing');
  });
});
