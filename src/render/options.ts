/** What a render is asked to do, after the CLI has validated it, and what it writes. */
import type {ActivationRecords} from '../animations/registry';
import type {SceneName} from './testScenes';

/**
 * Every format a render can write; `--format` picks any of them. `png` is the poster frame,
 * `vtt` the caption track built from the scene's steps.
 */
export const FORMATS = ['gif', 'mp4', 'webm', 'avif', 'png', 'vtt'] as const;
export type Format = (typeof FORMATS)[number];

/**
 * What a render writes without `--format`: the GIF for Markdown platforms, the AVIF for a
 * `<picture>` source, the MP4 for the player. WebM is opt-in: at the MP4's quality it was
 * heavier than the MP4 (README, "Formats"), and every current browser plays the MP4.
 */
export const DEFAULT_FORMATS: readonly Format[] = ['gif', 'mp4', 'avif', 'png', 'vtt'];

export interface RenderOptions {
  names: SceneName[];
  /** The records the scenes draw (computed once by the caller); each scene's job carries its own. */
  records: Partial<ActivationRecords>;
  formats: Format[];
  fps: number;
  /** Multiplies the 960×540 layout size. */
  scale: number;
  outDir: string;
  keepFrames: boolean;
  force: boolean;
  theme: 'light' | 'dark';
  /** A scene that ships no frame for this long is stopped as hung. */
  timeoutMs: number;
  /** Scenes rendered at once (default: the core count). */
  concurrency: number;
  /** Stops the render (the CLI wires SIGINT/SIGTERM to it). */
  signal?: AbortSignal;
  /** `--range`: render only this part of each scene, into files of its own. */
  range?: SceneRange;
  /** Write `<name>.texts.json`, the texts drawn on each step's held frame (RENDER_TEXT_LOG=1: the test render's checks). */
  textLog?: boolean;
}

/** A part of a scene, in seconds from its start: the frames `[round(start·fps), round(end·fps))`. */
export interface SceneRange {
  start: number;
  end: number;
}

/** The frames a range holds (the README's half-open frame rule): `first` is in, `end` is not. */
export function rangeFrames(range: SceneRange, fps: number): {first: number; end: number} {
  return {first: Math.round(range.start * fps), end: Math.round(range.end * fps)};
}

/**
 * `0-1s`, `0.5-2.25s`: the seconds of a range's first frame and of its end, which name its
 * files (`attention.0-1s.gif`). Derived from the frames, so the CLI and the editor name the same
 * frames alike.
 */
export function rangeLabel(range: SceneRange, fps: number): string {
  const {first, end} = rangeFrames(range, fps);
  const seconds = (frame: number) => String(Number((frame / fps).toFixed(3)));
  return `${seconds(first)}-${seconds(end)}s`;
}

export const LAYOUT = {width: 960, height: 540};
export const DEFAULT_FPS = 30;

/** Output size in pixels for a scale. */
export function outputSize(scale: number): {width: number; height: number} {
  return {width: Math.round(LAYOUT.width * scale), height: Math.round(LAYOUT.height * scale)};
}

/** `dense.gif` for light, `dense-dark.gif` for dark; an excerpt (a rangeLabel) goes before the extension: `dense.0-1s.gif`. */
export function outputName(name: string, theme: 'light' | 'dark', ext: string, excerpt?: string): string {
  return `${name}${theme === 'dark' ? '-dark' : ''}${excerpt ? `.${excerpt}` : ''}.${ext}`;
}

/** One file a render wrote (or found up to date). */
export interface OutputFile {
  scene: string;
  path: string;
  format: Format | 'frames' | 'texts' | 'html' | 'js';
  bytes: number;
  frames: number;
  seconds: number;
}
