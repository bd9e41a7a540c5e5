// LZW-aware choice of indices ("lossy LZW", as in gifsicle --lossy), written by hand because
// gifenc only encodes a given index stream.
//
// Each pixel of an image has a preferred index, and often other acceptable ones: transparency
// while the displayed colour is within the tolerance of the source, or any palette colour within
// the tolerance. This pass runs the same LZW dictionary as the encoder (GIF variant: 12-bit codes,
// table cleared when it is full) and, where the current string cannot be extended with the
// preferred index, extends it with any acceptable one instead. Longer strings mean fewer codes.
// The chosen indices are written back; gifenc then encodes them losslessly (its dictionary
// evolves the same way, so the strings found here are the ones it emits).

const MAX_CODES = 4096;

export interface LossyImage {
  /** in: preferred index per pixel of the rectangle; out: chosen index */
  index: Uint8Array;
  /** rectangle within the screen */
  x: number;
  y: number;
  width: number;
  height: number;
  screenWidth: number;
  /** source RGBA of the whole screen */
  rgba: Uint8Array;
  /** RGB a decoder displays before this image (whole screen) */
  displayed: Uint8Array;
  /** RGB of each palette index (3 bytes each) */
  paletteRGB: Uint8Array;
  /** index meaning "transparent", or -1 */
  transparent: number;
  /** per screen pixel: largest per-channel error accepted for an alternative (stale or substituted) colour */
  tolerance: Uint8Array;
  /** LZW minimum code size of the encoding this mimics */
  minCodeSize: number;
}

export class LossyLzw {
  // children of each code as a linked list, and a direct (code, symbol) -> child table stamped
  // with a generation so that clearing the dictionary is O(1)
  private readonly firstChild = new Int16Array(MAX_CODES);
  private readonly nextSibling = new Int16Array(MAX_CODES);
  private readonly symbol = new Uint8Array(MAX_CODES);
  private readonly child = new Int16Array(MAX_CODES * 256);
  private readonly stamp = new Uint32Array(MAX_CODES * 256);
  private generation = 0;

  /** Rewrites img.index; returns the number of LZW codes the image needs (a size estimate). */
  choose(img: LossyImage): number {
    const {index, x: x0, y: y0, width: rw, height: rh, screenWidth, rgba, displayed, paletteRGB: pal, transparent, tolerance} = img;
    const n = rw * rh;
    if (n === 0) return 0;
    const firstFree = (1 << Math.max(2, img.minCodeSize)) + 2;
    const {firstChild, nextSibling, symbol, child, stamp} = this;
    let gen = ++this.generation;
    if (gen === 0xffffffff) {
      stamp.fill(0);
      gen = this.generation = 1;
    }
    firstChild.fill(-1);
    let next = firstFree;
    let codes = 1;

    // is symbol s acceptable for screen pixel p whose preferred symbol is pref?
    const ok = (s: number, pref: number, p: number): boolean => {
      if (s === pref) return true;
      const s4 = p * 4,
        T = tolerance[p];
      if (s === transparent) {
        const d = p * 3;
        return (
          Math.abs(displayed[d] - rgba[s4]) <= T &&
          Math.abs(displayed[d + 1] - rgba[s4 + 1]) <= T &&
          Math.abs(displayed[d + 2] - rgba[s4 + 2]) <= T
        );
      }
      const c = s * 3;
      return Math.abs(pal[c] - rgba[s4]) <= T && Math.abs(pal[c + 1] - rgba[s4 + 1]) <= T && Math.abs(pal[c + 2] - rgba[s4 + 2]) <= T;
    };

    let cur = index[0]; // current string's code (a root code is its symbol)
    let o = 1;
    for (let y = 0; y < rh; y++) {
      const row = (y0 + y) * screenWidth + x0;
      for (let x = y === 0 ? 1 : 0; x < rw; x++, o++) {
        const pref = index[o];
        const key = cur * 256 + pref;
        if (stamp[key] === gen) {
          cur = child[key];
          continue;
        }
        // preferred symbol does not extend the string: try the other children
        const p = row + x;
        let found = -1;
        for (let c = firstChild[cur]; c >= 0; c = nextSibling[c]) {
          if (ok(symbol[c], pref, p)) {
            found = c;
            break;
          }
        }
        if (found >= 0) {
          index[o] = symbol[found];
          cur = found;
          continue;
        }
        codes++;
        if (next < MAX_CODES) {
          const code = next++;
          stamp[key] = gen;
          child[key] = code;
          symbol[code] = pref;
          nextSibling[code] = firstChild[cur];
          firstChild[cur] = code;
        } else {
          gen = ++this.generation;
          if (gen === 0xffffffff) {
            stamp.fill(0);
            gen = this.generation = 1;
          }
          firstChild.fill(-1);
          next = firstFree;
          codes++; // clear code
        }
        cur = pref;
      }
    }
    return codes;
  }
}
