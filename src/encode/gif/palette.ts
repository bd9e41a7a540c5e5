// The scene palette: grows as new colours appear (up to `capacity` entries), with a cache from
// 24-bit colour to nearest entry. It becomes the GIF's global colour table at finish.
import type {Palette} from './gifenc.js';

export class GrowingPalette {
  readonly rgb: Uint8Array;
  count = 0;
  private cache = new Map<number, number>();

  constructor(readonly capacity: number) {
    this.rgb = new Uint8Array(capacity * 3);
  }

  get room(): number {
    return this.capacity - this.count;
  }

  /** Index of the nearest entry (squared RGB distance; lowest index wins ties). Needs count > 0. */
  nearest(r: number, g: number, b: number): number {
    const key = (r << 16) | (g << 8) | b;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const c = this.rgb;
    let best = 0,
      bestD = Infinity;
    for (let i = 0, o = 0; i < this.count; i++, o += 3) {
      const dr = c[o] - r,
        dg = c[o + 1] - g,
        db = c[o + 2] - b;
      const d = dr * dr + dg * dg + db * db;
      if (d < bestD) {
        bestD = d;
        best = i;
        if (d === 0) break;
      }
    }
    this.cache.set(key, best);
    return best;
  }

  /** Append colours not already present; returns how many were added. */
  add(colours: Palette): number {
    let added = 0;
    for (const col of colours) {
      if (this.count >= this.capacity) break;
      let dup = false;
      for (let i = 0, o = 0; i < this.count; i++, o += 3) {
        if (this.rgb[o] === col[0] && this.rgb[o + 1] === col[1] && this.rgb[o + 2] === col[2]) {
          dup = true;
          break;
        }
      }
      if (dup) continue;
      this.rgb[this.count * 3] = col[0];
      this.rgb[this.count * 3 + 1] = col[1];
      this.rgb[this.count * 3 + 2] = col[2];
      this.count++;
      added++;
    }
    if (added) this.cache.clear(); // new entries may be nearer for colours seen before
    return added;
  }

  /** The table padded with black to `size` entries. */
  toPalette(size = this.count): Palette {
    const p: Palette = [];
    for (let i = 0; i < size; i++) p.push(i < this.count ? [this.rgb[i * 3], this.rgb[i * 3 + 1], this.rgb[i * 3 + 2]] : [0, 0, 0]);
    return p;
  }
}
