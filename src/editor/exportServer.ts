/**
 * The dev server's side of the editor's exporters: each scene part the editor renders is a job
 * whose frames arrive as the render page's do (same route, same changed rectangles) and feed the
 * CLI's own outputs (createSceneOutputs: the same GIF encoder settings and ffmpeg arguments), each
 * written to a temporary sibling and renamed into place only when finished.
 */
import type {IncomingMessage, ServerResponse} from 'node:http';
import {relative} from 'node:path';
import {RenderError} from '../render/errors';
import {type FrameConsumer, FrameSink} from '../render/frameSink';
import {type FrameBatch, receiveFrames} from '../render/frameUpload';
import {colorSpaceProblem, evenSizeProblem, gifFpsProblem} from '../render/limits';
import type {Format} from '../render/options';
import {PendingOutputs} from '../render/outputs';
import {createSceneOutputs, findFfmpeg, finishSceneOutputs, type SceneOutput} from '../render/sceneOutputs';
import {FRAME_ROUTE, type RenderOutcome} from '../frames/protocol';
import {ensureDir} from '../util/ensureDir';
import {answerFailure, checkWriteRequest, quoted, readBody, Refusal, type RouteGuard} from '../util/requestGuard';
import {
  EXPORT_KINDS,
  EXPORT_ROUTE,
  type ExportProblems,
  type ExportSettings,
  type FinishRequest,
  type FinishResult,
  type SceneExport,
} from './protocol/exportProtocol';
import {type ExportRequests, exportRequests, MAX_JSON_BYTES, parseRequest} from './exportRequests';

/** A job that receives nothing for this long was abandoned (the editor's tab closed): it is cancelled. */
const IDLE_MS = 120_000;

interface Job {
  request: SceneExport;
  sink: FrameSink;
  outputs: SceneOutput[];
  pending: PendingOutputs;
}

/** What is wrong with the editor's settings for this exporter, each in the CLI's words. */
export function settingsProblems(settings: ExportSettings): string[] {
  const formats: readonly Format[] = EXPORT_KINDS[settings.kind].formats;
  const problems = [
    ['color space', colorSpaceProblem(settings.colorSpace)],
    ['frame rate', gifFpsProblem(settings.fps)],
    ['resolution × scale', formats.includes('mp4') ? evenSizeProblem(settings.width, settings.height) : undefined],
  ];
  return problems.filter(([, problem]) => problem).map(([setting, problem]) => `${setting}: ${problem}`);
}

export class EditorExports {
  private readonly jobs = new Map<string, Job>();
  private readonly sweeper: NodeJS.Timeout;
  private readonly requests: ExportRequests;

  /** `scenes`: the names an export may write (the editor's timeline); `guard`: who may ask. */
  constructor(
    private readonly outDir: string,
    private readonly guard: RouteGuard,
    scenes: readonly string[],
  ) {
    this.requests = exportRequests(scenes);
    this.sweeper = setInterval(() => {
      for (const [id, job] of this.jobs) if (Date.now() - job.sink.lastActivity > IDLE_MS) this.cancel(id);
    }, 10_000);
    this.sweeper.unref();
  }

  /** Starts one scene's part: its outputs begin in temporary files. */
  open(request: SceneExport): void {
    const problems = settingsProblems({...request, colorSpace: 'srgb'});
    if (problems.length > 0) throw new Refusal(400, `open: ${problems.join('; ')}`);
    if (this.jobs.has(request.job)) throw new Refusal(409, `open: export job "${request.job}" is already open`);
    const formats = [...EXPORT_KINDS[request.kind].formats];
    const whole = request.first === 0 && request.end === request.sceneFrames;
    const options = {
      formats,
      fps: request.fps,
      outDir: this.outDir,
      theme: request.theme,
      keepFrames: false,
      range: whole ? undefined : {start: request.first / request.fps, end: request.end / request.fps},
    };
    ensureDir(this.outDir);
    const pending = new PendingOutputs();
    const consumers: FrameConsumer[] = [];
    const sink = new FrameSink(consumers, () => {});
    const outputs = createSceneOutputs({name: request.scene, options, size: request, ffmpeg: findFfmpeg(formats), pending, sink});
    for (const output of outputs) if (output.consume) consumers.push(output.consume);
    this.jobs.set(request.job, {request, sink, outputs, pending});
  }

