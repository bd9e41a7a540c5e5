// Synthetic test frames that look like the project's scenes: flat colours, anti-aliased shapes,
// blocky "text", a mostly static layout with small moving parts, and a fade transition.
// Used by the GIF tests and by scripts/gif-compare.ts when no rendered PNG frames exist yet.
// Coverage is computed analytically per pixel (box filter), like a canvas rasteriser would.

type RGB = [number, number, number];

class Canvas {
  readonly r: Float32Array;
  readonly g: Float32Array;
  readonly b: Float32Array;
  constructor(
    readonly width: number,
    readonly height: number,
    bg: RGB,
  ) {
    const n = width * height;
    this.r = new Float32Array(n).fill(bg[0]);
    this.g = new Float32Array(n).fill(bg[1]);
    this.b = new Float32Array(n).fill(bg[2]);
  }
  blend(p: number, c: RGB, a: number): void {
    if (a <= 0) return;
    if (a > 1) a = 1;
    this.r[p] += (c[0] - this.r[p]) * a;
    this.g[p] += (c[1] - this.g[p]) * a;
    this.b[p] += (c[2] - this.b[p]) * a;
  }
  /** Axis-aligned rectangle with fractional edges. */
  rect(x0: number, y0: number, x1: number, y1: number, c: RGB, alpha = 1): void {
    const ix0 = Math.max(0, Math.floor(x0)),
      ix1 = Math.min(this.width - 1, Math.ceil(x1) - 1);
    const iy0 = Math.max(0, Math.floor(y0)),
      iy1 = Math.min(this.height - 1, Math.ceil(y1) - 1);
    for (let y = iy0; y <= iy1; y++) {
      const cy = Math.min(y + 1, y1) - Math.max(y, y0);
      for (let x = ix0; x <= ix1; x++) {
        const cx = Math.min(x + 1, x1) - Math.max(x, x0);
        this.blend(y * this.width + x, c, cx * cy * alpha);
      }
    }
  }
  strokeRect(x0: number, y0: number, x1: number, y1: number, w: number, c: RGB, alpha = 1): void {
    this.rect(x0, y0, x1, y0 + w, c, alpha);
    this.rect(x0, y1 - w, x1, y1, c, alpha);
    this.rect(x0, y0 + w, x0 + w, y1 - w, c, alpha);
    this.rect(x1 - w, y0 + w, x1, y1 - w, c, alpha);
  }
  circle(cx: number, cy: number, rad: number, c: RGB, alpha = 1): void {
    const x0 = Math.max(0, Math.floor(cx - rad - 1)),
      x1 = Math.min(this.width - 1, Math.ceil(cx + rad + 1));
    const y0 = Math.max(0, Math.floor(cy - rad - 1)),
      y1 = Math.min(this.height - 1, Math.ceil(cy + rad + 1));
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        const d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
        this.blend(y * this.width + x, c, Math.min(1, Math.max(0, rad - d + 0.5)) * alpha);
      }
    }
  }
  ring(cx: number, cy: number, rad: number, w: number, c: RGB, alpha = 1): void {
    const x0 = Math.max(0, Math.floor(cx - rad - w)),
      x1 = Math.min(this.width - 1, Math.ceil(cx + rad + w));
    const y0 = Math.max(0, Math.floor(cy - rad - w)),
      y1 = Math.min(this.height - 1, Math.ceil(cy + rad + w));
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        const d = Math.abs(Math.hypot(x + 0.5 - cx, y + 0.5 - cy) - rad);
        this.blend(y * this.width + x, c, Math.min(1, Math.max(0, w / 2 - d + 0.5)) * alpha);
      }
    }
  }
  line(ax: number, ay: number, bx: number, by: number, w: number, c: RGB, alpha = 1): void {
    const x0 = Math.max(0, Math.floor(Math.min(ax, bx) - w)),
      x1 = Math.min(this.width - 1, Math.ceil(Math.max(ax, bx) + w));
    const y0 = Math.max(0, Math.floor(Math.min(ay, by) - w)),
      y1 = Math.min(this.height - 1, Math.ceil(Math.max(ay, by) + w));
    const dx = bx - ax,
      dy = by - ay,
      len2 = dx * dx + dy * dy || 1;
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        const px = x + 0.5,
          py = y + 0.5;
        const t = Math.min(1, Math.max(0, ((px - ax) * dx + (py - ay) * dy) / len2));
        const d = Math.hypot(px - ax - t * dx, py - ay - t * dy);
        this.blend(y * this.width + x, c, Math.min(1, Math.max(0, w / 2 - d + 0.5)) * alpha);
      }
    }
  }
  /** Blocky 3x5 "font": each glyph is a hash-picked pattern of small rectangles at fractional scale. */
  text(s: string, x: number, y: number, size: number, c: RGB, alpha = 1): void {
    const u = size / 5;
    for (let i = 0; i < s.length; i++) {
      const code = s.charCodeAt(i);
      if (code === 32) continue;
      let h = (code * 2654435761) >>> 0;
      for (let gy = 0; gy < 5; gy++) {
        for (let gx = 0; gx < 3; gx++) {
          h = (h * 1103515245 + 12345) >>> 0;
          if ((h >>> 16) & 1 || (gx === 0 && gy % 2 === 0)) {
            const px = x + (i * 4 + gx) * u,
              py = y + gy * u;
            this.rect(px, py, px + u, py + u, c, alpha);
          }
        }
      }
    }
  }
  toRGBA(fade = 1, fadeTo: RGB = [0, 0, 0]): Uint8Array {
    const n = this.width * this.height;
    const out = new Uint8Array(n * 4);
    for (let p = 0; p < n; p++) {
      out[p * 4] = Math.round(fadeTo[0] + (this.r[p] - fadeTo[0]) * fade);
      out[p * 4 + 1] = Math.round(fadeTo[1] + (this.g[p] - fadeTo[1]) * fade);
      out[p * 4 + 2] = Math.round(fadeTo[2] + (this.b[p] - fadeTo[2]) * fade);
      out[p * 4 + 3] = 255;
    }
    return out;
  }
}

