/**
 * The drawn-text log (test renders only, RenderJob.textLog): every text a scene draws on the
 * frame that holds each step, with its font, fill, box and how long it stays on screen, and the
 * closed shapes (cells, circles) on that frame. The spy (drawSpy.ts) sees every frame, so a text's
 * time on screen is measured, not guessed; boxes and shapes are measured on held frames only.
 */
import type {DrawnText, HeldFrameTexts} from '../frames/protocol';
import {spyOnDrawing} from './drawSpy';

type AnyCanvas = HTMLCanvasElement | OffscreenCanvas;

/** A text counts as on screen from this opacity: a reader can read it. */
const READABLE_ALPHA = 0.5;

/**
 * The frames that hold a step: the one before each later step begins (frame n shows time n/fps),
 * the one before the last step's hold ends (`holdEnd`, when the loop's reset begins), and the
 * scene's last frame. `steps` are the scene's step reports, times in seconds.
 */
export function heldFrames(
  steps: readonly {time: number; text: string}[],
  fps: number,
  lastFrame: number,
  holdEnd?: number,
): Map<number, string> {
  const held = new Map<number, string>();
  const before = (time: number) => Math.ceil(time * fps - 1e-6) - 1;
  steps.forEach((step, i) => {
    const end = steps[i + 1]?.time ?? holdEnd;
    const frame = end === undefined ? lastFrame : before(end);
    if (frame >= 0 && frame <= lastFrame) held.set(frame, step.text);
  });
  if (!held.has(lastFrame)) held.set(lastFrame, steps[steps.length - 1]?.text ?? '');
  return held;
}

/** An unbroken run of frames showing one text (characters and font), and the held frames' copies of it. */
interface Run {
  key: string;
  from: number;
  to: number;
  held: DrawnText[];
}

/** The log of one render: each held frame's texts and shapes, filled in as the frames are exported. */
export class DrawnTextLog {
  readonly frames: HeldFrameTexts[] = [];
  private held = new Map<number, string>();
  private fps = 30;
  private lastFrame = 0;
  private readonly open = new Map<string, Run>();
  private readonly closed: Run[] = [];
  private readonly spy: ReturnType<typeof spyOnDrawing>;

  /** `drawing` is the frame being drawn (the playback's). */
  constructor(drawing: () => number) {
    this.spy = spyOnDrawing(() => this.held.has(drawing()));
  }

  /** Called once the scene is measured (its steps reported), before the first frame is drawn. */
  plan(steps: readonly {time: number; text: string}[], fps: number, lastFrame: number, holdEnd?: number): void {
    this.held = heldFrames(steps, fps, lastFrame, holdEnd);
    this.fps = fps;
    this.lastFrame = lastFrame;
  }

  /** The frame's canvas as exported; `scale` is canvas pixels per layout unit. */
  exported(canvas: AnyCanvas, frame: number, scale: number): void {
    const {texts, shapes} = this.spy.take(canvas, scale);
    const key = (t: {text: string; font: string}) => `${t.font}\u0000${t.text}`;
    const readable = new Set(texts.filter(t => t.alpha >= READABLE_ALPHA).map(key));
    for (const [k, run] of this.open)
      if (!readable.has(k)) {
        this.open.delete(k);
        this.closed.push({...run, to: frame - 1});
      }
    for (const k of readable) if (!this.open.has(k)) this.open.set(k, {key: k, from: frame, to: frame, held: []});
    const step = this.held.get(frame);
    if (step === undefined) return;
    const boxed = texts.filter((t): t is DrawnText => t.box !== undefined);
    for (const t of boxed) if (t.alpha >= READABLE_ALPHA) this.open.get(key(t))!.held.push(t);
    this.frames.push({frame, time: Math.round((frame / this.fps) * 1e4) / 1e4, step, texts: boxed, shapes});
  }

  /** Closes the runs still open at the last frame and gives each held text its time on screen, joining runs across the loop. */
  private measureRuns(): void {
    for (const run of this.open.values()) this.closed.push({...run, to: this.lastFrame});
    this.open.clear();
    const first = new Map(this.closed.filter(r => r.from === 0).map(r => [r.key, r]));
    const last = new Map(this.closed.filter(r => r.to === this.lastFrame).map(r => [r.key, r]));
    for (const run of this.closed) {
      let frames = run.to - run.from + 1;
      // The loop joins the scene's end to its start: a text on screen across the seam is one run.
      const joined = run.from === 0 ? last.get(run.key) : run.to === this.lastFrame ? first.get(run.key) : undefined;
      if (joined && joined !== run) frames += joined.to - joined.from + 1;
      for (const t of run.held) t.shownSeconds = Math.round((frames / this.fps) * 1000) / 1000;
    }
  }

  stop(): void {
    this.spy.stop();
    this.measureRuns();
  }
}
