/** Float64 `img * f` and `np.sum(img * f)` from the definition (no tfjs), to check the filter record. */
export function elementwise(image: number[][], filter: number[][]): number[][] {
  return image.map((row, r) => row.map((v, c) => v * filter[r][c]));
}

export function total(values: number[][]): number {
  let sum = 0;
  for (const row of values) for (const v of row) sum += v;
  return sum;
}