  accept(batch: FrameBatch): Promise<void> {
    const job = this.jobs.get(batch.job);
    if (!job) return Promise.reject(new Refusal(404, `no export job "${batch.job}"`));
    const {width, height} = job.request;
    if (batch.width !== width || batch.height !== height) {
      return Promise.reject(
        new Refusal(
          400,
          `bad frame upload: ${batch.width}×${batch.height} frames for export job "${batch.job}", which is ${width}×${height}`,
        ),
      );
    }
    return job.sink.accept(batch);
  }

  /** Waits for the job's frames, finishes its files and moves them into place. */
  async finish({job: id, frames}: FinishRequest): Promise<FinishResult> {
    const job = this.jobs.get(id);
    if (!job) throw new Refusal(404, `finish: no export job "${id}"`);
    const {request, sink, outputs, pending} = job;
    try {
      await sink.flushed();
      if (sink.received !== frames) throw new RenderError(`${frames} frames were rendered, but ${sink.received} arrived`, request.scene);
      const outcome: RenderOutcome = {
        result: 'success',
        frames,
        streamMs: 0,
        width: request.width,
        height: request.height,
        steps: [],
        posterReported: false,
        sceneFrames: request.sceneFrames,
      };
      const {files, failure} = await finishSceneOutputs(request.scene, outputs, outcome, pending, request.fps);
      return {files: files.map(f => ({path: relative(process.cwd(), f.path) || f.path, bytes: f.bytes})), error: failure?.message};
    } catch (error) {
      for (const output of outputs) output.abort();
      pending.discard();
      throw error;
    } finally {
      this.jobs.delete(id);
    }
  }

  /** Stops the job: ffmpeg killed, temporaries deleted, the files already in place untouched. */
  cancel(id: string): void {
    const job = this.jobs.get(id);
    if (!job) return;
    this.jobs.delete(id);
    job.sink.stop(new Error('the export was cancelled'));
    for (const output of job.outputs) output.abort();
    job.pending.discard();
  }

  close(): void {
    clearInterval(this.sweeper);
    for (const id of [...this.jobs.keys()]) this.cancel(id);
  }

  /**
   * Connect middleware: the frame route and the JSON routes, each checked first (requestGuard);
   * anything else goes on to vite. It runs before vite's own host check, so it makes its own.
   */
  handle = (request: IncomingMessage, response: ServerResponse, next: () => void): void => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== FRAME_ROUTE && !url.pathname.startsWith(`${EXPORT_ROUTE}/`)) return next();
    this.route(url, request, response).catch(error => answerFailure(response, error));
  };

  private async route(url: URL, request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'POST') throw new Refusal(405, `${url.pathname} takes POST only`);
    if (url.pathname === FRAME_ROUTE) {
      await this.accept(await receiveFrames(request, url.searchParams, this.guard));
      response.writeHead(204).end();
      return;
    }
    checkWriteRequest(request, this.guard, 'application/json');
    const name = url.pathname.slice(EXPORT_ROUTE.length + 1);
    const body = await readBody(request, MAX_JSON_BYTES);
    const json = (value: unknown) => {
      response.writeHead(200, {'content-type': 'application/json'});
      response.end(JSON.stringify(value ?? {}));
    };
    switch (name) {
      case 'check':
        return json({problems: settingsProblems(parseRequest(name, this.requests.check, body))} satisfies ExportProblems);
      case 'open':
        return json(this.open(parseRequest(name, this.requests.open, body)));
      case 'finish':
        return json(await this.finish(parseRequest(name, this.requests.finish, body)));
      case 'cancel':
        return json(this.cancel(parseRequest(name, this.requests.cancel, body).job));
      default:
        throw new Refusal(404, `unknown export request ${quoted(url.pathname)}`);
    }
  }
}
