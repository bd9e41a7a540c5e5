/**
 * Spies on the 2D context for the drawn-text log (src/page/textLog.ts). Every frame it notes
 * which texts reach the frame's canvas, and how opaque: fillText notes the text, and a node drawn
 * through a cache canvas (opacity, filters) carries its texts along when drawImage puts that canvas
 * on another. On a held frame it also notes each text's ink box (measureText) and the closed shapes
 * (rectangles, rounded rectangles, circles) filled or stroked, the cells numbers sit in.
 */
import type {Box, DrawnShape, DrawnText} from '../frames/protocol';

type AnyCanvas = HTMLCanvasElement | OffscreenCanvas;

/** What a held frame shows: texts with boxes, and the closed shapes. */
export interface SpiedFrame {
  /** Every text on the canvas with its opacity (boxes only on held frames). */
  texts: (Omit<DrawnText, 'box'> & {box?: Box})[];
  shapes: DrawnShape[];
}

/** A text or shape noted on some canvas: its corners in that canvas's pixels (none off held frames). */
interface Noted {
  kind: 'text' | 'rect' | 'ellipse';
  text?: Omit<DrawnText, 'box' | 'alpha'>;
  alpha: number;
  corners: DOMPoint[];
}

/** The alpha of a canvas style (`#rrggbb`, `rgba(…)`); gradients and patterns count as opaque. */
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

/** A path's bounds, and whether it is a closed shape a number can sit in (not a line or a curve). */
interface PathBounds {
  kind?: 'rect' | 'ellipse';
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const pathBounds = new WeakMap<Path2D, PathBounds>();

/** Notes the bounds of the paths Motion Canvas builds for Rect (rect, or moveTo + arcTo corners) and Circle (ellipse). */
function spyOnPaths(): () => void {
  const proto = Path2D.prototype;
  const {rect, ellipse, arcTo} = proto;
  const grow = (path: Path2D, kind: PathBounds['kind'], left: number, top: number, right: number, bottom: number) => {
    const b = pathBounds.get(path);
    if (!b) pathBounds.set(path, {kind, left, top, right, bottom});
    else
      Object.assign(b, {
        left: Math.min(b.left, left),
        top: Math.min(b.top, top),
        right: Math.max(b.right, right),
        bottom: Math.max(b.bottom, bottom),
      });
  };
  proto.rect = function (this: Path2D, x: number, y: number, w: number, h: number) {
    rect.call(this, x, y, w, h);
    grow(this, 'rect', Math.min(x, x + w), Math.min(y, y + h), Math.max(x, x + w), Math.max(y, y + h));
  };
  proto.ellipse = function (
    this: Path2D,
    x: number,
    y: number,
    rx: number,
    ry: number,
    rotation: number,
    start: number,
    end: number,
    ccw?: boolean,
  ) {
    ellipse.call(this, x, y, rx, ry, rotation, start, end, ccw);
    // Only a whole ellipse holds a number; an arc is a curve.
    if (Math.abs(end - start) >= 2 * Math.PI - 1e-6) grow(this, 'ellipse', x - rx, y - ry, x + rx, y + ry);
  };
  proto.arcTo = function (this: Path2D, x1: number, y1: number, x2: number, y2: number, r: number) {
    arcTo.call(this, x1, y1, x2, y2, r);
    // A rounded rectangle's corners: their control points are the rectangle's corners.
    grow(this, 'rect', Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2));
  };
  return () => Object.assign(proto, {rect, ellipse, arcTo});
}

/**
 * Starts spying. `isHeld` says whether the frame being drawn is held. `take(canvas, scale)` returns
 * what reached `canvas` in this frame, boxes in layout units (canvas pixels ÷ scale), and forgets
 * every canvas's notes. `stop` restores the context.
 */
