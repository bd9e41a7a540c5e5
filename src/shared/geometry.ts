/**
 * The geometry types the scenes, the records and the model share: a point on screen and
 * the zeros a convolution adds around an image. Browser-safe: no imports.
 */

/** A point or a vector in scene units; y grows downwards. */
export interface Point {
  x: number;
  y: number;
}

/** Zero rows and columns added on each side of an image (all 0 for `valid`). */
export interface Padding {
  top: number;
  bottom: number;
  left: number;
  right: number;
}
