/**
 * Float64 references for the stride, padding and dilation records, each written from
 * its own index arithmetic (no tfjs, and no shared generic convolution), so a mistake
 * in one setting's handling cannot hide behind the same mistake in another.
 * Every function returns the output and each window's products `[H'][W'][kh][kw]`.
 */
export interface Reference {
  output: number[][];
  products: number[][][][];
}

function sums(products: number[][][][]): number[][] {
  return products.map(row => row.map(window => window.flat().reduce((a, b) => a + b, 0)));
}

/** `strides=(s, s)`, valid padding: window (r, c) starts at pixel (r·s, c·s); ⌊(n − k) / s⌋ + 1 windows fit. */
export function strided(image: number[][], kernel: number[][], s: number): Reference {
  const k = kernel.length;
  const outRows = Math.floor((image.length - k) / s) + 1;
  const outCols = Math.floor((image[0].length - k) / s) + 1;
  const products = Array.from({length: outRows}, (_, r) =>
    Array.from({length: outCols}, (_, c) => kernel.map((kr, i) => kr.map((w, j) => image[r * s + i][c * s + j] * w))),
  );
  return {output: sums(products), products};
}

/**
 * `padding='same'` at stride 1: a new, larger image with k − 1 rows and columns of zeros
 * (TensorFlow puts ⌊(k − 1) / 2⌋ before and the rest after), then every window of it.
 */
export function samePadded(image: number[][], kernel: number[][]): Reference & {padded: number[][]} {
  const k = kernel.length;
  const before = Math.floor((k - 1) / 2);
  const after = k - 1 - before;
  const width = image[0].length + before + after;
  const zeros = () => new Array<number>(width).fill(0);
  const padded = [
    ...Array.from({length: before}, zeros),
    ...image.map(row => [...new Array<number>(before).fill(0), ...row, ...new Array<number>(after).fill(0)]),
    ...Array.from({length: after}, zeros),
  ];
  const products = image.map((row, r) => row.map((_, c) => kernel.map((kr, i) => kr.map((w, j) => padded[r + i][c + j] * w))));
  return {output: sums(products), products, padded};
}

/**
 * `dilation_rate=d` at stride 1: tap (i, j) of window (r, c) reads pixel (r + i·d, c + j·d),
 * offset by the padding before; pixels outside the image read as zero. Valid keeps the
 * n − d·(k − 1) windows that fit; same keeps n, with d·(k − 1) zeros split as TensorFlow does.
 */
export function dilated(image: number[][], kernel: number[][], d: number, padding: 'valid' | 'same'): Reference {
  const [n, m, k] = [image.length, image[0].length, kernel.length];
  const span = d * (k - 1);
  const before = padding === 'same' ? Math.floor(span / 2) : 0;
  const outRows = padding === 'same' ? n : n - span;
  const outCols = padding === 'same' ? m : m - span;
  const pixel = (y: number, x: number) => (y >= 0 && y < n && x >= 0 && x < m ? image[y][x] : 0);
  const products = Array.from({length: outRows}, (_, r) =>
    Array.from({length: outCols}, (_, c) => kernel.map((kr, i) => kr.map((w, j) => pixel(r - before + i * d, c - before + j * d) * w))),
  );
  return {output: sums(products), products};
}
