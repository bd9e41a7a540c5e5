// What a decoder displays after the images written so far, and which pixels the next image must
// repaint. A pixel needs repainting when a channel is further off than its tolerance: the loose
// moving tolerance while its source changes from frame to frame (a fade, a moving edge: the lag is
// not visible), the tight settled tolerance once the source holds still (so nothing stale stays
// on screen). Comparing with the display, not with the previous source frame, keeps quantisation
// errors from piling up.
import type {Rect} from '../../frames/rect.js';

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
/** The R, G and B bytes of an RGBA pixel read as one 32-bit word in the platform's byte order. */
const RGB_MASK = LITTLE_ENDIAN ? 0x00ffffff : 0xffffff00;
/** Where R, G and B sit in that word. */
const [R_SHIFT, G_SHIFT, B_SHIFT] = LITTLE_ENDIAN ? [0, 8, 16] : [24, 16, 8];
/** A moving pixel's tolerance never drops below this, however slowly it moves. */
export const MIN_MOVING_TOLERANCE = 8;

/** The frame that follows the one being marked, and what changed in it. */
export interface NextFrame {
  words: Uint32Array;
  /** bounds the pixels that differ from the marked frame (null: none) */
  changed: Rect | null;
}

/** True when pixel `p` (at x, y) shows `word`'s RGB in the next frame too. */
function holdsNext(next: NextFrame, word: number, p: number, x: number, y: number): boolean {
  const c = next.changed;
  if (!c || x < c.x || y < c.y || x >= c.x + c.width || y >= c.y + c.height) return true;
  return ((next.words[p] ^ word) & RGB_MASK) === 0;
}

export class DisplayModel {
  /** RGB of what a decoder displays after the images written so far. */
  readonly displayed: Uint8Array;
  /** 1 where the current image must repaint the pixel (set by mark) */
  readonly repaint: Uint8Array;
  /** 1 where the source changed since the previous kept frame and, as far as the next frame is known, changes again in it */
  readonly moving: Uint8Array;
  /** this frame's tolerance per screen pixel, for the lossy-LZW pass (the lookahead may tighten it) */
  readonly tolerance: Uint8Array;
  /** this frame's tolerance per screen pixel, as mark set it */
  readonly allowed: Uint8Array;
  /**
   * 1 where the pixel was still and within the settled tolerance at its last comparison. Only a
   * move can change that (a lossy-LZW substitution stays within the tolerance), so mark skips it.
   */
  private readonly settledWithin: Uint8Array;
  /** the previous source frame's RGBA, one 32-bit word a pixel (compared with RGB_MASK) */
  private readonly previous: Uint32Array;
  /** a moving pixel's largest channel error against the display, as mark found it (for the frame's error budget) */
  private readonly lagError: Uint8Array;
  /** per error level: the squared error and the count of moving pixels left lagging at that level (scratch) */
  private readonly lagSquares = new Float64Array(256);
  private readonly lagCounts = new Float64Array(256);
  /** the squared error one frame's moving pixels may add in all (see movingFloorDb) */
  readonly movingBudget: number;

  constructor(
    readonly width: number,
    height: number,
    readonly movingTolerance: number,
    readonly settledTolerance: number,
    /** a moving pixel's tolerance is this many frames of its own motion (within MIN_MOVING_TOLERANCE..movingTolerance) */
    readonly lagFrames: number,
    /** the PSNR a frame's moving pixels may bring the frame down to, at most (0: no budget) */
    movingFloorDb = 0,
  ) {
    this.displayed = new Uint8Array(width * height * 3);
    this.repaint = new Uint8Array(width * height);
    this.moving = new Uint8Array(width * height);
    this.tolerance = new Uint8Array(width * height);
    this.allowed = new Uint8Array(width * height);
    this.settledWithin = new Uint8Array(width * height);
    this.previous = new Uint32Array(width * height);
    this.lagError = new Uint8Array(width * height);
    this.movingBudget = movingFloorDb > 0 ? (3 * width * height * 255 * 255) / 10 ** (movingFloorDb / 10) : Infinity;
  }

