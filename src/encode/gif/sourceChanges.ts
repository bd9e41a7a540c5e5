// Which part of the source changed since the last kept frame: the union of the caller's changed
// rectangles (frames skipped by everyNthFrame still change the source), or, for frames given
// without one, the box found by comparing with the previous input frame.
import {changedRect} from '../../frames/frameDelta.js';
import {unionRect, type Rect} from '../../frames/rect.js';

export class SourceChanges {
  private pending: Rect | null = null;
  /** the previous input frame and a spare, kept only while the caller gives no changed rectangles */
  private lastInput: Uint8Array | undefined;
  private spareInput: Uint8Array | undefined;

  constructor(
    private readonly width: number,
    private readonly height: number,
  ) {}

  /** One input frame; `changed` undefined = unknown (compare with the previous input), null = nothing changed. */
  add(rgba: Uint8Array, changed: Rect | null | undefined): void {
    this.pending = unionRect(this.pending, changed === undefined ? this.changedSinceLastInput(rgba) : changed);
    if (changed !== undefined) this.lastInput = undefined; // a later frame without a rectangle is then compared whole
  }

  /** What changed since the last take (null: nothing), and start afresh. */
  take(): Rect | null {
    const changed = this.pending;
    this.pending = null;
    return changed;
  }

  /**
   * The box of pixels that differ from the previous input frame, by the transport's own
   * changedRect (on copies of our own, so the 32-bit views are aligned).
   */
  private changedSinceLastInput(rgba: Uint8Array): Rect | null {
    const last = this.lastInput;
    const next = this.spareInput ?? new Uint8Array(rgba.length);
    next.set(rgba);
    [this.lastInput, this.spareInput] = [next, last];
    const r = changedRect(last && new Uint32Array(last.buffer), new Uint32Array(next.buffer), this.width, this.height);
    return r.width === 0 ? null : r;
  }
}
