/**
 * `npm run render`: the only module that prints. Parses options, wires Ctrl-C and
 * SIGTERM to a clean stop, draws progress (bars on a terminal, plain lines
 * otherwise) and ends with a summary table and an exit code.
 */
import {formatBytes} from './shared/formatBytes';
import {basename, relative} from 'node:path';
import {HELP, parseCli, UsageError, type CliOptions} from './cliArgs';
import {RecordError} from './records/header';
import {InterruptedError, RangeOutsideSceneError, RenderError} from './render/errors';
import {BrowserNotFoundError} from './render/browser';
import {DEFAULT_CONCURRENCY, renderAnimations, type OutputFile, type RenderEvent} from './render/render';
import {listScenes} from './render/listScenes';
import {statSync} from 'node:fs';
import {ANIMATIONS, isAnimationName} from './animations/registry';
import {ensureAllRecords} from './store/recordStore';
import {ParamError} from './animations/config';
import {PROJECT_ROOT} from './paths';
import {writeGallery} from './gallery/gallery';
import {writePlayerScript} from './player/playerScript';
import {readRenderedRecords} from './render/renderedRecords';
import {THEME_NAMES} from './shared/theme';
import {list, plural} from './shared/words';

export const EXIT = {ok: 0, failed: 1, usage: 2, sigint: 130, sigterm: 143} as const;