  /**
   * Within `region`, mark the pixels to repaint: those displayed further from the source than
   * their tolerance, which is looser while the source pixel is moving (it changed since the last
   * kept frame) than once it has settled. A moving pixel may lag by `lagFrames` frames of its own
   * motion: a fast change hides a larger lag than a slow fade, where a lag of 24 levels lasted
   * many frames. Every pixel of the first frame is marked. With `settle` (the last frame, which
   * the loop follows with frame 0, drawn exactly) every pixel gets the settled tolerance, so no
   * lag is left to jump at the seam. `movingCap` caps a moving pixel's tolerance below
   * movingTolerance (the loop's reset, where a lag over a whole-picture fade flashes). The frame's
   * error budget (movingFloorDb) may lower it further when much of the picture moves. Returns the
   * marks' bounding box.
   * `rgba` must start on a 4-byte boundary (it is read as 32-bit words).
   */
  mark(
    rgba: Uint8Array,
    region: Rect | null,
    first: boolean,
    settle = false,
    movingCap = this.movingTolerance,
    next: NextFrame | null = null,
  ): Rect | null {
    const {width, displayed, repaint, previous, tolerance, allowed, moving: movingNow, settledWithin, lagFrames} = this;
    const {lagError, lagSquares, lagCounts} = this;
    if (!region) return null;
    // Without a budget (movingFloorDb 0) nothing is counted: the loop below stays as it was.
    const budgeted = this.movingBudget < Infinity;
    lagSquares.fill(0);
    lagCounts.fill(0);
    let movingCount = 0;
    const words = new Uint32Array(rgba.buffer, rgba.byteOffset, rgba.length >> 2);
    const Tm = Math.min(this.movingTolerance, movingCap),
      Ts = this.settledTolerance;
    let x0 = width,
      y0 = region.y + region.height,
      x1 = -1,
      y1 = -1;
    for (let y = region.y; y < region.y + region.height; y++) {
      let rowMin = -1,
        rowMax = -1;
      for (let x = region.x, p = y * width + x, s = p * 4, d = p * 3; x < region.x + region.width; x++, p++, s += 4, d += 3) {
        const word = words[p];
        // A pixel that changes now but holds in the next frame is compared as settled: a lag
        // left now would be repaired next frame anyway (a step paints once, not twice).
        const changed = !first && ((word ^ previous[p]) & RGB_MASK) !== 0;
        // Still, and within the settled tolerance at its last comparison: nothing to do. Its
        // repaint, moving and tolerance entries are still 0, 0 and Ts from the comparison that
        // settled it (only a mark below clears settledWithin).
        if (!changed && settledWithin[p]) continue;
        const moving = changed && !(next && holdsNext(next, word, p, x, y));
        const before = previous[p];
        previous[p] = word;
        const r = rgba[s],
          g = rgba[s + 1],
          b = rgba[s + 2];
        let T = Ts;
        if (moving && !settle) {
          let step = Math.max(
            Math.abs(r - ((before >>> R_SHIFT) & 255)),
            Math.abs(g - ((before >>> G_SHIFT) & 255)),
            Math.abs(b - ((before >>> B_SHIFT) & 255)),
          );
          step = Math.round(lagFrames * step);
          T = step < MIN_MOVING_TOLERANCE ? Math.min(MIN_MOVING_TOLERANCE, Tm) : step > Tm ? Tm : step;
        }
        tolerance[p] = T;
        allowed[p] = T;
        movingNow[p] = moving ? 1 : 0;
        let dr = r - displayed[d],
          dg = g - displayed[d + 1],
          db = b - displayed[d + 2];
        if (dr < 0) dr = -dr;
        if (dg < 0) dg = -dg;
        if (db < 0) db = -db;
        if (first || dr > T || dg > T || db > T) {
          repaint[p] = 1;
          settledWithin[p] = 0;
          if (rowMin < 0) rowMin = x;
          rowMax = x;
        } else {
          repaint[p] = 0;
          settledWithin[p] = moving ? 0 : 1;
        }
        if (budgeted && moving && !settle) {
          const e = dr > dg ? (dr > db ? dr : db) : dg > db ? dg : db;
          lagError[p] = e;
          movingCount++;
          if (!repaint[p]) {
            lagSquares[e] += dr * dr + dg * dg + db * db;
            lagCounts[e]++;
          }
        }
      }
      if (rowMin >= 0) {
        if (rowMin < x0) x0 = rowMin;
        if (rowMax > x1) x1 = rowMax;
        if (y < y0) y0 = y;
        y1 = y;
      }
    }
    const box = x1 < 0 ? null : {x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1};
    const cap = movingCount ? this.budgetCap(movingCount, Tm) : Tm;
    return cap < Tm ? this.tighten(region, cap, box) : box;
  }

