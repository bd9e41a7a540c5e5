/**
 * Renders animations headlessly: page build → 127.0.0.1 server → Chromium, each
 * scene sent its record → frames streamed to the encoders → outputs renamed into place.
 * Everything started here is stopped in `finally`, whatever happened.
 * Reports progress through `onEvent`; it never prints (the CLI does).
 */
import {writeFileSync} from 'node:fs';
import {DEFAULT_CONCURRENCY, pool} from '../util/pool';
import {dirname} from 'node:path';
import type {Page} from 'puppeteer-core';
import {BrowserExitedError, browserExitedFailure, InterruptedError, RangeOutsideSceneError, RenderError} from './errors';
import {FrameSink, type FrameConsumer} from './frameSink';
import {type OutputFile, type RenderOptions, LAYOUT, outputName, outputSize, rangeFrames, rangeLabel} from './options';
import {createSceneOutputs, findFfmpeg, finishSceneOutputs, type SceneOutput} from './sceneOutputs';
import {PendingOutputs} from './outputs';
import {ensureDir} from '../util/ensureDir';
import {removeLeftovers, type Leftovers} from './leftovers';
import {startSession, type Session, type Stage} from './session';
import {pageHash} from './pageBuild';
import {RenderCache, sceneKey} from './renderCache';
import {sceneSourceHash} from './sceneSources';
import {findChromium} from './browser';
import {recordHash, renderedRecordHash, renderedRecordPath, renderedRecordText} from './renderedRecords';
import {removeStaleOutputs} from './staleOutputs';
import {writeFileAtomic} from '../util/atomicWrite';
import {isTestScene, type SceneName} from './testScenes';
import {isAnimationName} from '../animations/registry';
import {streamFps, type RenderJob, type RenderOutcome} from '../frames/protocol';

export type {OutputFile};

export type RenderEvent =
  | {type: 'stage'; stage: Stage}
  | {type: 'scene-start'; scene: string}
  | {type: 'frames'; scene: string; rendered: number; total: number}
  | {type: 'scene-done'; scene: string; files: OutputFile[]; renderMs: number; streamFps: number}
  | {type: 'scene-skipped'; scene: string; files: OutputFile[]}
  | {type: 'scene-failed'; scene: string; error: RenderError}
  /** Files of the scene drawn from other numbers, removed beside its new files. */
  | {type: 'stale-removed'; scene: string; files: string[]}
  | {type: 'warning'; message: string}
  | ({type: 'leftovers-removed'} & Leftovers);

export interface RenderResult {
  files: OutputFile[];
  failures: RenderError[];
  /** Files removed because they showed other numbers than the ones just rendered. */
  removed: string[];
}

