// Minimal typings for gifenc 1.0.3 (the package ships none). Only what src/encode/gif uses.
declare module 'gifenc' {
  export type Color = number[];
  export type Palette = Color[];
  export type Format = 'rgb565' | 'rgb444' | 'rgba4444';
  export interface QuantizeOptions {
    format?: Format;
    oneBitAlpha?: boolean | number;
    clearAlpha?: boolean;
    clearAlphaThreshold?: number;
    clearAlphaColor?: number;
    useSqrt?: boolean;
  }
  export function quantize(rgba: Uint8Array | Uint8ClampedArray, maxColors: number, options?: QuantizeOptions): Palette;
  export function applyPalette(rgba: Uint8Array | Uint8ClampedArray, palette: Palette, format?: Format): Uint8Array;
  export function nearestColorIndex(palette: Palette, pixel: Color): number;
  export interface WriteFrameOptions {
    palette?: Palette | null;
    first?: boolean;
    transparent?: boolean;
    transparentIndex?: number;
    /** milliseconds; gifenc writes Math.round(delay / 10) centiseconds */
    delay?: number;
    repeat?: number;
    colorDepth?: number;
    dispose?: number;
  }
  export interface Encoder {
    reset(): void;
    finish(): void;
    bytes(): Uint8Array;
    bytesView(): Uint8Array;
    readonly buffer: ArrayBuffer;
    readonly stream: {writeBytesView(data: Uint8Array): void; writeByte(b: number): void};
    writeHeader(): void;
    writeFrame(index: Uint8Array, width: number, height: number, options?: WriteFrameOptions): void;
  }
  export function GIFEncoder(options?: {initialCapacity?: number; auto?: boolean}): Encoder;
  /** Node's ESM loader only exposes the CommonJS bundle as a default export object. */
  const gifenc: {
    GIFEncoder: typeof GIFEncoder;
    quantize: typeof quantize;
    applyPalette: typeof applyPalette;
    nearestColorIndex: typeof nearestColorIndex;
  };
  export default gifenc;
}
