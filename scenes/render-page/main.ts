/**
 * The headless render page. Node opens it in Chromium and calls
 * `window.renderScene(job)`; the page renders that one scene with Motion Canvas's
 * own Renderer and ships the frames back through FrameExporter. No editor UI, no
 * DOM scraping.
 */
import {type Project, ProjectMetadata, Renderer, RendererResult, Vector2} from '@motion-canvas/core';
import project from '../project?project';
import records from 'virtual:activations';
import {holdEndOf, posterOf, stepsOf} from '../kit/steps';
import {loadSceneFonts} from '../../src/page/fonts';
import {FrameUploader, frameExporterFor, resetFrameAt} from '../../src/page/FrameExporter';
import {DrawnTextLog} from '../../src/page/textLog';
import type {RenderJob, RenderOutcome, SceneInfo} from '../../src/frames/protocol';

declare global {
  interface Window {
    renderScene(job: RenderJob): Promise<RenderOutcome>;
    describeScenes(fps: number, records: RenderJob['records']): Promise<SceneInfo[]>;
    renderPageReady: Promise<void>;
  }
}

/** A copy of the project with only `scene` and our exporter registered (see headless-render.md). */
function projectFor(scene: string, variables: Record<string, string>, exporter: unknown): Project {
  const description = project.scenes.find(s => s.name === scene);
  if (!description) {
    throw new Error(`unknown scene "${scene}"; the project has: ${project.scenes.map(s => s.name).join(', ')}`);
  }
  const copy: Project = {
    ...project,
    scenes: [description],
    variables: {...project.variables, ...variables},
    plugins: [...project.plugins, {name: 'four-dl-layers/frame-transport', exporters: () => [exporter as never]}],
  };
  copy.meta = new ProjectMetadata(copy);
  return copy;
}

function settingsFor(p: Project, job: Pick<RenderJob, 'width' | 'height' | 'fps' | 'resolutionScale' | 'range'>, exporter: string) {
  return {
    ...p.meta.getFullRenderingSettings(),
    size: new Vector2(job.width, job.height),
    resolutionScale: job.resolutionScale,
    fps: job.fps,
    colorSpace: 'srgb' as const,
    range: rangeSeconds(job),
    name: p.name,
    exporter: {name: exporter, options: {}},
  };
}

/**
 * The Renderer's range, in seconds: it renders from frame ceil(start·fps) to ceil(end·fps). Half a
 * frame early, so float error in k/fps·fps never moves a bound to the next frame.
 */
function rangeSeconds({range, fps}: Pick<RenderJob, 'range' | 'fps'>): [number, number] {
  return range ? [Math.max(0, (range.first - 0.5) / fps), (range.end - 0.5) / fps] : [0, Infinity];
}

window.renderPageReady = loadSceneFonts();

/** The built page's `virtual:activations` is an empty object; scenes read it when they run, so a job fills it first. */
function provideRecords(given: RenderJob['records']): void {
  Object.assign(records, given);
}

window.describeScenes = async (fps: number, given: RenderJob['records']): Promise<SceneInfo[]> => {
  await window.renderPageReady;
  provideRecords(given);
  const renderer = new Renderer(project) as unknown as {
    playback: {
      fps: number;
      recalculate(): Promise<void>;
      onScenesRecalculated: {current: {name: string; firstFrame: number; lastFrame: number}[]};
    };
  };
  renderer.playback.fps = fps;
  await renderer.playback.recalculate();
  return renderer.playback.onScenesRecalculated.current.map(s => ({
    name: s.name,
    frames: s.lastFrame - s.firstFrame,
    seconds: (s.lastFrame - s.firstFrame) / fps,
  }));
};

window.renderScene = async (job: RenderJob): Promise<RenderOutcome> => {
  await window.renderPageReady;
  provideRecords(job.records);
  let renderer: Renderer | undefined;
  // Renderer renders frames 0..duration inclusive; the last one equals time `duration`,
  // which in a looping scene is frame 0 again, so it is not shipped.
  const duration = () => (renderer as unknown as {playback: {duration: number}} | undefined)?.playback.duration ?? Infinity;
  const range = job.range ?? {first: 0, end: Infinity};
  // Frames shipped: the range's, counted from its first frame.
  const frameLimit = () => Math.min(range.end, duration()) - range.first;
  // Scenes report their poster moment while Motion Canvas measures them, before frame 0 ships.
  const posterFrame = () => {
    const time = posterOf(job.scene);
    const frames = frameLimit();
    return Math.max(0, time === undefined ? Math.floor(frames / 2) : Math.min(frames - 1, Math.round(time * job.fps)));
  };
  // The loop's reset, where the GIF encoder paints exact colours (a lag there flashes), counted like the shipped frames.
  const resetFrame = () => resetFrameAt(holdEndOf(job.scene), job.fps, range.first);
  const uploader = new FrameUploader(job, frameLimit, posterFrame, resetFrame);
  const playbackFrame = () => (renderer as unknown as {playback?: {frame: number}} | undefined)?.playback?.frame ?? 0;
  const textLog = job.textLog ? new DrawnTextLog() : undefined;
  const Exporter = frameExporterFor(
    uploader,
    range.first,
    () => {
      // Node names the error (it knows the range as the user gave it); the render just stops here.
      if (job.range && job.range.end > duration())
        throw new Error(`the range ends at frame ${range.end}, after the scene's ${duration()} frames`);
      textLog?.plan(stepsOf(job.scene), job.fps, duration() - 1, holdEndOf(job.scene));
    },
    (canvas, frame) => textLog?.exported(canvas, frame, job.resolutionScale),
  );
  const p = projectFor(job.scene, {...job.variables, theme: job.theme}, Exporter);

  let error: RenderOutcome['error'];
  p.logger.onLogged.subscribe(entry => {
    if (entry.level === 'error' && !error) {
      const message = entry.object instanceof Error ? entry.object.message : entry.message;
      const stack = entry.object instanceof Error ? entry.object.stack : entry.stack;
      // The playback's frame counts through the measuring pass too, where a throw usually surfaces first.
      const frame = playbackFrame();
      error = {frame, message, stack};
    }
  });

  renderer = new Renderer(p);
  const finished: {result: RendererResult} = {result: RendererResult.Error};
  renderer.onFinished.subscribe(r => {
    finished.result = r;
  });
  try {
    await renderer.render(settingsFor(p, job, Exporter.id));
  } finally {
    textLog?.stop();
  }
  const size = {width: Math.round(job.width * job.resolutionScale), height: Math.round(job.height * job.resolutionScale)};
  return {
    result: error ? 'error' : outcomeOf(finished.result),
    frames: uploader.sent,
    streamMs: uploader.streamMs,
    ...size,
    error: error ?? (uploader.failure && {frame: uploader.sent, message: uploader.failure.message}),
    steps: stepsOf(job.scene).map(({time, text}) => ({time, text})),
    posterReported: posterOf(job.scene) !== undefined,
    sceneFrames: renderer ? duration() : 0,
    ...(textLog ? {texts: textLog.frames} : {}),
  };
};

function outcomeOf(result: RendererResult): RenderOutcome['result'] {
  if (result === RendererResult.Success) return 'success';
  return result === RendererResult.Aborted ? 'aborted' : 'error';
}
