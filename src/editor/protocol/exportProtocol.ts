/**
 * What the editor's exporters (client/) and the dev server (exportServer.ts) say to each other,
 * besides the frames themselves, which travel as the render page's do (src/frames/protocol.ts).
 * Browser-safe: types and constants only.
 */
import type {Format} from '../../render/options';

/** JSON requests under this path: `check`, `open`, `finish`, `cancel`. */
export const EXPORT_ROUTE = '/__editor-export';

/** The two exporters in the editor's list, by the formats each writes. */
export const EXPORT_KINDS = {
  gif: {formats: ['gif'], displayName: 'GIF (project encoder)'},
  'gif-video': {formats: ['gif', 'mp4', 'avif'], displayName: 'GIF + MP4 + AVIF (project encoders)'},
} as const satisfies Record<string, {formats: readonly Format[]; displayName: string}>;
export type ExportKind = keyof typeof EXPORT_KINDS;

export type Theme = 'light' | 'dark';

/** `check`: the editor's rendering settings, before anything renders. Answered with ExportProblems. */
export interface ExportSettings {
  kind: ExportKind;
  fps: number;
  /** The frames' size in pixels (resolution × scale). */
  width: number;
  height: number;
  colorSpace: string;
  theme: Theme;
}

export interface ExportProblems {
  /** One line each, in the CLI's words; empty when the render may start. */
  problems: string[];
}

/** `open`: one scene's part of the render, whose frames then arrive under `job`. */
export interface SceneExport extends Omit<ExportSettings, 'colorSpace'> {
  job: string;
  scene: string;
  /** The scene's frames `[first, end)` are rendered, counted from the scene's start. */
  first: number;
  end: number;
  /** The scene's length in frames: a part covering all of them writes `<scene>.gif`, any other `<scene>.<S>-<E>s.gif`. */
  sceneFrames: number;
}

/** `finish`: all `frames` were sent; the files are written. */
export interface FinishRequest {
  job: string;
  frames: number;
}

export interface FinishResult {
  files: {path: string; bytes: number}[];
  /** What failed, in the CLI's words (a video may fail alone: the GIF is still written). */
  error?: string;
}

/** `cancel`: drop the job; nothing it began is kept. */
export interface CancelRequest {
  job: string;
}
