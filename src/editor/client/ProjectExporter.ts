/**
 * The editor's exporters: Motion Canvas renders the timeline, and each frame goes to the dev
 * server as the render page's frames go to the CLI (FrameUploader: changed rectangles, a few
 * frames per POST, a small window in flight), where the CLI's encoders write the files. The
 * render is cut at scene boundaries: each scene the range covers is one job on the server and
 * one file per format (`<scene>.gif`, or `<scene>.<S>-<E>s.gif` for part of a scene).
 */
import {
  EnumMetaField,
  type Exporter,
  type ExporterClass,
  ObjectMetaField,
  type Project,
  type Renderer,
  RendererResult,
  type RendererSettings,
} from '@motion-canvas/core';
import {FrameUploader, resetFrameAt} from '../../page/FrameExporter';
import {holdEndOf} from '../../../scenes/kit/steps';
import {loadSceneFonts} from '../../page/fonts';
import token from 'virtual:export-token';
import {EXPORT_TOKEN_HEADER} from '../../frames/protocol';
import {formatBytes} from '../../shared/formatBytes';
import {
  EXPORT_KINDS,
  EXPORT_ROUTE,
  type ExportKind,
  type ExportProblems,
  type ExportSettings,
  type FinishResult,
  type SceneExport,
  type Theme,
} from '../protocol/exportProtocol';
import {scenePart, type ScenePart, type TimelineScene} from '../protocol/scenePart';

/** Frames per upload, as the CLI sends them. */
const BATCH = 12;

/** The editor's Renderer's playback (private in core's types): the measured timeline. */
interface Playback {
  duration: number;
  onScenesRecalculated: {current: TimelineScene[]};
}

/** One scene's part on its way to the server. */
interface Part extends ScenePart {
  job: string;
  uploader: FrameUploader;
}

/** Builds the exporter class for one kind; `renderer()` is the editor's Renderer, known once the plugin got it. */
export function exporterClass(kind: ExportKind, renderer: () => Renderer | undefined): ExporterClass {
  const {displayName} = EXPORT_KINDS[kind];
  return class ProjectEncoderExporter {
    static readonly id = `four-dl-layers/${kind}`;
    static readonly displayName = displayName;
    static meta() {
      return new ObjectMetaField(displayName, {
        theme: new EnumMetaField<Theme>('theme', [
          {value: 'light', text: 'light'},
          {value: 'dark', text: 'dark'},
        ]).describe("The scenes' colours, as the CLI's --theme; dark files are named <scene>-dark.gif."),
      });
    }
    static async create(project: Project, settings: RendererSettings): Promise<Exporter> {
      const current = renderer();
      if (!current) throw new Error('the editor gave no renderer to the four-dl-layers plugin');
      return new ProjectEncoderExport(kind, project, settings, current);
    }
  };
}

class ProjectEncoderExport implements Exporter {
  private readonly theme: Theme;
  private part: Part | undefined;
  /** The timeline frames rendered, [from, to): the Renderer's own bounds, less its last (the frame rule). */
  private from = 0;
  private to = 0;
  private restoreVariables: (() => void) | undefined;
  private stopped = false;

  constructor(
    private readonly kind: ExportKind,
    private readonly project: Project,
    private readonly settings: RendererSettings,
    private readonly renderer: Renderer,
  ) {
    this.theme = (settings.exporter.options as {theme?: Theme} | undefined)?.theme ?? 'light';
  }

  /** Before anything renders: the server checks the settings, the fonts load, the theme is set. */
  async configuration(): Promise<void> {
    const size = this.size();
    const check: ExportSettings = {
      kind: this.kind,
      fps: this.settings.fps,
      ...size,
      colorSpace: this.settings.colorSpace,
      theme: this.theme,
    };
    const {problems} = await post<ExportProblems>('check', check);
    if (problems.length > 0) throw new Error(problems.join('; '));
    await loadSceneFonts();
    // The Renderer hands the project's variables to its scenes right after this; the editor's
    // own preview keeps the variables it was given.
    const saved = this.project.variables;
    this.project.variables = {...saved, theme: this.theme};
    this.restoreVariables = () => (this.project.variables = saved);
  }

