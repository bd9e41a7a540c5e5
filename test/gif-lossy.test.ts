import {describe, expect, it} from 'vitest';
import {LossyLzw} from '../src/encode/gif/lossy.js';
import {cropToPainted} from '../src/encode/gif/crop.js';

// a 64x16 screen: source = a noisy gradient; palette = 16 greys; displayed = the source rounded
const W = 64,
  H = 16;
/** the same tolerance for every pixel of the screen */
const everywhere = (t: number) => new Uint8Array(W * H).fill(t);
function setup() {
  const rgba = new Uint8Array(W * H * 4),
    displayed = new Uint8Array(W * H * 3);
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) / 65536;
  for (let p = 0; p < W * H; p++) {
    const v = Math.min(255, Math.floor((p % W) * 4 + rnd() * 6));
    rgba.set([v, v, v, 255], p * 4);
    const dv = Math.min(255, v + Math.floor(rnd() * 9) - 4);
    displayed.set([dv, dv, dv], p * 3);
  }
  const pal = new Uint8Array(17 * 3);
  for (let i = 0; i < 16; i++) pal.set([i * 17, i * 17, i * 17], i * 3);
  const pref = new Uint8Array(W * H);
  for (let p = 0; p < W * H; p++) pref[p] = p % 3 === 0 ? 16 : Math.round(rgba[p * 4] / 17);
  return {rgba, displayed, pal, pref};
}

describe('LossyLzw', () => {
  it('with tolerance 0 keeps every preferred index', () => {
    const {rgba, displayed, pal, pref} = setup();
    const index = pref.slice();
    new LossyLzw().choose({
      index,
      x: 0,
      y: 0,
      width: W,
      height: H,
      screenWidth: W,
      rgba,
      displayed,
      paletteRGB: pal,
      transparent: 16,
      tolerance: everywhere(0),
      minCodeSize: 5,
    });
    // tolerance 0 may still swap in an exactly equal colour; here no palette colour equals a source pixel except by chance
    for (let p = 0; p < W * H; p++) {
      if (index[p] === pref[p]) continue;
      const s = index[p] === 16 ? [displayed[p * 3]] : [pal[index[p] * 3]];
      expect(s[0]).toBe(rgba[p * 4]);
    }
  });
  it('only picks acceptable indices, and needs fewer codes than the preferred stream', () => {
    const {rgba, displayed, pal, pref} = setup();
    const lossless = new LossyLzw().choose({
      index: pref.slice(),
      x: 0,
      y: 0,
      width: W,
      height: H,
      screenWidth: W,
      rgba,
      displayed,
      paletteRGB: pal,
      transparent: 16,
      tolerance: everywhere(0),
      minCodeSize: 5,
    });
    const T = 10,
      index = pref.slice();
    const lossy = new LossyLzw().choose({
      index,
      x: 0,
      y: 0,
      width: W,
      height: H,
      screenWidth: W,
      rgba,
      displayed,
      paletteRGB: pal,
      transparent: 16,
      tolerance: everywhere(T),
      minCodeSize: 5,
    });
    expect(lossy).toBeLessThan(lossless);
    let changed = 0;
    for (let p = 0; p < W * H; p++) {
      if (index[p] === pref[p]) continue;
      changed++;
      const shown = index[p] === 16 ? displayed[p * 3] : pal[index[p] * 3];
      expect(Math.abs(shown - rgba[p * 4])).toBeLessThanOrEqual(T);
    }
    expect(changed).toBeGreaterThan(0);
  });
  it('holds each pixel to its own tolerance', () => {
    const {rgba, displayed, pal, pref} = setup();
    // left half may drift by 10, right half must stay exact
    const tolerance = new Uint8Array(W * H);
    for (let p = 0; p < W * H; p++) tolerance[p] = p % W < W / 2 ? 10 : 0;
    const index = pref.slice();
    new LossyLzw().choose({
      index,
      x: 0,
      y: 0,
      width: W,
      height: H,
      screenWidth: W,
      rgba,
      displayed,
      paletteRGB: pal,
      transparent: 16,
      tolerance,
      minCodeSize: 5,
    });
    let leftChanged = 0;
    for (let p = 0; p < W * H; p++) {
      if (index[p] === pref[p]) continue;
      const shown = index[p] === 16 ? displayed[p * 3] : pal[index[p] * 3];
      expect(Math.abs(shown - rgba[p * 4])).toBeLessThanOrEqual(tolerance[p]);
      if (p % W < W / 2) leftChanged++;
    }
    expect(leftChanged).toBeGreaterThan(0);
  });
});

describe('cropToPainted', () => {
  it('shrinks to the painted box, and returns null when nothing is painted', () => {
    const index = new Uint8Array(8 * 4).fill(9);
    expect(cropToPainted(index, {x: 5, y: 5, width: 8, height: 4}, 9)).toBeNull();
    index[1 * 8 + 2] = 3;
    index[2 * 8 + 4] = 1;
    const c = cropToPainted(index, {x: 5, y: 5, width: 8, height: 4}, 9)!;
    expect(c.rect).toEqual({x: 7, y: 6, width: 3, height: 2});
    expect([...c.index]).toEqual([3, 9, 9, 9, 9, 1]);
  });
});
