/**
 * Renders animations headlessly: records → page build → 127.0.0.1 server →
 * Chromium → frames streamed to the encoders → outputs renamed into place.
 * Everything started here is stopped in `finally`, whatever happened.
 * Reports progress through `onEvent`; it never prints (the CLI does).
 */
import {availableParallelism} from 'node:os';
import {join} from 'node:path';
import type {Page} from 'puppeteer-core';
import {PNG} from 'pngjs';
import {mkdirSync, statSync, writeFileSync} from 'node:fs';
import type {AnimationName} from '../records';
import {GifStreamEncoder} from '../encode/gif';
import {Mp4StreamEncoder} from '../encode/mp4';
import {resolveFfmpeg} from '../encode/ffmpegPath';
import {writeFileAtomic} from '../util/atomicWrite';
import {InterruptedError, RenderError} from './errors';
import {FrameSink, type FrameConsumer} from './frameSink';
import {type RenderOptions, outputName, outputSize, LAYOUT} from './options';
import {PendingOutputs, ensureDir} from './outputs';
import {startSession, type Session} from './session';
import type {RenderJob, RenderOutcome} from '../../scenes/render-page/protocol';

export interface OutputFile {
  scene: string;
  path: string;
  format: 'gif' | 'mp4' | 'frames';
  bytes: number;
  frames: number;
  seconds: number;
}

export type RenderEvent =
  | {type: 'stage'; stage: 'records' | 'page-build' | 'browser'; detail?: string}
  | {type: 'scene-start'; scene: string}
  | {type: 'frames'; scene: string; rendered: number; total: number}
  | {type: 'scene-done'; scene: string; files: OutputFile[]; renderMs: number}
  | {type: 'scene-failed'; scene: string; error: RenderError}
  | {type: 'warning'; message: string};

export interface RenderResult {
  files: OutputFile[];
  failures: RenderError[];
}

/** Renders `options.names`; resolves with the files written and the scenes that failed. */
export async function renderAnimations(options: RenderOptions, onEvent: (event: RenderEvent) => void = () => {}): Promise<RenderResult> {
  throwIfAborted(options.signal);
  ensureDir(options.outDir);
  let session: Session | undefined;
  try {
    session = await startSession(stage => onEvent({type: 'stage', stage}), options.signal).catch(error => {
      throw options.signal?.aborted ? new InterruptedError(options.signal.reason as NodeJS.Signals) : error;
    });
    const active = session;
    const ffmpeg = findFfmpeg(options);
    const result: RenderResult = {files: [], failures: []};
    await pool(options.names, Math.max(1, options.concurrency), async name => {
      throwIfAborted(options.signal);
      try {
        result.files.push(...(await renderScene(active, ffmpeg, options, onEvent, name)));
      } catch (error) {
        if (error instanceof InterruptedError) throw error;
        const failure = error instanceof RenderError ? error : new RenderError((error as Error).message ?? String(error), name);
        result.failures.push(failure);
        onEvent({type: 'scene-failed', scene: name, error: failure});
      }
    });
    // Keep the summary in the order the scenes were asked for, whatever finished first.
    result.files.sort((a, b) => options.names.indexOf(a.scene as AnimationName) - options.names.indexOf(b.scene as AnimationName));
    return result;
  } finally {
    await session?.close();
  }
}

/** ffmpeg's path, or the error explaining why it is missing (the GIF is still written). */
function findFfmpeg(options: RenderOptions): string | Error {
  if (!options.formats.includes('mp4')) return new Error('mp4 not requested');
  try {
    return resolveFfmpeg().path;
  } catch (error) {
    return error as Error;
  }
}