const BG: RGB = [24, 24, 27];
const FG: RGB = [232, 232, 236];
const ACCENTS: RGB[] = [
  [99, 179, 237],
  [246, 173, 85],
  [104, 211, 145],
  [252, 129, 129],
  [183, 148, 244],
];
const ease = (t: number) => (t <= 0 ? 0 : t >= 1 ? 1 : t * t * (3 - 2 * t));

/** "conv": a feature-map grid filled cell by cell under a sliding kernel, static labels, a counter. */
function convFrame(k: number, n: number, width: number, height: number): Uint8Array {
  const c = new Canvas(width, height, BG);
  const s = width / 960;
  c.text('CONV2D  3X3 KERNEL', 40 * s, 30 * s, 22 * s, FG);
  c.text('INPUT', 80 * s, 90 * s, 14 * s, FG);
  c.text('OUTPUT', 620 * s, 90 * s, 14 * s, FG);
  const cell = 34 * s,
    gx = 60 * s,
    gy = 120 * s,
    ox = 600 * s;
  for (let j = 0; j < 8; j++) {
    for (let i = 0; i < 8; i++) {
      const v = ((i * 37 + j * 91) % 100) / 100;
      const col: RGB = [40 + 150 * v, 60 + 100 * v, 120 + 110 * v];
      c.rect(gx + i * cell + 1, gy + j * cell + 1, gx + (i + 1) * cell - 1, gy + (j + 1) * cell - 1, col);
    }
  }
  const t = (k / Math.max(1, n - 1)) * 36; // kernel position in cells, 6x6 valid positions
  const pos = Math.min(35, Math.floor(t));
  const frac = ease(t - Math.floor(t));
  const kx = pos % 6,
    ky = Math.floor(pos / 6);
  const nx = Math.min(5, kx + 1);
  const fx = kx + (nx - kx) * frac;
  c.strokeRect(gx + fx * cell - 2, gy + ky * cell - 2, gx + (fx + 3) * cell + 2, gy + (ky + 3) * cell + 2, 3 * s, ACCENTS[1]);
  for (let q = 0; q <= pos; q++) {
    const i = q % 6,
      j = Math.floor(q / 6);
    const a = q === pos ? frac : 1;
    const v = ((i * 13 + j * 7) % 10) / 10;
    c.rect(
      ox + i * cell * 1.2 + 1,
      gy + j * cell * 1.2 + 1,
      ox + (i + 1) * cell * 1.2 - 1,
      gy + (j + 1) * cell * 1.2 - 1,
      [60 + 190 * v, 120 + 60 * v, 80],
      a,
    );
  }
  c.line(
    gx + (fx + 3) * cell,
    gy + (ky + 1.5) * cell,
    ox + ((pos % 6) + 0.5) * cell * 1.2,
    gy + (ky + 0.5) * cell * 1.2,
    2 * s,
    ACCENTS[1],
    0.8,
  );
  c.text(`STEP ${pos + 1}/36`, 40 * s, 470 * s, 18 * s, ACCENTS[0]);
  return c.toRGBA();
}

