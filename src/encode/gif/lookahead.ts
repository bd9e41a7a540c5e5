// The frames held back before encoding, and what they are for: a moving pixel is painted with the
// colour it will have furthest ahead in the queue while staying within the moving tolerance of
// every colour until then, so one repaint lasts about twice as long through a fade.
import type {Rect} from '../../frames/rect.js';
import type {DisplayModel} from './displayModel.js';

export interface QueuedFrame {
  rgba: Uint8Array;
  /** what changed in the source since the previous kept frame (null: nothing) */
  changed: Rect | null;
  /** painted within the settled tolerance, with no lag (the loop's reset) */
  exact: boolean;
}

export class Lookahead {
  /** kept frames waiting to be encoded, oldest first */
  readonly frames: QueuedFrame[] = [];
  /**
   * depth + 1 frame buffers used in turn: at most that many frames wait at once. Reused because
   * first-touch page faults on a fresh 2 MB array cost more than encoding a frame.
   */
  private readonly buffers: Uint8Array[] = [];
  private pushed = 0;
  /** colours to paint (see paintTargets) */
  private readonly target: Uint8Array;

  constructor(
    readonly depth: number,
    width: number,
    height: number,
  ) {
    this.target = new Uint8Array(depth > 0 ? width * height * 4 : 0);
  }

  /** True when a frame must be encoded before another waits. */
  get full(): boolean {
    return this.frames.length > this.depth;
  }

  /**
   * Queues a kept frame. Copied into the next buffer (the frame that used it last has been
   * encoded), except without a lookahead, where the frame is encoded before addFrame returns:
   * then only bytes that do not start on a 4-byte boundary are copied (they are read as 32-bit words).
   */
  push(rgba: Uint8Array, changed: Rect | null, exact = false): void {
    const slot = this.pushed++ % (this.depth + 1);
    let frame = rgba;
    if (this.depth > 0 || rgba.byteOffset % 4 !== 0) {
      frame = this.buffers[slot] ??= new Uint8Array(rgba.length);
      frame.set(rgba);
    }
    this.frames.push({rgba: frame, changed, exact});
  }

  shift(): QueuedFrame | undefined {
    return this.frames.shift();
  }

  /**
   * Colours to paint the marked pixels of `rect` with (the frame's own elsewhere). A moving pixel
   * gets the colour it will have furthest ahead (within the queued frames) while staying within
   * the moving tolerance of every colour it takes until then: one repaint then covers about twice
   * as many frames of a fade as painting the current colour would, for the same largest error.
   */
  paintTargets(rgba: Uint8Array, rect: Rect, model: DisplayModel): Uint8Array {
    const {width, repaint, moving, tolerance, allowed} = model;
    const {frames: queue, target} = this;
    const settled = model.settledTolerance;
    for (let y = rect.y; y < rect.y + rect.height; y++) {
      const from = (y * width + rect.x) * 4;
      target.set(rgba.subarray(from, from + rect.width * 4), from);
      for (let x = rect.x, p = y * width + x; x < rect.x + rect.width; x++, p++) {
        if (!repaint[p] || !moving[p]) continue;
        const s = p * 4,
          T = allowed[p],
          Ts = Math.min(settled, T);
        let minR = rgba[s],
          maxR = minR,
          minG = rgba[s + 1],
          maxG = minG,
          minB = rgba[s + 2],
          maxB = minB;
        let best = -1;
        for (let j = 0; j < queue.length; j++) {
          const f = queue[j].rgba,
            r = f[s],
            g = f[s + 1],
            b = f[s + 2];
          if (r < minR) minR = r;
          if (r > maxR) maxR = r;
          if (g < minG) minG = g;
          if (g > maxG) maxG = g;
          if (b < minB) minB = b;
          if (b > maxB) maxB = b;
          if (maxR - minR > 2 * T || maxG - minG > 2 * T || maxB - minB > 2 * T) break;
          if (r - minR <= T && maxR - r <= T && g - minG <= T && maxG - g <= T && b - minB <= T && maxB - b <= T) best = j;
        }
        if (best < 0) continue;
        const f = queue[best].rgba;
        target[s] = f[s];
        target[s + 1] = f[s + 1];
        target[s + 2] = f[s + 2];
        tolerance[p] = Ts; // the target is already up to T away: no further drift for LZW's sake
      }
    }
    return target;
  }
}
