/**
 * Plain float64 2D cross-correlation, written from the definition (no tfjs), to
 * check the conv record. TensorFlow's "same" padding puts the odd pixel at the end.
 */
export function crossCorrelate(
  image: number[][],
  kernel: number[][],
  bias: number,
  stride: number,
  padding: 'valid' | 'same',
  dilation: number,
): number[][] {
  const [h, w] = [image.length, image[0].length];
  const [kh, kw] = [kernel.length, kernel[0].length];
  const [eh, ew] = [(kh - 1) * dilation + 1, (kw - 1) * dilation + 1];
  let outH: number,
    outW: number,
    padTop = 0,
    padLeft = 0;
  if (padding === 'valid') {
    outH = Math.ceil((h - eh + 1) / stride);
    outW = Math.ceil((w - ew + 1) / stride);
  } else {
    outH = Math.ceil(h / stride);
    outW = Math.ceil(w / stride);
    padTop = Math.floor(Math.max((outH - 1) * stride + eh - h, 0) / 2);
    padLeft = Math.floor(Math.max((outW - 1) * stride + ew - w, 0) / 2);
  }
  const out: number[][] = [];
  for (let r = 0; r < outH; r++) {
    const row: number[] = [];
    for (let c = 0; c < outW; c++) {
      let sum = bias;
      for (let i = 0; i < kh; i++) {
        for (let j = 0; j < kw; j++) {
          const y = r * stride - padTop + i * dilation;
          const x = c * stride - padLeft + j * dilation;
          if (y >= 0 && y < h && x >= 0 && x < w) sum += image[y][x] * kernel[i][j];
        }
      }
      row.push(sum);
    }
    out.push(row);
  }
  return out;
}
