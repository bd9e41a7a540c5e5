/**
 * A Motion Canvas exporter that ships each frame's RGBA pixels to the Node side
 * over 127.0.0.1: `fetch` POSTs of a Blob holding a few frames each, with a small
 * window of uploads in flight (the fastest transport measured; see
 * shared/design/headless-render.md). Each frame travels as the rectangles that
 * changed since the previous one, one per band of rows (src/frames/frameDelta.ts).
 *
 * No per-frame allocations: pixels are read with `VideoFrame.copyTo` into two
 * buffers that take turns (this frame, previous frame), not with `getImageData`,
 * which allocates a fresh 2 MB ImageData every frame; first-touch page faults on
 * fresh memory cost about 10 ms a frame on the render machines, more than drawing
 * most frames. Changed rectangles are gathered in one reused upload buffer.
 */
import {type Exporter, ObjectMetaField, RendererResult} from '@motion-canvas/core';
import {changedBands, extractRect, formatRects} from '../frames/frameDelta';
import {EXPORT_TOKEN_HEADER, FRAME_ROUTE, MAX_BATCH_BYTES, type RenderJob} from '../frames/protocol';
import type {Rect} from '../frames/rect';

/** Uploads allowed in flight before rendering waits; keeps Node's memory bounded. */
const WINDOW = 3;

/** The shipped frame where the loop's reset begins: the first frame at or after `holdEnd` seconds, counted from frame `first`. */
export function resetFrameAt(holdEnd: number | undefined, fps: number, first: number): number | undefined {
  return holdEnd === undefined ? undefined : Math.max(0, Math.ceil(holdEnd * fps - 1e-6) - first);
}

export class FrameUploader {
  private pending = new Set<Promise<void>>();
  /** The next upload's body: its frames' changed rectangles, back to back. */
  private batch = new Uint8Array(0);
  private batchBytes = 0;
  private batchFrames = 0;
  /** Per frame of the next upload, its changed rectangles. */
  private rects: Rect[][] = [];
  /** This frame's and the previous frame's pixels; swapped every frame, never reallocated. */
  private current: Uint8Array | undefined;
  private previous: Uint8Array | undefined;
  private first = 0;
  sent = 0;
  failure: Error | undefined;
  /**
   * From the first frame reaching the exporter to the last upload consumed by Node (or, with no
   * transport, the last readback): the frames' span, the same for a render and the speed floor.
   */
  private startedAt: number | undefined;
  streamMs = 0;

  constructor(
    private readonly job: Pick<RenderJob, 'job' | 'token' | 'batch' | 'transport'>,
    /** Frames past this index are not shipped (the loop seam; see the README's frame rule). */
    private readonly frameLimit: () => number,
    /** Index of the poster frame, known once Motion Canvas has measured the scene. */
    private readonly posterFrame: () => number,
    /** Index of the first frame of the loop's reset (the last step's hold ended), when the scene reports one. */
    private readonly resetFrame: () => number | undefined = () => undefined,
  ) {}

  async add(canvas: HTMLCanvasElement, frame: number): Promise<void> {
    if (this.failure) throw this.failure;
    if (frame >= this.frameLimit()) return;
    this.startedAt ??= performance.now();
    const pixels = await this.readPixels(canvas);
    if (this.job.transport === 'none') {
      this.sent++;
      return;
    }
    if (this.batchFrames === 0) this.first = frame;
    const previous = this.previous && new Uint32Array(this.previous.buffer);
    const rects = changedBands(previous, new Uint32Array(pixels.buffer), canvas.width, canvas.height);
    [this.previous, this.current] = [pixels, this.previous];
    this.rects.push(rects);
    // room for a batch just under the cap plus one whole frame, allocated once
    if (this.batch.length < MAX_BATCH_BYTES + pixels.length) this.batch = new Uint8Array(MAX_BATCH_BYTES + pixels.length);
    for (const rect of rects) this.batchBytes += extractRect(pixels, canvas.width, rect, this.batch, this.batchBytes).length;
    this.batchFrames++;
    if (this.batchFrames >= this.job.batch || this.batchBytes >= MAX_BATCH_BYTES) await this.flush(canvas.width, canvas.height);
  }

