/**
 * The files one scene render produces, one object per format: each takes frames
 * in order (if it needs them) and, when the render succeeds, finishes its file in
 * a temporary sibling that PendingOutputs renames into place.
 */
import {statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {PNG} from 'pngjs';
import {resolveFfmpeg} from '../encode/ffmpegPath';
import {GifStreamEncoder} from '../encode/gif/encoder';
import {missingEncoder} from '../encode/ffmpegEncoders';
import {FfmpegStreamEncoder, VIDEO_FORMATS, type VideoFormat} from '../encode/video';
import {toWebVtt} from '../text/vtt';
import type {RenderOutcome} from '../frames/protocol';
import type {FrameConsumer, FrameSink} from './frameSink';
import {RenderError} from './errors';
import {type Format, type OutputFile, type RenderOptions, outputName, rangeLabel} from './options';
import type {PendingOutputs} from './outputs';
import {ensureDir} from '../util/ensureDir';
import {KEPT_LOOP_FILE} from './keptFrames';
import {joinInside} from '../util/joinInside';
import {diskFullMessage, isDiskFull} from '../util/diskFull';

export type OutputKind = Format | 'frames' | 'texts';

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
  options: Pick<RenderOptions, 'formats' | 'fps' | 'outDir' | 'theme' | 'keepFrames' | 'range' | 'textLog'>;
  /** The frames' size in pixels. */
  size: {width: number; height: number};
  /** ffmpeg's path, or why it is unavailable. */
  ffmpeg: string | Error;
  pending: PendingOutputs;
  sink: FrameSink;
}

export function createSceneOutputs(context: OutputContext): SceneOutput[] {
  const {options} = context;
  const outputs: SceneOutput[] = options.formats.map(format => FACTORIES[format](context, targetFor(context, format)));
  if (options.keepFrames) outputs.push(keptFrames(context, pathInOutDir(context, 'frames', fileName(context, 'x').slice(0, -2))));
  if (options.textLog) outputs.push(textLog(context, targetFor(context, 'texts.json')));
  return outputs;
}

/** `attention.gif`, `attention-dark.gif`, `attention.0-1s.gif`… */
function fileName({name, options}: OutputContext, ext: string): string {
  return outputName(name, options.theme, ext, options.range && rangeLabel(options.range, options.fps));
}

function targetFor(context: OutputContext, ext: string): string {
  return pathInOutDir(context, fileName(context, ext));
}

/** `outDir/parts…`; names are checked before they get here, and this makes sure no path leaves the folder all the same. */
function pathInOutDir({name, options: {outDir}}: OutputContext, ...parts: string[]): string {
  if (!joinInside(outDir, ...parts))
    throw new RenderError(`the output ${parts.join('/')} would lie outside ${outDir}; nothing was written`, name);
  return join(outDir, ...parts);
}

/** ffmpeg's path, or the error explaining why it is missing (the GIF is still written). */
export function findFfmpeg(formats: readonly Format[]): string | Error {
  if (!formats.some(f => f in VIDEO_FORMATS)) return new Error('no video format requested');
  try {
    return resolveFfmpeg().path;
  } catch (error) {
    return error as Error;
  }
}

/**
 * After a successful render: finishes every output and moves the files into place. A video that
 * fails alone (ffmpeg missing or failing) does not cost the others: they are kept, and `failure`
 * says what was written and what failed. Any other output failing throws, nothing committed.
 */
