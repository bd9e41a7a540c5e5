/**
 * The files one scene render produces, one object per format: each takes frames
 * in order (if it needs them) and, when the render succeeds, finishes its file in
 * a temporary sibling that PendingOutputs renames into place.
 */
import {statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {PNG} from 'pngjs';
import {GifStreamEncoder} from '../encode/gif/encoder';
import {FfmpegStreamEncoder, mp4Args, webmArgs} from '../encode/video';
import {toWebVtt} from '../text/vtt';
import type {RenderOutcome} from '../frames/protocol';
import type {FrameConsumer, FrameSink} from './frameSink';
import {type Format, type RenderOptions, outputName, outputSize} from './options';
import type {PendingOutputs} from './outputs';
import {ensureDir} from '../util/ensureDir';

export type OutputKind = Format | 'frames';

export interface SceneOutput {
  format: OutputKind;
  /** Final path (a folder for kept frames). */
  target: string;
  consume?: FrameConsumer;
  /** Completes the temporary file; throws if this output cannot be made. */
  finish(outcome: RenderOutcome): Promise<void>;
  /** Frees resources after a failed render (kills ffmpeg). */
  abort(): void;
  /** Video outputs may fail alone (the GIF is still worth keeping); others fail the scene. */
  optional: boolean;
}

export interface OutputContext {
  name: string;
  options: RenderOptions;
  /** ffmpeg's path, or why it is unavailable. */
  ffmpeg: string | Error;
  pending: PendingOutputs;
  sink: FrameSink;
}

export function createSceneOutputs(context: OutputContext): SceneOutput[] {
  const {options} = context;
  const outputs: SceneOutput[] = options.formats.map(format => FACTORIES[format](context, targetFor(context, format)));
  if (options.keepFrames) outputs.push(keptFrames(context, join(options.outDir, 'frames', outputName(context.name, options.theme, 'x').slice(0, -2))));
  return outputs;
}

function targetFor({name, options}: OutputContext, ext: string): string {
  return join(options.outDir, outputName(name, options.theme, ext));
}

const FACTORIES: Record<Format, (context: OutputContext, target: string) => SceneOutput> = {
  gif: ({options, pending}, target) => {
    const {width, height} = outputSize(options.scale);
    const encoder = new GifStreamEncoder({width, height, fps: options.fps});
    return {
      format: 'gif',
      target,
      optional: false,
      consume: (frame, _index, changed) => encoder.addFrame(frame, changed),
      finish: async () => writeFileSync(pending.reserve(target), encoder.finish()),
      abort: () => {},
    };
  },
  mp4: (context, target) => video(context, target, 'mp4', mp4Args),
  webm: (context, target) => video(context, target, 'webm', webmArgs),
  png: ({options, pending, sink}, target) => {
    const {width, height} = outputSize(options.scale);
    let written = false;
    return {
      format: 'png',
      target,
      optional: false,
      consume: (frame, index) => {
        if (index !== sink.poster) return;
        writePng(pending.reserve(target), frame, width, height);
        written = true;
      },
      finish: async () => {
        if (!written) throw new Error(`no poster frame: the scene asked for frame ${sink.poster} of ${sink.received}`);
      },
      abort: () => {},
    };
  },
  vtt: ({options, pending}, target) => ({
    format: 'vtt',
    target,
    optional: false,
    finish: async outcome => writeFileSync(pending.reserve(target), toWebVtt(outcome.steps, outcome.frames / options.fps)),
    abort: () => {},
  }),
};

function video(
  {options, pending, ffmpeg}: OutputContext,
  target: string,
  format: 'mp4' | 'webm',
  args: typeof mp4Args,
): SceneOutput {
  const {width, height} = outputSize(options.scale);
  if (ffmpeg instanceof Error) {
    return {format, target, optional: true, finish: () => Promise.reject(ffmpeg), abort: () => {}};
  }
  const encoder = new FfmpegStreamEncoder(ffmpeg, args({width, height, fps: options.fps, output: pending.reserve(target)}));
  return {
    format,
    target,
    optional: true,
    consume: frame => encoder.addFrame(frame),
    finish: () => encoder.finish(),
    abort: () => encoder.kill(),
  };
}

function keptFrames({options, pending}: OutputContext, target: string): SceneOutput {
  const {width, height} = outputSize(options.scale);
  const dir = pending.reserve(target);
  ensureDir(dir);
  return {
    format: 'frames',
    target,
    optional: false,
    // Motion Canvas's own naming: 000000.png, 000001.png, …
    consume: (frame, index) => writePng(join(dir, `${String(index).padStart(6, '0')}.png`), frame, width, height),
    finish: async () => {},
    abort: () => {},
  };
}

function writePng(path: string, rgba: Uint8Array, width: number, height: number): void {
  const png = new PNG({width, height});
  png.data = Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength);
  writeFileSync(path, PNG.sync.write(png, {colorType: 6}));
}

export function sizeOf(path: string): number {
  const stat = statSync(path);
  return stat.isDirectory() ? 0 : stat.size;
}