  /** The canvas's RGBA bytes, in the buffer not holding the previous frame. */
  private async readPixels(canvas: HTMLCanvasElement): Promise<Uint8Array> {
    const bytes = canvas.width * canvas.height * 4;
    if (this.current?.length !== bytes) this.current = new Uint8Array(bytes);
    const video = new VideoFrame(canvas, {timestamp: 0});
    try {
      // RGBA in sRGB, the render's colour space: the bytes getImageData would give.
      await video.copyTo(this.current, {format: 'RGBA', colorSpace: 'srgb'});
    } finally {
      video.close();
    }
    return this.current;
  }

  async flush(width: number, height: number): Promise<void> {
    if (this.batchFrames > 0) {
      // A Blob copies the bytes now, so the buffer is free for the next frames; as the body, it
      // travels to the network service as a handle (a typed-array body was 30x slower there).
      const body = new Blob([this.batch.subarray(0, this.batchBytes)]);
      const query = new URLSearchParams({
        job: this.job.job,
        first: String(this.first),
        count: String(this.batchFrames),
        width: String(width),
        height: String(height),
        total: String(this.frameLimit()),
        poster: String(this.posterFrame()),
        rects: formatRects(this.rects),
      });
      const reset = this.resetFrame();
      if (reset !== undefined) query.set('reset', String(reset));
      this.sent += this.batchFrames;
      this.batchFrames = 0;
      this.batchBytes = 0;
      this.rects = [];
      const headers = {'content-type': 'application/octet-stream', [EXPORT_TOKEN_HEADER]: this.job.token};
      const upload = fetch(`${FRAME_ROUTE}?${query}`, {method: 'POST', headers, body}).then(async response => {
        if (!response.ok) throw new Error(`frame upload refused: ${response.status} ${await response.text()}`);
      });
      const tracked = upload
        .catch(e => {
          this.failure ??= e instanceof Error ? e : new Error(String(e));
        })
        .finally(() => this.pending.delete(tracked));
      this.pending.add(tracked);
    }
    while (this.pending.size >= WINDOW) await Promise.race(this.pending);
  }

  async drain(width: number, height: number): Promise<void> {
    await this.flush(width, height);
    await Promise.all(this.pending);
    if (this.startedAt !== undefined) this.streamMs = performance.now() - this.startedAt;
    if (this.failure) throw this.failure;
  }
}

/**
 * Builds the exporter class for one job; Motion Canvas instantiates it through `create`. Frame
 * `firstFrame` ships as frame 0 (a `--range` starts there); `beforeFirstFrame` may throw to stop
 * the render once the scene is measured; `onFrame` sees each frame's canvas (the scene's frame number) before it ships.
 */
export function frameExporterFor(
  uploader: FrameUploader,
  firstFrame = 0,
  beforeFirstFrame: () => void = () => {},
  onFrame: (canvas: HTMLCanvasElement, frame: number) => void = () => {},
) {
  let size = {width: 0, height: 0};
  return class FrameExporter implements Exporter {
    static readonly id = 'four-dl-layers/frame-transport';
    static readonly displayName = 'Frame transport (headless)';
    static meta() {
      return new ObjectMetaField(FrameExporter.id, {});
    }
    static async create(): Promise<FrameExporter> {
      return new FrameExporter();
    }
    async start(): Promise<void> {
      beforeFirstFrame();
    }
    async handleFrame(canvas: HTMLCanvasElement, frame: number): Promise<void> {
      size = {width: canvas.width, height: canvas.height};
      onFrame(canvas, frame);
      await uploader.add(canvas, frame - firstFrame);
    }
    async stop(result: RendererResult): Promise<void> {
      // Even a failed render drains, so no upload is left writing after the page reports.
      await uploader.drain(size.width, size.height).catch(e => {
        if (result === RendererResult.Success) throw e;
      });
    }
  };
}