export function spyOnDrawing(isHeld: () => boolean): {take(canvas: AnyCanvas, scale: number): SpiedFrame; stop(): void} {
  const proto = CanvasRenderingContext2D.prototype;
  const {fillText, drawImage, fill, stroke} = proto;
  const noted = new Map<AnyCanvas, Noted[]>();
  const on = (canvas: AnyCanvas) => noted.get(canvas) ?? noted.set(canvas, []).get(canvas)!;
  const stopPaths = spyOnPaths();

  proto.fillText = function (this: CanvasRenderingContext2D, text: string, x: number, y: number, maxWidth?: number) {
    fillText.apply(this, maxWidth === undefined ? [text, x, y] : [text, x, y, maxWidth]);
    const alpha = this.globalAlpha * styleAlpha(this.fillStyle);
    if (alpha <= 0 || text.trim() === '') return;
    const fillStyle = typeof this.fillStyle === 'string' ? this.fillStyle : 'gradient';
    let corners: DOMPoint[] = [];
    if (isHeld()) {
      const m = this.measureText(text);
      const [left, right, top, bottom] = [
        x - m.actualBoundingBoxLeft,
        x + m.actualBoundingBoxRight,
        y - m.actualBoundingBoxAscent,
        y + m.actualBoundingBoxDescent,
      ];
      const t = this.getTransform();
      corners = [new DOMPoint(left, top), new DOMPoint(right, top), new DOMPoint(right, bottom), new DOMPoint(left, bottom)].map(p =>
        t.transformPoint(p),
      );
    }
    on(this.canvas).push({kind: 'text', text: {text, font: this.font, fill: fillStyle}, alpha, corners});
  } as typeof proto.fillText;

  // A stroke is centred on the path: what a number can sit in ends at the stroke's inner edge.
  const noteShape = (context: CanvasRenderingContext2D, path: unknown, style: unknown, inset: number) => {
    if (!isHeld() || !(path instanceof Path2D)) return;
    const b = pathBounds.get(path);
    const alpha = context.globalAlpha * styleAlpha(style);
    if (!b?.kind || alpha <= 0) return;
    const t = context.getTransform();
    const [left, top, right, bottom] = [b.left + inset, b.top + inset, b.right - inset, b.bottom - inset];
    const corners = [new DOMPoint(left, top), new DOMPoint(right, top), new DOMPoint(right, bottom), new DOMPoint(left, bottom)];
    on(context.canvas).push({kind: b.kind, alpha, corners: corners.map(p => t.transformPoint(p))});
  };
  proto.fill = function (this: CanvasRenderingContext2D, ...args: unknown[]) {
    (fill as (...a: unknown[]) => void).apply(this, args);
    noteShape(this, args[0], this.fillStyle, 0);
  } as typeof proto.fill;
  proto.stroke = function (this: CanvasRenderingContext2D, ...args: unknown[]) {
    (stroke as (...a: unknown[]) => void).apply(this, args);
    noteShape(this, args[0], this.strokeStyle, this.lineWidth / 2);
  } as typeof proto.stroke;

  proto.drawImage = function (this: CanvasRenderingContext2D, source: CanvasImageSource, ...args: number[]) {
    (drawImage as (...a: unknown[]) => void).call(this, source, ...args);
    const carried = noted.get(source as AnyCanvas);
    if (!carried || carried.length === 0) return;
    noted.delete(source as AnyCanvas);
    const place = drawImageMapping(source as AnyCanvas, args);
    const t = this.getTransform();
    for (const item of carried) {
      const alpha = item.alpha * this.globalAlpha;
      if (alpha > 0) on(this.canvas).push({...item, alpha, corners: item.corners.map(p => t.transformPoint(place(p)))});
    }
  } as typeof proto.drawImage;

  const boxOf = (corners: DOMPoint[], scale: number): Box => {
    const xs = corners.map(p => p.x / scale);
    const ys = corners.map(p => p.y / scale);
    const [x, y] = [Math.min(...xs), Math.min(...ys)];
    const round = (v: number) => Math.round(v * 100) / 100;
    return {x: round(x), y: round(y), width: round(Math.max(...xs) - x), height: round(Math.max(...ys) - y)};
  };

  return {
    take(canvas, scale) {
      const items = noted.get(canvas) ?? [];
      noted.clear();
      const frame: SpiedFrame = {texts: [], shapes: []};
      for (const {kind, text, alpha, corners} of items) {
        const box = corners.length ? boxOf(corners, scale) : undefined;
        const rounded = Number(alpha.toPrecision(4));
        if (kind === 'text' && text) frame.texts.push({...text, alpha: rounded, ...(box ? {box} : {})});
        else if (box && kind !== 'text') frame.shapes.push({kind, alpha: rounded, box});
      }
      return frame;
    },
    stop() {
      Object.assign(proto, {fillText, drawImage, fill, stroke});
      stopPaths();
    },
  };
}