  async start(): Promise<void> {
    this.restoreVariables?.();
    const playback = this.playback();
    const frames = (seconds: number) => Math.ceil(seconds * this.settings.fps);
    this.from = frames(this.settings.range[0]);
    this.to = Math.min(playback.duration, frames(this.settings.range[1]));
  }

  async handleFrame(canvas: HTMLCanvasElement, frame: number, sceneFrame: number, sceneName: string): Promise<void> {
    if (frame >= this.to) return;
    if (this.part?.scene !== sceneName) {
      await this.finishPart();
      await this.openPart(sceneName);
    }
    await this.part!.uploader.add(canvas, sceneFrame - this.part!.first);
  }

  async stop(result: RendererResult): Promise<void> {
    // The Renderer calls stop again when this one throws.
    if (this.stopped) return;
    this.stopped = true;
    this.restoreVariables?.();
    if (result === RendererResult.Success) await this.finishPart();
    else await this.cancelPart();
  }

  private async openPart(sceneName: string): Promise<void> {
    const scene = this.playback().onScenesRecalculated.current.find(s => s.name === sceneName);
    const part = scene && scenePart(scene, this.from, this.to);
    if (!part) throw new Error(`the render reached scene "${sceneName}", which the timeline does not list`);
    const job = `${part.scene}-${Math.random().toString(36).slice(2, 10)}`;
    const size = this.size();
    const request: SceneExport = {job, kind: this.kind, fps: this.settings.fps, ...size, theme: this.theme, ...part};
    await post('open', request);
    const frames = part.end - part.first;
    // No poster in these outputs: frame 0 stands in for the field the wire format requires.
    this.part = {
      ...part,
      job,
      uploader: new FrameUploader(
        {job, token, batch: BATCH, transport: 'post'},
        () => frames,
        () => 0,
        // Where the loop reset begins (the scene reported it while the editor measured it), counted as the CLI counts it.
        () => resetFrameAt(holdEndOf(part.scene), this.settings.fps, part.first),
      ),
    };
  }

  /** All of the part's frames sent: the server finishes its files and renames them into place. */
  private async finishPart(): Promise<void> {
    const part = this.part;
    if (!part) return;
    this.part = undefined;
    const {width, height} = this.size();
    try {
      await part.uploader.drain(width, height);
    } catch (error) {
      await post('cancel', {job: part.job}).catch(() => {});
      throw error;
    }
    const result = await post<FinishResult>('finish', {job: part.job, frames: part.uploader.sent});
    for (const file of result.files) this.project.logger.info(`wrote ${file.path} (${formatBytes(file.bytes)})`);
    if (result.error) this.project.logger.error(result.error);
  }

  /** Aborted or failed: the server drops the part's temporaries; files already in place stay as they were. */
  private async cancelPart(): Promise<void> {
    const part = this.part;
    if (!part) return;
    this.part = undefined;
    const {width, height} = this.size();
    await part.uploader.drain(width, height).catch(() => {});
    await post('cancel', {job: part.job});
  }

  private size(): {width: number; height: number} {
    const {size, resolutionScale} = this.settings;
    return {width: Math.round(size.x * resolutionScale), height: Math.round(size.y * resolutionScale)};
  }

  private playback(): Playback {
    return (this.renderer as unknown as {playback: Playback}).playback;
  }
}

/** A JSON request to the dev server, with its token; a refusal throws with the server's own message. */
async function post<T = unknown>(request: string, body: unknown): Promise<T> {
  const headers = {'content-type': 'application/json', [EXPORT_TOKEN_HEADER]: token};
  const response = await fetch(`${EXPORT_ROUTE}/${request}`, {method: 'POST', headers, body: JSON.stringify(body)});
  if (!response.ok) throw new Error(await response.text());
  return (await response.json()) as T;
}