  /**
   * The largest moving tolerance whose error fits the frame's budget: pixels left lagging add their
   * squared error, and a repainted moving pixel may still be painted up to the tolerance away (the
   * lookahead's colour, the lossy pass), counted as the tolerance squared. A large fade thus lags
   * little and a small one as much as before.
   */
  private budgetCap(movingCount: number, Tm: number): number {
    const {lagSquares, lagCounts, movingBudget} = this;
    let lagging = 0,
      squares = 0;
    for (let e = 0; e <= Tm; e++) {
      lagging += lagCounts[e];
      squares += lagSquares[e];
    }
    for (let c = Tm; c > this.settledTolerance; c--) {
      if (squares + (movingCount - lagging) * c * c <= movingBudget) return c;
      lagging -= lagCounts[c];
      squares -= lagSquares[c];
    }
    return this.settledTolerance;
  }

  /** Caps the moving pixels of `region` at `cap`: those lagging further get repainted. Returns the marks' new bounding box. */
  private tighten(region: Rect, cap: number, box: Rect | null): Rect | null {
    const {width, repaint, moving, tolerance, allowed, settledWithin, lagError} = this;
    let x0 = box ? box.x : width,
      y0 = box ? box.y : region.y + region.height,
      x1 = box ? box.x + box.width - 1 : -1,
      y1 = box ? box.y + box.height - 1 : -1;
    for (let y = region.y; y < region.y + region.height; y++) {
      for (let x = region.x, p = y * width + x; x < region.x + region.width; x++, p++) {
        if (!moving[p]) continue;
        if (allowed[p] > cap) allowed[p] = tolerance[p] = cap;
        if (repaint[p] || lagError[p] <= cap) continue;
        repaint[p] = 1;
        settledWithin[p] = 0;
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
    return x1 < 0 ? null : {x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1};
  }

  /** Bounding box of the marked pixels in `rect` that are still displayed outside their tolerance. */
  outOfTolerance(rgba: Uint8Array, rect: Rect): Rect | null {
    const {width, displayed, repaint, allowed} = this;
    let x0 = width,
      y0 = -1,
      x1 = -1,
      y1 = -1;
    for (let y = rect.y; y < rect.y + rect.height; y++) {
      for (let x = rect.x, p = y * width + x; x < rect.x + rect.width; x++, p++) {
        if (!repaint[p]) continue;
        const s = p * 4,
          d = p * 3,
          T = allowed[p];
        if (
          Math.abs(rgba[s] - displayed[d]) <= T &&
          Math.abs(rgba[s + 1] - displayed[d + 1]) <= T &&
          Math.abs(rgba[s + 2] - displayed[d + 2]) <= T
        )
          continue;
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y0 < 0) y0 = y;
        y1 = y;
      }
    }
    return x1 < 0 ? null : {x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1};
  }

  /**
   * An image was written: its non-transparent pixels now show their palette colours. Returns which
   * of the 256 indices it uses (1 = used).
   */
  show(index: Uint8Array, rect: Rect, paletteRGB: Uint8Array, transparent: number): Uint8Array {
    const {width, displayed} = this;
    const used = new Uint8Array(256);
    for (let y = 0, o = 0; y < rect.height; y++) {
      for (let x = 0, p = (rect.y + y) * width + rect.x; x < rect.width; x++, p++, o++) {
        const i = index[o];
        if (i === transparent) continue;
        used[i] = 1;
        const d = p * 3,
          ci = i * 3;
        displayed[d] = paletteRGB[ci];
        displayed[d + 1] = paletteRGB[ci + 1];
        displayed[d + 2] = paletteRGB[ci + 2];
      }
    }
    return used;
  }
}