async function renderScene(
  session: Session,
  ffmpeg: string | Error,
  options: RenderOptions,
  onEvent: (event: RenderEvent) => void,
  name: AnimationName,
): Promise<OutputFile[]> {
  const started = performance.now();
  const {width, height} = outputSize(options.scale);
  const pending = new PendingOutputs();
  const consumers: FrameConsumer[] = [];
  const target = (ext: string) => join(options.outDir, outputName(name, options.theme, ext));

  const gif = options.formats.includes('gif') ? new GifStreamEncoder({width, height, fps: options.fps}) : undefined;
  if (gif) consumers.push(frame => gif.addFrame(frame));

  let mp4: Mp4StreamEncoder | undefined;
  let mp4Failure: string | undefined;
  if (options.formats.includes('mp4')) {
    if (ffmpeg instanceof Error) mp4Failure = ffmpeg.message;
    else {
      const encoder = new Mp4StreamEncoder(ffmpeg, {width, height, fps: options.fps, output: pending.reserve(target('mp4'))});
      mp4 = encoder;
      consumers.push(frame => encoder.addFrame(frame));
    }
  }

  let framesDir: string | undefined;
  if (options.keepFrames) {
    const dir = pending.reserve(join(options.outDir, 'frames', outputName(name, options.theme, '').slice(0, -1)));
    framesDir = dir;
    mkdirSync(dir, {recursive: true});
    consumers.push((frame, index) => writePng(join(dir, `${String(index).padStart(6, '0')}.png`), frame, width, height));
  }

  const job = `${name}-${Math.random().toString(36).slice(2, 10)}`;
  const sink = new FrameSink(consumers, ({received, total}) => onEvent({type: 'frames', scene: name, rendered: received, total}));
  session.sinks.set(job, sink);
  onEvent({type: 'scene-start', scene: name});
  let page: Page | undefined;
  try {
    page = await session.openPage(url => onEvent({type: 'warning', message: `${name}: blocked a request outside 127.0.0.1: ${url}`}));
    const pageErrors: string[] = [];
    page.on('pageerror', error => pageErrors.push((error as Error).message));

    const request: RenderJob = {
      job,
      scene: name,
      width: LAYOUT.width,
      height: LAYOUT.height,
      resolutionScale: options.scale,
      fps: options.fps,
      theme: options.theme,
      batch: 4,
    };
    const outcome = (await Promise.race([
      page.evaluate(`window.renderScene(${JSON.stringify(request)})`),
      watchdog(sink, options, name),
      session.browserGone.catch(error => {
        throw new RenderError(error.message, name, sink.received);
      }),
    ])) as RenderOutcome;
    await sink.flushed();
    if (outcome.result !== 'success') {
      const message = outcome.error?.message ?? pageErrors[0] ?? `render ${outcome.result}`;
      throw new RenderError(`the scene threw: ${message}`, name, outcome.error?.frame);
    }
    if (outcome.frames === 0) throw new RenderError('the scene produced no frames', name);

    const seconds = outcome.frames / options.fps;
    const files: OutputFile[] = [];
    if (gif) {
      const gifPath = target('gif');
      const bytes = gif.finish();
      await writeFileAtomic(gifPath, bytes);
      files.push({scene: name, path: gifPath, format: 'gif', bytes: bytes.length, frames: gif.frameCount, seconds});
    }
    if (mp4) {
      try {
        await mp4.finish();
      } catch (error) {
        mp4Failure = (error as Error).message;
        pending.drop(target('mp4'));
      }
    }
    pending.commit();
    if (mp4 && !mp4Failure) files.push({scene: name, path: target('mp4'), format: 'mp4', bytes: fileSize(target('mp4')), frames: outcome.frames, seconds});
    if (framesDir) files.push({scene: name, path: join(options.outDir, 'frames', name), format: 'frames', bytes: 0, frames: outcome.frames, seconds});
    onEvent({type: 'scene-done', scene: name, files, renderMs: performance.now() - started});
    if (mp4Failure) throw new RenderError(`GIF written, but the MP4 failed: ${mp4Failure}`, name);
    return files;
  } catch (error) {
    mp4?.kill();
    pending.discard();
    throw error;
  } finally {
    session.sinks.delete(job);
    await page?.close().catch(() => {});
  }
}

/** Rejects when the scene ships no frame for `timeoutMs`, or when the render is interrupted. */
function watchdog(sink: FrameSink, options: RenderOptions, scene: string): Promise<never> {
  return new Promise((_, reject) => {
    const timer = setInterval(() => {
      if (options.signal?.aborted) {
        clearInterval(timer);
        reject(new InterruptedError((options.signal.reason as NodeJS.Signals) ?? 'SIGINT'));
      } else if (Date.now() - sink.lastActivity > options.timeoutMs) {
        clearInterval(timer);
        reject(
          new RenderError(
            `timed out: no frame for ${(options.timeoutMs / 1000).toFixed(0)} s after frame ${sink.received} of ${sink.total || '?'}; the scene appears to hang (raise --timeout if it is just slow)`,
            scene,
            sink.received,
          ),
        );
      }
    }, 200);
    timer.unref();
  });
}

function writePng(path: string, rgba: Uint8Array, width: number, height: number): void {
  const png = new PNG({width, height});
  png.data = Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength);
  writeFileSync(path, PNG.sync.write(png, {colorType: 6}));
}

function fileSize(path: string): number {
  return statSync(path).size;
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new InterruptedError((signal.reason as NodeJS.Signals) ?? 'SIGINT');
}

/** Runs `work` over `items`, at most `limit` at a time; the first rejection stops new work. */
async function pool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({length: Math.min(limit, items.length)}, async () => {
    while (next < items.length) await work(items[next++]);
  });
  await Promise.all(workers);
}

export const DEFAULT_CONCURRENCY = Math.max(1, availableParallelism());
