// PSNR over RGB (alpha ignored) between two RGBA images of the same size.

/** Sum of squared RGB differences and the number of samples compared. */
export function rgbSquaredError(a: Uint8Array, b: Uint8Array): {sse: number; samples: number} {
  if (a.length !== b.length) throw new Error(`psnr: length mismatch ${a.length} vs ${b.length}`);
  if (a.length % 4 !== 0) throw new Error('psnr: expected RGBA data (length a multiple of 4)');
  let sse = 0;
  for (let i = 0; i < a.length; i += 4) {
    const dr = a[i] - b[i],
      dg = a[i + 1] - b[i + 1],
      db = a[i + 2] - b[i + 2];
    sse += dr * dr + dg * dg + db * db;
  }
  return {sse, samples: (a.length / 4) * 3};
}

/** BT.709 luma weights: what a reader's eye takes as brightness, and what the encoders' Y plane carries. */
const LUMA = [0.2126, 0.7152, 0.0722] as const;

/** Sum of squared differences of BT.709 luma (from RGB, 0–255) and the number of pixels compared. */
export function lumaSquaredError(a: Uint8Array, b: Uint8Array): {sse: number; samples: number} {
  if (a.length !== b.length) throw new Error(`psnr: length mismatch ${a.length} vs ${b.length}`);
  let sse = 0;
  for (let i = 0; i < a.length; i += 4) {
    const d = LUMA[0] * (a[i] - b[i]) + LUMA[1] * (a[i + 1] - b[i + 1]) + LUMA[2] * (a[i + 2] - b[i + 2]);
    sse += d * d;
  }
  return {sse, samples: a.length / 4};
}

function toDb(mse: number): number {
  return mse === 0 ? Infinity : 10 * Math.log10((255 * 255) / mse);
}

/** PSNR in dB over the RGB channels; Infinity for identical images. */
export function psnr(a: Uint8Array, b: Uint8Array): number {
  const {sse, samples} = rgbSquaredError(a, b);
  return toDb(sse / samples);
}

/**
 * Accumulates PSNR across frames. `mean` is the PSNR of the mean squared error over all frames
 * (what ffmpeg's psnr filter reports as "average"); `meanOfFrames` averages per-frame dB values,
 * skipping identical frames (infinite PSNR) and reports how many were skipped.
 */
export class PsnrAccumulator {
  private sse = 0;
  private samples = 0;
  private dbSum = 0;
  private finiteFrames = 0;
  frames = 0;
  minDb = Infinity;

  add(a: Uint8Array, b: Uint8Array): number {
    const r = rgbSquaredError(a, b);
    this.sse += r.sse;
    this.samples += r.samples;
    this.frames++;
    const db = toDb(r.sse / r.samples);
    if (Number.isFinite(db)) {
      this.dbSum += db;
      this.finiteFrames++;
    }
    if (db < this.minDb) this.minDb = db;
    return db;
  }

  /** PSNR of the pooled MSE over all frames. */
  get mean(): number {
    if (this.samples === 0) throw new Error('PsnrAccumulator: no frames');
    return toDb(this.sse / this.samples);
  }

  get meanOfFrames(): number {
    return this.finiteFrames ? this.dbSum / this.finiteFrames : Infinity;
  }
}

/** Average PSNR over paired frames (pooled MSE). */
export function averagePsnr(a: Iterable<Uint8Array>, b: Iterable<Uint8Array>): number {
  const acc = new PsnrAccumulator();
  const ib = b[Symbol.iterator]();
  for (const fa of a) {
    const nb = ib.next();
    if (nb.done) throw new Error('averagePsnr: second sequence is shorter');
    acc.add(fa, nb.value);
  }
  if (!ib.next().done) throw new Error('averagePsnr: second sequence is longer');
  return acc.mean;
}
