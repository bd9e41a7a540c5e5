/**
 * What the Node renderer and the render page say to each other. Shared by both
 * sides, so the wire format is written down once.
 */
import type {ActivationRecords} from '../animations/registry';

/** Sent by Node (through `window.renderScene`) to render one scene. */
export interface RenderJob {
  /** Opaque id the frame uploads carry, so two scenes can render at once. */
  job: string;
  /** The server's secret, which every upload carries in EXPORT_TOKEN_HEADER (the page server refuses uploads without it). */
  token: string;
  scene: string;
  /** Layout size in scene units; the canvas is this times `resolutionScale`. */
  width: number;
  height: number;
  resolutionScale: number;
  fps: number;
  theme: string;
  /** Frames per upload; batching amortises the request overhead. */
  batch: number;
  /** Extra project variables (the test fixture scene reads `fault`). */
  variables?: Record<string, string>;
  /** The records the scene draws (`virtual:activations` is empty in the built page until a job fills it). */
  records: Partial<ActivationRecords>;
  /**
   * `none` reads every frame's pixels and drops them: the speed of drawing plus
   * readback with no transport, the floor the benchmark compares against.
   */
  transport?: 'post' | 'none';
  /** Only the scene's frames `[first, end)`, shipped as frames 0, 1, … (`--range`). */
  range?: {first: number; end: number};
  /** Log the texts drawn on each step's held frame (RENDER_TEXT_LOG=1, the test render only): RenderOutcome.texts. */
  textLog?: boolean;
}

/** A box in 960×540 layout units. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One text drawn on a frame, as the reader sees it. */
export interface DrawnText {
  text: string;
  /** The context's CSS font, e.g. `600 28px Inter` (sizes in layout units). */
  font: string;
  /** The fill style as the canvas states it (`#rrggbb` or `rgba(…)`). */
  fill: string;
  /** Opacity on the frame: the fill's alpha times every opacity above it, 0 < alpha ≤ 1. */
  alpha: number;
  /** The ink box (measureText's actual bounds), in 960×540 layout units. */
  box: Box;
  /**
   * How long the same text (same characters and font) stays on screen at half opacity or more, in
   * seconds, over the unbroken run of frames that holds this one; the run may wrap round the loop.
   * Absent when the text is fainter than that here.
   */
  shownSeconds?: number;
}

/** A closed shape drawn on a frame (a rectangle, rounded or not, or a whole circle or ellipse): the cells numbers sit in. */
export interface DrawnShape {
  kind: 'rect' | 'ellipse';
  alpha: number;
  /** Its path's bounds (the stroke's width not included), in 960×540 layout units. */
  box: Box;
}

/** The texts on one held frame: the last frame of a step (the one before the next begins), or the scene's last. */
export interface HeldFrameTexts {
  frame: number;
  time: number;
  /** The caption of the step this frame holds. */
  step: string;
  texts: DrawnText[];
  shapes: DrawnShape[];
}

/** Returned by `window.renderScene` when the render ends. */
export interface RenderOutcome {
  result: 'success' | 'error' | 'aborted';
  frames: number;
  /** Milliseconds from the first frame reaching the exporter to the last one delivered (see FrameUploader.streamMs). */
  streamMs: number;
  width: number;
  height: number;
  /** Frame index when an error was logged, and its message and stack. */
  error?: {frame: number; message: string; stack?: string};
  steps: {time: number; text: string}[];
  /** False when the scene reported no poster moment and the middle frame was used. */
  posterReported: boolean;
  /** The scene's length in frames (frames 0 … sceneFrames−1), whatever part was rendered. */
  sceneFrames: number;
  /** With RenderJob.textLog: each held frame's texts, in frame order. */
  texts?: HeldFrameTexts[];
}

/** Frames a second over the outcome's stream span (0 when nothing was streamed): render speed and its floor alike. */
export function streamFps(outcome: Pick<RenderOutcome, 'frames' | 'streamMs'>): number {
  return outcome.streamMs > 0 ? outcome.frames / (outcome.streamMs / 1000) : 0;
}

/** Returned by `window.describeScenes`: each scene's length, for `--list`. */
export interface SceneInfo {
  name: string;
  frames: number;
  seconds: number;
}

/**
 * `POST` route for frame uploads. Query: job, first, count, width, height, total (frames
 * in the scene), poster (the frame index of the scene's poster), rects (frameDelta.formatRects).
 * Body (`Content-Type: application/octet-stream`): the rectangles' RGBA bytes, back to back.
 */
export const FRAME_ROUTE = '/__frames';

/**
 * The header carrying the server's per-run secret on every request that writes: the page server
 * hands it to the render page with the job, the editor's server to the editor's page
 * (`virtual:export-token`). Pages of other origins cannot read it.
 */
export const EXPORT_TOKEN_HEADER = 'x-export-token';

/** An upload leaves the page once it holds this many bytes, so one holds at most this plus one frame. */
export const MAX_BATCH_BYTES = 8 * 1024 * 1024;