/** "lstm": static graph of nodes and edges; a pulse travels along edges, nodes change colour; fade in and out. */
function lstmFrame(k: number, n: number, width: number, height: number): Uint8Array {
  const c = new Canvas(width, height, BG);
  const s = width / 960;
  const nodes: [number, number][] = [];
  for (let i = 0; i < 6; i++) nodes.push([120 * s + i * 140 * s, 270 * s + Math.sin(i * 1.3) * 80 * s]);
  c.text('LSTM CELL STATE OVER TIME', 40 * s, 30 * s, 22 * s, FG);
  for (let i = 0; i < 5; i++) c.line(nodes[i][0], nodes[i][1], nodes[i + 1][0], nodes[i + 1][1], 3 * s, [90, 90, 100]);
  const t = (k / n) * 5;
  const seg = Math.min(4, Math.floor(t)),
    f = ease(t - seg);
  for (let i = 0; i < 6; i++) {
    const active = i < seg + 1 || (i === seg + 1 && f > 0.5);
    c.circle(nodes[i][0], nodes[i][1], 34 * s, active ? ACCENTS[i % 5] : [60, 60, 70]);
    c.ring(nodes[i][0], nodes[i][1], 34 * s, 3 * s, FG);
    c.text(`H${i}`, nodes[i][0] - 14 * s, nodes[i][1] - 8 * s, 16 * s, BG);
  }
  const px = nodes[seg][0] + (nodes[seg + 1][0] - nodes[seg][0]) * f;
  const py = nodes[seg][1] + (nodes[seg + 1][1] - nodes[seg][1]) * f;
  c.circle(px, py, 10 * s, [255, 240, 120]);
  const vals = [0.2, 0.9, 0.4, 0.7, 0.1, 0.6];
  for (let i = 0; i < 6; i++) {
    const h = 60 * s * vals[i] * Math.min(1, Math.max(0, t - i + 1));
    c.rect(nodes[i][0] - 10 * s, 480 * s - h, nodes[i][0] + 10 * s, 480 * s, ACCENTS[(i + 2) % 5]);
  }
  const fade = Math.min(1, k / 15, (n - 1 - k) / 15);
  return c.toRGBA(Math.max(0, fade), BG);
}

/** "attention": token boxes with attention lines whose opacity changes; a slowly panning highlight. */
function attentionFrame(k: number, n: number, width: number, height: number): Uint8Array {
  const c = new Canvas(width, height, [250, 250, 248]);
  const s = width / 960;
  const ink: RGB = [30, 30, 40];
  c.text('SCALED DOT-PRODUCT ATTENTION', 40 * s, 30 * s, 22 * s, ink);
  const words = ['THE', 'CAT', 'SAT', 'ON', 'THE', 'MAT', 'TODAY'];
  const q = Math.min(words.length - 1, Math.floor((k / n) * words.length));
  const ph = (k / n) * words.length - q;
  for (let i = 0; i < words.length; i++) {
    const x = 60 * s + i * 125 * s;
    c.rect(x, 120 * s, x + 100 * s, 160 * s, i === q ? ACCENTS[0] : [220, 224, 230]);
    c.text(words[i], x + 12 * s, 132 * s, 16 * s, ink);
    c.rect(x, 380 * s, x + 100 * s, 420 * s, [220, 224, 230]);
    c.text(words[i], x + 12 * s, 392 * s, 16 * s, ink);
  }
  for (let j = 0; j < words.length; j++) {
    const w = Math.abs(Math.sin((q + 1) * (j + 2) * 0.7));
    c.line(110 * s + q * 125 * s, 160 * s, 110 * s + j * 125 * s, 380 * s, (1 + 5 * w) * s, ACCENTS[3], ease(ph * 3) * w);
  }
  c.circle(60 * s + ph * 840 * s, 480 * s, 8 * s, ACCENTS[2]);
  c.text(`QUERY ${q}`, 760 * s, 480 * s, 16 * s, ink);
  return c.toRGBA();
}

export const SYNTHETIC_SCENES = {conv: convFrame, lstm: lstmFrame, attention: attentionFrame} as const;
export type SyntheticScene = keyof typeof SYNTHETIC_SCENES;

/** Frame k of n of a synthetic scene, RGBA, opaque. */
export function syntheticFrame(scene: SyntheticScene, k: number, n: number, width = 960, height = 540): Uint8Array {
  return SYNTHETIC_SCENES[scene](k, n, width, height);
}

export function* syntheticFrames(scene: SyntheticScene, n: number, width = 960, height = 540): Generator<Uint8Array> {
  for (let k = 0; k < n; k++) yield syntheticFrame(scene, k, n, width, height);
}