export async function main(argv: readonly string[]): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCli(argv, PROJECT_ROOT);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`render: ${error.message}`);
      return EXIT.usage;
    }
    throw error;
  }
  if (options.help) {
    console.log(HELP);
    return EXIT.ok;
  }

  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(signal === 'SIGTERM' ? EXIT.sigterm : EXIT.sigint);
    if (!options.quiet) console.error(`\nrender: ${signal} received, stopping…`);
    controller.abort(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const progress = new Progress(options.quiet);
  const started = performance.now();

  try {
    // The one place records are computed: every scene's job and the gallery get these.
    progress.update({type: 'stage', stage: 'records'});
    const records = await ensureAllRecords({seed: options.seed, params: options.animations, recordFiles: options.recordFiles});
    if (options.list) {
      const scenes = await listScenes(options.names, options.fps, records, controller.signal);
      console.log(
        table(
          ['scene', 'duration', 'frames'],
          scenes.map(s => [s.name, `${s.seconds.toFixed(2)} s`, String(s.frames)]),
        ),
      );
      return EXIT.ok;
    }
    const files: OutputFile[] = [];
    const failures: RenderError[] = [];
    const removed: string[] = [];
    for (const theme of options.themes) {
      const result = await renderAnimations(
        {
          names: options.names,
          records,
          formats: options.formats,
          fps: options.fps,
          scale: options.scale,
          outDir: options.outDir,
          keepFrames: options.keepFrames,
          force: options.force,
          theme,
          timeoutMs: options.timeoutSeconds * 1000,
          concurrency: options.jobs || DEFAULT_CONCURRENCY,
          signal: controller.signal,
          range: options.range,
          // Only the test render asks for it; never a flag, so no user's folder gets the log.
          textLog: process.env.RENDER_TEXT_LOG === '1',
        },
        event => progress.update(event),
      );
      files.push(...result.files);
      failures.push(...result.failures);
      removed.push(...result.removed);
    }
    // The gallery shows whatever is in the folder now, so it stays whole after partial renders.
    // When no scene wrote or kept a file the folder is as it was: the gallery is left alone, not listed as written.
    // Excerpts are not in the gallery, so a --range render leaves it alone too, unless it removed files the gallery showed.
    // Each animation is described by the record its files were drawn from (activations/<name>.json beside them).
    if (files.length > 0 && (!options.range || removed.length > 0) && options.names.some(isAnimationName)) {
      const page = await writeGallery(
        options.outDir,
        ANIMATIONS,
        await readRenderedRecords(options.outDir, ANIMATIONS, records),
        THEME_NAMES,
      );
      files.push({scene: 'gallery', path: page, format: 'html', bytes: statSync(page).size, frames: 0, seconds: 0});
      // The player embed's script, beside the media it plays.
      const script = await writePlayerScript(options.outDir);
      files.push({scene: 'gallery', path: script, format: 'js', bytes: statSync(script).size, frames: 0, seconds: 0});
    }
    progress.finish();
    if (!options.quiet && files.length > 0) {
      console.log(summary(files));
      console.log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    for (const failure of failures) console.error(`render: ${failure.message}`);
    // A range past a scene's end is bad input, known only once the scene is measured.
    if (failures.some(f => f instanceof RangeOutsideSceneError)) return EXIT.usage;
    return failures.length > 0 ? EXIT.failed : EXIT.ok;
  } catch (error) {
    progress.finish();
    if (error instanceof InterruptedError) {
      console.error(`render: ${error.message}`);
      return error.signal === 'SIGTERM' ? EXIT.sigterm : EXIT.sigint;
    }
    if (error instanceof RecordError) {
      console.error(`render: activation record ${error.message}`);
      return EXIT.usage;
    }
    // A model or input file named by the parameters that cannot be drawn: bad input, found while computing.
    if (error instanceof ParamError) {
      console.error(`render: ${error.message}`);
      return EXIT.usage;
    }
    if (error instanceof BrowserNotFoundError || error instanceof RenderError) {
      console.error(`render: ${error.message}`);
      return EXIT.failed;
    }
    console.error(`render: unexpected error: ${(error as Error).stack ?? error}`);
    return EXIT.failed;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** Progress bars on a terminal, a plain line per quarter otherwise. Also emits JSON lines when asked (tests). */
class Progress {
  private readonly tty = Boolean(process.stderr.isTTY);
  private readonly json = process.env.RENDER_PROGRESS_JSON === '1';
  private readonly bars = new Map<string, {rendered: number; total: number; done: boolean}>();
  private drawnLines = 0;
  private readonly reported = new Map<string, number>();

  constructor(private readonly quiet: boolean) {}

  update(event: RenderEvent): void {
    if (this.json) process.stderr.write(`${JSON.stringify(progressJson(event))}\n`);
    if (this.quiet) return;
    switch (event.type) {
      case 'stage':
        this.line(
          `${{records: 'computing activation records', 'page-build': 'building the render page', browser: 'starting Chromium'}[event.stage]}…`,
        );
        break;
      case 'scene-start':
        this.bars.set(event.scene, {rendered: 0, total: 0, done: false});
        this.draw();
        break;
      case 'frames': {
        this.bars.set(event.scene, {rendered: event.rendered, total: event.total, done: false});
        if (this.tty) this.draw();
        else {
          const quarter = Math.floor((4 * event.rendered) / Math.max(1, event.total));
          if (quarter > (this.reported.get(event.scene) ?? -1)) {
            this.reported.set(event.scene, quarter);
            this.line(`${event.scene}: ${event.rendered}/${event.total} frames`);
          }
        }
        break;
      }
      case 'scene-done': {
        const bar = this.bars.get(event.scene);
        if (bar) bar.done = true;
        if (this.tty) this.draw();
        else this.line(`${event.scene}: done in ${(event.renderMs / 1000).toFixed(1)} s`);
        break;
      }
      case 'scene-skipped':
        this.line(`${event.scene}: up to date (use --force to re-render)`);
        break;
      case 'scene-failed':
        this.bars.delete(event.scene);
        this.line(`${event.scene}: failed`);
        break;
      case 'warning':
        this.line(`warning: ${event.message}`);
        break;
      case 'stale-removed':
        this.line(
          `${event.scene}: removed ${event.files.map(f => basename(f)).join(', ')} (drawn from other numbers than the files just written)`,
        );
        break;
      case 'leftovers-removed':
        this.line(leftoversLine(event.files.length, event.folders.length, event.pids));
        break;
    }
  }

  finish(): void {
    if (this.tty) this.drawnLines = 0;
  }

  private line(text: string): void {
    if (this.tty && this.drawnLines > 0) {
      process.stderr.write(`\x1b[${this.drawnLines}F\x1b[0J`);
      this.drawnLines = 0;
    }
    process.stderr.write(`${text}\n`);
    if (this.tty) this.draw();
  }

  private draw(): void {
    if (!this.tty) return;
    if (this.drawnLines > 0) process.stderr.write(`\x1b[${this.drawnLines}F\x1b[0J`);
    const lines = [...this.bars].map(([scene, {rendered, total, done}]) => {
      const fraction = done ? 1 : total > 0 ? rendered / total : 0;
      const width = 30;
      const filled = Math.round(fraction * width);
      const count = total > 0 ? `${rendered}/${total}` : 'starting';
      return `${scene.padEnd(10)} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done ? 'done' : count}`;
    });
    if (lines.length > 0) process.stderr.write(lines.join('\n') + '\n');
    this.drawnLines = lines.length;
  }
}

/** The machine-readable progress line (RENDER_PROGRESS_JSON=1), used by tests to interrupt mid-render. */
function progressJson(event: RenderEvent): object {
  if (event.type === 'scene-failed') return {type: event.type, scene: event.scene, message: event.error.message};
  if (event.type === 'scene-done')
    return {type: event.type, scene: event.scene, files: event.files.map(f => f.path), streamFps: event.streamFps};
  if (event.type === 'scene-skipped') return {type: event.type, scene: event.scene, files: event.files.map(f => f.path)};
  return event;
}

/** `removed 2 unfinished files and 1 scratch folder left by a killed run (pid 1234)`. */
export function leftoversLine(files: number, folders: number, pids: readonly number[]): string {
  const removed = [files && plural(files, 'unfinished file'), folders && plural(folders, 'scratch folder')].filter(Boolean) as string[];
  const owners = pids.length === 1 ? `a killed run (pid ${pids[0]})` : `killed runs (pids ${pids.join(', ')})`;
  return `removed ${list(removed)} left by ${owners}`;
}

function summary(files: OutputFile[]): string {
  // A poster is one frame and kept frames are a folder: frames and duration belong to the animations.
  const animated = (f: OutputFile) =>
    f.format !== 'png' && f.format !== 'vtt' && f.format !== 'texts' && f.format !== 'html' && f.format !== 'js';
  const rows = files.map(f => [
    relative(process.cwd(), f.path) || f.path,
    f.format === 'frames' ? '-' : formatBytes(f.bytes),
    animated(f) ? String(f.frames) : f.format === 'png' ? '1' : '-',
    animated(f) ? `${f.seconds.toFixed(2)} s` : '-',
  ]);
  return table(['file', 'size', 'frames', 'duration'], rows);
}

/** A plain-text table with left-aligned first column and right-aligned others. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map(r => r[c].length)));
  const format = (row: string[]) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  return [format(header), widths.map(w => '-'.repeat(w)).join('  '), ...rows.map(format)].join('\n');
}
