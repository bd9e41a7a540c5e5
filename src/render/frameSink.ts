/**
 * Receives one scene's frame uploads, which may arrive out of order (several are
 * in flight), and hands frames to the consumers strictly in order. Each upload's
 * HTTP response waits for its frames to be consumed: that is the backpressure that
 * keeps memory bounded while frames stream to the encoders.
 */
import type {FrameBatch} from './frameUpload';
import {applyRect} from '../frames/frameDelta';
import {boundingRect, type Rect} from '../frames/rect';

/**
 * Something that takes frames in order: an encoder, a PNG writer. The frame is lent: it is valid
 * until the consumer returns (or its promise settles), then the sink rebuilds the next frame in
 * the same array, so a consumer that keeps pixels copies them. `changed` bounds the pixels that
 * differ from the previous frame (zero-sized when none do; the whole frame for the first).
 */
export type FrameConsumer = (rgba: Uint8Array, index: number, changed: Rect) => void | Promise<void>;

export interface SinkProgress {
  received: number;
  total: number;
}

export class FrameSink {
  private next = 0;
  private readonly waiting = new Map<number, {batch: FrameBatch; done: () => void; fail: (e: unknown) => void}>();
  private chain: Promise<void> = Promise.resolve();
  private failure: unknown;
  /**
   * The frame as rebuilt so far from the changed rectangles; the one array every consumer is lent.
   * Reused rather than copied per frame: first-touch page faults on a fresh 2 MB array cost more
   * than encoding most frames.
   */
  private canvas: Uint8Array | undefined;
  width = 0;
  height = 0;
  total = 0;
  poster = -1;
  /** The first frame of the loop's reset (FrameBatch.reset); Infinity when the scene reports none. */
  reset = Infinity;
  /** The highest frame index whose pixels reached Node, consumed or not; -1 before the first. */
  lastArrived = -1;
  lastActivity = Date.now();

  constructor(
    private readonly consumers: FrameConsumer[],
    private readonly onProgress: (progress: SinkProgress) => void,
  ) {}

  get received(): number {
    return this.next;
  }

  /** Queues a batch; resolves once its frames were consumed. */
  accept(batch: FrameBatch): Promise<void> {
    this.lastActivity = Date.now();
    if (this.failure) return Promise.reject(this.failure);
    this.width = batch.width;
    this.height = batch.height;
    this.total = batch.total;
    this.poster = batch.poster;
    this.reset = batch.reset ?? Infinity;
    this.lastArrived = Math.max(this.lastArrived, batch.first + batch.count - 1);
    return new Promise((done, fail) => {
      this.waiting.set(batch.first, {batch, done, fail});
      this.chain = this.chain.then(() => this.drain());
    });
  }

  /**
   * Stops the sink after a failure: queued and later uploads are refused with `reason`, and no
   * further frame is consumed or reported, so nothing of a failed scene trickles out afterwards.
   */
  stop(reason: unknown): void {
    this.failure ??= reason;
    for (const {fail} of this.waiting.values()) fail(this.failure);
    this.waiting.clear();
  }

  /** Resolves when every queued frame is consumed; rejects with a consumer's error. */
  async flushed(): Promise<void> {
    await this.chain;
    if (this.failure) throw this.failure;
  }

  private async drain(): Promise<void> {
    for (let entry = this.waiting.get(this.next); entry; entry = this.waiting.get(this.next)) {
      this.waiting.delete(this.next);
      const {batch, done, fail} = entry;
      if (this.failure) {
        fail(this.failure);
        continue;
      }
      try {
        this.canvas ??= new Uint8Array(batch.width * batch.height * 4);
        let offset = 0;
        for (let k = 0; k < batch.count; k++) {
          if (this.failure) throw this.failure;
          for (const part of batch.rects[k]) {
            const bytes = part.width * part.height * 4;
            applyRect(this.canvas, batch.width, part, batch.data.subarray(offset, offset + bytes));
            offset += bytes;
          }
          const rect = boundingRect(batch.rects[k]);
          // All at once: the GIF encoder works while ffmpeg's pipes drain the same frame.
          await Promise.all(this.consumers.map(consume => consume(this.canvas!, batch.first + k, rect)));
        }
        if (this.failure) throw this.failure;
        this.next = batch.first + batch.count;
        this.lastActivity = Date.now();
        this.onProgress({received: this.next, total: this.total});
        done();
      } catch (error) {
        this.failure ??= error;
        fail(this.failure);
      }
    }
  }
}