export async function finishSceneOutputs(
  name: string,
  outputs: SceneOutput[],
  outcome: RenderOutcome,
  pending: PendingOutputs,
  fps: number,
): Promise<{files: OutputFile[]; failure?: RenderError}> {
  const failed = new Map<SceneOutput, string>();
  for (const output of outputs) {
    try {
      await output.finish(outcome);
    } catch (error) {
      // A full disk is no one output's fault: the message names the file and the cause, not the format.
      if (isDiskFull(error)) throw new RenderError(diskFullMessage(output.target), name);
      if (!output.optional) throw new RenderError(`${output.format}: ${(error as Error).message}`, name);
      failed.set(output, `the ${output.format.toUpperCase()} failed: ${(error as Error).message}`);
      pending.drop(output.target);
    }
  }
  pending.commit();
  const seconds = outcome.frames / fps;
  const files: OutputFile[] = outputs
    .filter(output => !failed.has(output))
    .map(output => ({
      scene: name,
      path: output.target,
      format: output.format,
      bytes: sizeOf(output.target),
      frames: outcome.frames,
      seconds,
    }));
  if (failed.size === 0) return {files};
  const written = files.map(f => f.format.toUpperCase()).join(', ') || 'nothing';
  return {files, failure: new RenderError(`${written} written, but ${[...failed.values()].join('; ')}`, name)};
}

const FACTORIES: Record<Format, (context: OutputContext, target: string) => SceneOutput> = {
  gif: ({options, pending, sink, size: {width, height}}, target) => {
    const encoder = new GifStreamEncoder({width, height, fps: options.fps});
    return {
      format: 'gif',
      target,
      optional: false,
      // The loop's reset is painted exactly: a lag over a whole-picture fade flashes wrong colours.
      consume: (frame, index, changed) => encoder.addFrame(frame, changed, index >= sink.reset),
      finish: async () => writeFileSync(pending.reserve(target), encoder.finish()),
      abort: () => {},
    };
  },
  mp4: (context, target) => video(context, target, 'mp4'),
  webm: (context, target) => video(context, target, 'webm'),
  avif: (context, target) => video(context, target, 'avif'),
  png: ({pending, sink, size: {width, height}}, target) => {
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

/** A format ffmpeg makes from the frames (video.ts's VIDEO_FORMATS); it may fail alone. */
function video({options, pending, ffmpeg, size: {width, height}}: OutputContext, target: string, format: VideoFormat): SceneOutput {
  const spec = VIDEO_FORMATS[format];
  const failed = (error: Error): SceneOutput => ({format, target, optional: true, finish: () => Promise.reject(error), abort: () => {}});
  if (ffmpeg instanceof Error) return failed(ffmpeg);
  const missing = missingEncoder(ffmpeg, spec.encoder, format);
  if (missing) return failed(new Error(missing));
  const output = pending.reserve(target);
  const encoder = new FfmpegStreamEncoder(ffmpeg, spec.args({width, height, fps: options.fps, output}));
  return {
    format,
    target,
    optional: true,
    consume: frame => encoder.addFrame(frame),
    finish: async () => {
      await encoder.finish();
      spec.finish?.(output);
    },
    abort: () => encoder.kill(),
  };
}

/** The drawn-text log (RenderJob.textLog): the texts of each step's held frame, as the page reported them. */
function textLog({pending}: OutputContext, target: string): SceneOutput {
  return {
    format: 'texts',
    target,
    optional: false,
    finish: async outcome => {
      if (!outcome.texts) throw new Error('the page sent no drawn-text log');
      writeFileSync(pending.reserve(target), JSON.stringify(outcome.texts, null, 1) + '\n');
    },
    abort: () => {},
  };
}

function keptFrames({pending, sink, size: {width, height}}: OutputContext, target: string): SceneOutput {
  const dir = pending.reserve(target);
  ensureDir(dir);
  return {
    format: 'frames',
    target,
    optional: false,
    // Motion Canvas's own naming: 000000.png, 000001.png, …
    consume: (frame, index) => writePng(join(dir, `${String(index).padStart(6, '0')}.png`), frame, width, height),
    // Where the loop's reset begins, so that the bench encodes the GIF as the render did.
    finish: async () => {
      if (Number.isFinite(sink.reset)) writeFileSync(join(dir, KEPT_LOOP_FILE), JSON.stringify({resetFrame: sink.reset}) + '\n');
    },
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
