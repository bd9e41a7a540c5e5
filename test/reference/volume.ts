/**
 * Plain float64 Keras Conv2D (valid padding, stride 1, no kernel flip) on an
 * (height, width, channels) volume, written from the definition (no tfjs), to check
 * the volume record.
 */
export function conv2dValid(input: number[][][], kernel: number[][][][], bias: number[]): number[][][] {
  const [h, w, channels] = [input.length, input[0].length, input[0][0].length];
  const [kh, kw, filters] = [kernel.length, kernel[0].length, bias.length];
  const out: number[][][] = [];
  for (let r = 0; r + kh <= h; r++) {
    const row: number[][] = [];
    for (let c = 0; c + kw <= w; c++) {
      const cell: number[] = [];
      for (let f = 0; f < filters; f++) {
        let sum = bias[f];
        for (let i = 0; i < kh; i++)
          for (let j = 0; j < kw; j++) for (let ch = 0; ch < channels; ch++) sum += input[r + i][c + j][ch] * kernel[i][j][ch][f];
        cell.push(sum);
      }
      row.push(cell);
    }
    out.push(row);
  }
  return out;
}

export const relu = (v: number[][][]): number[][][] => v.map(row => row.map(cell => cell.map(x => Math.max(0, x))));

/** (height, width, channel) → one map per channel, [channel][height][width]. */
export const channelFirst = (v: number[][][]): number[][][] => v[0][0].map((_, ch) => v.map(row => row.map(cell => cell[ch])));

/** [channel][height][width] → (height, width, channel). */
export const channelLast = (maps: number[][][]): number[][][] => maps[0].map((row, r) => row.map((_, c) => maps.map(m => m[r][c])));