/** Renders `options.names`; resolves with the files written and the scenes that failed. */
export async function renderAnimations(options: RenderOptions, onEvent: (event: RenderEvent) => void = () => {}): Promise<RenderResult> {
  throwIfAborted(options.signal);
  ensureDir(options.outDir);
  // Before anything of ours exists: only the leftovers of runs that were killed are removed.
  const leftovers = removeLeftovers(options.outDir);
  if (leftovers) onEvent({type: 'leftovers-removed', ...leftovers});
  let session: Session | undefined;
  try {
    const ffmpeg = findFfmpeg(options.formats);
    const result: RenderResult = {files: [], failures: [], removed: []};

    // Scenes whose outputs are current are skipped without starting a browser.
    const cache = new RenderCache(options.outDir);
    const tools = {chromium: safely(findChromium), ffmpeg: typeof ffmpeg === 'string' ? ffmpeg : undefined};
    const inputs = (name: SceneName) => ({sources: sceneSourceHash(name), record: JSON.stringify(jobRecords(options, name))});
    const keys = new Map(options.names.map(name => [name, sceneKey(name, inputs(name), options, tools, sceneVariables(name))]));
    // An excerpt has a cache slot of its own, as it has files of its own.
    const slot = (name: string) => outputName(name, options.theme, 'scene', options.range && rangeLabel(options.range, options.fps));
    // What each animation's files are drawn from, and what the folder's record said before this render.
    const drawnFrom = (name: SceneName) => (isAnimationName(name) ? recordHash(options.records[name]!) : undefined);
    const previousRecord = (name: SceneName) => (isAnimationName(name) ? renderedRecordHash(options.outDir, name) : undefined);
    /** Once a scene's files are in place, its files drawn from other numbers go (staleOutputs.ts). */
    const dropStale = (name: SceneName, files: OutputFile[], previous: string | undefined) => {
      if (!isAnimationName(name)) return;
      const removed = removeStaleOutputs(
        options.outDir,
        cache,
        name,
        drawnFrom(name)!,
        previous,
        files.map(f => f.path),
      );
      result.removed.push(...removed);
      if (removed.length > 0) onEvent({type: 'stale-removed', scene: name, files: removed});
    };

    const stale: SceneName[] = [];
    for (const name of options.names) {
      const cached = options.force ? undefined : cache.lookup(slot(name), keys.get(name)!);
      if (!cached) {
        stale.push(name);
        continue;
      }
      result.files.push(...cached);
      onEvent({type: 'scene-skipped', scene: name, files: cached});
      const previous = previousRecord(name);
      dropStale(name, cached, previous);
      // A folder from before records were kept beside the files: they are written for the current files now.
      if (cache.recordOf(slot(name)) !== drawnFrom(name)) await cache.store(slot(name), keys.get(name)!, cached, drawnFrom(name));
      if (isAnimationName(name) && previous !== drawnFrom(name)) {
        await writeFileAtomic(renderedRecordPath(options.outDir, name), renderedRecordText(options.records[name]!));
      }
    }

    if (stale.length > 0) {
      session = await startSession(pageHash(), stage => onEvent({type: 'stage', stage}), options.signal).catch(error => {
        throw options.signal?.aborted ? new InterruptedError(options.signal.reason as NodeJS.Signals) : error;
      });
    }
    const active = session!;
    const exits: BrowserExitedError[] = [];
    const notStarted: SceneName[] = [];
    await pool(stale, Math.max(1, options.concurrency), async name => {
      throwIfAborted(options.signal);
      // A dead browser renders nothing more; its one failure names the scenes it never reached.
      if (!active.browser.connected) return void notStarted.push(name);
      try {
        const previous = previousRecord(name);
        const {files, failure} = await renderScene(active, ffmpeg, options, onEvent, name);
        result.files.push(...files);
        dropStale(name, files, previous);
        // Not stored when an output failed, so the next run renders the scene again.
        if (failure) throw failure;
        await cache.store(slot(name), keys.get(name)!, files, drawnFrom(name));
      } catch (error) {
        if (error instanceof InterruptedError) throw error;
        const failure = error instanceof RenderError ? error : new RenderError((error as Error).message ?? String(error), name);
        onEvent({type: 'scene-failed', scene: name, error: failure});
        if (failure instanceof BrowserExitedError) exits.push(failure);
        else result.failures.push(failure);
      }
    });
    // Also when it died between two scenes: then only the ones never started are left to name.
    if (exits.length > 0 || notStarted.length > 0) {
      exits.sort((a, b) => options.names.indexOf(a.scene as SceneName) - options.names.indexOf(b.scene as SceneName));
      result.failures.push(browserExitedFailure(exits, notStarted));
    }
    // Keep the summary in the order the scenes were asked for, whatever finished first.
    result.files.sort((a, b) => options.names.indexOf(a.scene as SceneName) - options.names.indexOf(b.scene as SceneName));
    return result;
  } finally {
    await session?.close();
  }
}

