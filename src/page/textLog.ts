/**
 * The drawn-text log (test renders only, RenderJob.textLog): every text a scene draws on the
 * frame that holds each step, with its font, fill and box. It spies on the 2D context: fillText
 * notes the text with the context's transform and measureText's ink box; a node drawn through a
 * cache canvas (opacity, filters) carries its texts along when drawImage puts that canvas on
 * another, so what reaches the frame's canvas is where the reader sees each text. Frames that are
 * not held cost one set lookup per call.
 */
import type {DrawnText, HeldFrameTexts} from '../frames/protocol';

type AnyCanvas = HTMLCanvasElement | OffscreenCanvas;

/** A text noted on some canvas: its ink box's corners in that canvas's pixels. */
interface Noted extends Omit<DrawnText, 'box'> {
  corners: DOMPoint[];
}

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

/** The alpha of a canvas fill style (`#rrggbb`, `rgba(…)`); gradients and patterns count as opaque. */
function styleAlpha(style: unknown): number {
  if (typeof style !== 'string') return 1;
  const rgba = /^rgba\([^,]+,[^,]+,[^,]+,\s*([\d.]+)\)$/.exec(style);
  return rgba ? Number(rgba[1]) : 1;
}

/** The destination point of a source pixel for drawImage's three call forms. */
function drawImageMapping(source: AnyCanvas, args: number[]): (p: DOMPoint) => DOMPoint {
  const [sx, sy, sw, sh, dx, dy, dw, dh] =
    args.length >= 8 ? args : args.length >= 4 ? [0, 0, source.width, source.height, ...args] : [0, 0, 1, 1, args[0], args[1], 1, 1];
  return p => new DOMPoint(dx + ((p.x - sx) * dw) / sw, dy + ((p.y - sy) * dh) / sh);
}

/**
 * Starts spying. `isHeld` says whether the frame being drawn is held; `take(canvas, scale)` returns
 * the texts that reached `canvas` in this frame, in layout units (canvas pixels ÷ scale), and
 * forgets every canvas's texts. `stop` restores the context.
 */
export function spyOnDrawnText(isHeld: () => boolean): {take(canvas: AnyCanvas, scale: number): DrawnText[]; stop(): void} {
  const proto = CanvasRenderingContext2D.prototype;
  const {fillText, drawImage} = proto;
  const noted = new Map<AnyCanvas, Noted[]>();
  const on = (canvas: AnyCanvas) => noted.get(canvas) ?? noted.set(canvas, []).get(canvas)!;

  proto.fillText = function (this: CanvasRenderingContext2D, text: string, x: number, y: number, maxWidth?: number) {
    fillText.apply(this, maxWidth === undefined ? [text, x, y] : [text, x, y, maxWidth]);
    const alpha = this.globalAlpha * styleAlpha(this.fillStyle);
    if (!isHeld() || alpha <= 0 || text.trim() === '') return;
    const m = this.measureText(text);
    const [left, right, top, bottom] = [
      x - m.actualBoundingBoxLeft,
      x + m.actualBoundingBoxRight,
      y - m.actualBoundingBoxAscent,
      y + m.actualBoundingBoxDescent,
    ];
    const t = this.getTransform();
    const corners = [new DOMPoint(left, top), new DOMPoint(right, top), new DOMPoint(right, bottom), new DOMPoint(left, bottom)].map(p =>
      t.transformPoint(p),
    );
    const fill = typeof this.fillStyle === 'string' ? this.fillStyle : 'gradient';
    on(this.canvas).push({text, font: this.font, fill, alpha, corners});
  } as typeof proto.fillText;

  proto.drawImage = function (this: CanvasRenderingContext2D, source: CanvasImageSource, ...args: number[]) {
    (drawImage as (...a: unknown[]) => void).call(this, source, ...args);
    const texts = noted.get(source as AnyCanvas);
    if (!isHeld() || !texts || texts.length === 0) return;
    noted.delete(source as AnyCanvas);
    const place = drawImageMapping(source as AnyCanvas, args);
    const t = this.getTransform();
    for (const text of texts) {
      const alpha = text.alpha * this.globalAlpha;
      if (alpha > 0) on(this.canvas).push({...text, alpha, corners: text.corners.map(p => t.transformPoint(place(p)))});
    }
  } as typeof proto.drawImage;

  return {
    take(canvas, scale) {
      const texts = noted.get(canvas) ?? [];
      noted.clear();
      return texts.map(({corners, ...text}) => {
        const xs = corners.map(p => p.x / scale);
        const ys = corners.map(p => p.y / scale);
        const [x, y] = [Math.min(...xs), Math.min(...ys)];
        const round = (v: number) => Math.round(v * 100) / 100;
        return {
          ...text,
          alpha: Number(text.alpha.toPrecision(4)),
          box: {x: round(x), y: round(y), width: round(Math.max(...xs) - x), height: round(Math.max(...ys) - y)},
        };
      });
    },
    stop() {
      proto.fillText = fillText;
      proto.drawImage = drawImage;
    },
  };
}

/** The log of one render: each held frame's texts, filled in as the frames are exported. */
export class DrawnTextLog {
  readonly frames: HeldFrameTexts[] = [];
  private held = new Map<number, string>();
  private fps = 30;
  private readonly spy: ReturnType<typeof spyOnDrawnText>;

  /** `drawing` is the frame being drawn (the playback's). */
  constructor(drawing: () => number) {
    this.spy = spyOnDrawnText(() => this.held.has(drawing()));
  }

  /** Called once the scene is measured (its steps reported), before the first frame is drawn. */
  plan(steps: readonly {time: number; text: string}[], fps: number, lastFrame: number, holdEnd?: number): void {
    this.held = heldFrames(steps, fps, lastFrame, holdEnd);
    this.fps = fps;
  }

  /** The frame's canvas as exported; `scale` is canvas pixels per layout unit. */
  exported(canvas: AnyCanvas, frame: number, scale: number): void {
    const step = this.held.get(frame);
    const texts = this.spy.take(canvas, scale);
    if (step !== undefined) this.frames.push({frame, time: Math.round((frame / this.fps) * 1e4) / 1e4, step, texts});
  }

  stop(): void {
    this.spy.stop();
  }
}
