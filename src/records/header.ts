/**
 * The fields every activation record carries. Records are the one seam between
 * Node (tfjs models) and the browser (Motion Canvas scenes): plain JSON, typed here.
 * This folder is pure TypeScript with no tfjs import, so scenes may import its types.
 */

/** Bumped whenever a record's shape changes; scenes and the renderer refuse other versions. */
export const SCHEMA_VERSION = 1;

export interface RecordHeader {
  schemaVersion: number;
  /** The animation the record feeds, e.g. `dense`. */
  name: string;
  /** The tfjs backend that computed it: `cpu` (pure JS, the reference) or `tensorflow` (tfjs-node). */
  backend: string;
  /** The seed given to numpy and TensorFlow for this record. */
  seed: number;
  /** A TF 2.2 Keras Python snippet that prints this record's outputs (see the README). */
  keras?: string;
}

/** Thrown when a record on disk is corrupt or of the wrong shape; the message names the file and the field. */
export class RecordError extends Error {
  constructor(
    readonly source: string,
    /** What is wrong, without the file name. */
    readonly detail: string,
  ) {
    super(`${source}: ${detail}`);
    this.name = 'RecordError';
  }
}