async function renderScene(
  session: Session,
  ffmpeg: string | Error,
  options: RenderOptions,
  onEvent: (event: RenderEvent) => void,
  name: SceneName,
): Promise<{files: OutputFile[]; failure?: RenderError}> {
  const started = performance.now();
  const pending = new PendingOutputs();
  const job = `${name}-${Math.random().toString(36).slice(2, 10)}`;
  const consumers: FrameConsumer[] = [];
  // No progress once Chromium is gone: frames already in Node would otherwise still be reported after the failure.
  const sink = new FrameSink(
    consumers,
    ({received, total}) => session.browser.connected && onEvent({type: 'frames', scene: name, rendered: received, total}),
  );
  let outputs: SceneOutput[] = [];
  session.sinks.set(job, sink);
  onEvent({type: 'scene-start', scene: name});
  let page: Page | undefined;
  try {
    outputs = createSceneOutputs({name, options, size: outputSize(options.scale), ffmpeg, pending, sink});
    for (const output of outputs) if (output.consume) consumers.push(output.consume);
    page = await session.openPage(url => onEvent({type: 'warning', message: `${name}: blocked a request outside 127.0.0.1: ${url}`}));
    const pageErrors: string[] = [];
    page.on('pageerror', error => pageErrors.push((error as Error).message));

    const request: RenderJob = {
      job,
      token: session.server.token,
      scene: name,
      width: LAYOUT.width,
      height: LAYOUT.height,
      resolutionScale: options.scale,
      fps: options.fps,
      theme: options.theme,
      batch: 12, // fewer, larger uploads: about 5% faster than 4 (the page caps an upload at 8 MB)
      variables: sceneVariables(name),
      records: jobRecords(options, name),
      range: options.range && rangeFrames(options.range, options.fps),
      ...(options.textLog ? {textLog: true} : {}),
    };
    const outcome = (await Promise.race([
      page.evaluate(`window.renderScene(${JSON.stringify(request)})`),
      watchdog(sink, options, name),
      session.browserGone.catch(() => {
        throw new BrowserExitedError(name, sink.lastArrived, sink.total);
      }),
    ])) as RenderOutcome;
    await sink.flushed();
    // Checked first: a range past the scene's end stops the render before its first frame.
    if (request.range && request.range.end > outcome.sceneFrames)
      throw new RangeOutsideSceneError(name, options.range!, outcome.sceneFrames / options.fps);
    if (outcome.result !== 'success') {
      const message = outcome.error?.message ?? pageErrors[0] ?? `render ${outcome.result}`;
      throw new RenderError(`the scene threw: ${message}`, name, outcome.error?.frame);
    }
    if (outcome.frames === 0) throw new RenderError('the scene produced no frames', name);

    if (!outcome.posterReported && options.formats.includes('png')) {
      onEvent({type: 'warning', message: `${name}: the scene reports no poster moment; the middle frame was used`});
    }

    // The folder's record of what its files show is replaced in the same commit as the files.
    if (isAnimationName(name)) {
      const recordFile = renderedRecordPath(options.outDir, name);
      ensureDir(dirname(recordFile));
      writeFileSync(pending.reserve(recordFile), renderedRecordText(options.records[name]!));
    }
    const {files, failure} = await finishSceneOutputs(name, outputs, outcome, pending, options.fps);
    // From the first frame reaching the page's exporter to the last delivered: the span the
    // benchmark's speed floor is measured over too.
    onEvent({type: 'scene-done', scene: name, files, renderMs: performance.now() - started, streamFps: streamFps(outcome)});
    // A video that failed alone: the other files are in place, and the caller settles them before reporting it.
    return {files, failure};
  } catch (error) {
    sink.stop(error);
    for (const output of outputs) output.abort();
    pending.discard();
    // Ctrl-C also reaches Chromium and ffmpeg; their deaths are a symptom, the signal is the cause.
    if (options.signal?.aborted) throw new InterruptedError(options.signal.reason as NodeJS.Signals);
    // A dead browser surfaces first as whatever page call was pending ("Target closed"…); name the cause.
    if (!session.browser.connected) throw new BrowserExitedError(name, sink.lastArrived, sink.total);
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
        const where = sink.received === 0 ? 'before its first frame' : `after frame ${sink.received - 1} of ${sink.total}`;
        reject(
          new RenderError(
            `timed out: no frame for ${(options.timeoutMs / 1000).toFixed(0)} s ${where}; the scene appears to hang (raise --timeout if it is just slow)`,
            scene,
            sink.received,
          ),
        );
      }
    }, 200);
    timer.unref();
  });
}

/** The records a scene reads: an animation reads the one named after it; test scenes read none. */
function jobRecords(options: RenderOptions, name: SceneName): RenderJob['records'] {
  if (!isAnimationName(name)) return {};
  const record = options.records[name];
  if (!record) throw new RenderError('no activation record was given for this scene', name);
  return {[name]: record};
}

/** Project variables for one scene: only the test fixture scenes read faults; the real scenes never get one. */
function sceneVariables(name: SceneName): Record<string, string> {
  return isTestScene(name) && process.env.RENDER_FAULT ? {fault: process.env.RENDER_FAULT} : {};
}

/** The value, or undefined where the lookup throws (a missing tool is reported later, if needed). */
function safely<T>(lookup: () => T): T | undefined {
  try {
    return lookup();
  } catch {
    return undefined;
  }
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new InterruptedError((signal.reason as NodeJS.Signals) ?? 'SIGINT');
}

export {DEFAULT_CONCURRENCY};
