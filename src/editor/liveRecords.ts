/**
 * Live records for the editor: the records the scenes read (`virtual:activations`) are computed
 * by `scripts/records.ts --json` in a child process, so each computation runs the models as they
 * are on disk now and none of their code is in the vite config's bundle (editing a model does
 * not restart the server). When a model, a record's type, a parameter or render.config.json
 * changes (or, with RENDER_TEST_SCENES=1, a test record's input), the records are computed again
 * and compared with the scenes' ones; if any changed, `virtual:activations` is reloaded, which
 * hot-reloads the scenes that import it and keeps the editor's frame. The editor's log says
 * what was recomputed and how long it took. A failed computation is logged and changes
 * nothing: the scenes keep the last good records.
 */
import {spawn} from 'node:child_process';
import {relative, sep} from 'node:path';
import type {ViteDevServer} from 'vite';
import {testRecordInputs} from '../render/testRecords';
import {testScenesEnabled} from '../render/testScenes';
import {RECORDS_EVENT, type RecordsUpdate} from './protocol/recordEvents';

/** What the records depend on, relative to the project: folders end with a separator. */
const INPUTS = ['src/model/', 'src/records/', 'src/params/', 'render.config.json'];
/** Edits arrive in bursts (an editor writes a file in steps, a checkout touches many): wait this long for quiet. */
const SETTLE_MS = 150;

interface ChildResult {
  records: Record<string, unknown>;
  computed: Record<string, number>;
}

export class LiveRecords {
  /** The last good records as the module's source, and each record's JSON to compare with. */
  private source: string | undefined;
  private byName = new Map<string, string>();
  private first: Promise<string> | undefined;
  private edited = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private rerun = false;

  constructor(
    private readonly root: string,
    private readonly moduleId: string,
  ) {}

  /** The module source of the last good records, computed on first use. */
  async moduleSource(): Promise<string> {
    if (this.source !== undefined) return this.source;
    this.first ??= computeRecords(this.root).then(result => this.accept(result).source);
    try {
      return await this.first;
    } catch (error) {
      this.first = undefined; // the next load tries again
      throw error;
    }
  }

  /** Watches the records' inputs on the dev server's watcher. */
  watch(server: ViteDevServer): void {
    const extra = testScenesEnabled() ? testRecordInputs() : [];
    if (extra.length > 0) server.watcher.add(extra);
    const onFile = (file: string) => {
      const inProject = relative(this.root, file).split(sep).join('/');
      const path = inProject.startsWith('../') ? file : inProject;
      if (!extra.includes(file) && !INPUTS.some(input => (input.endsWith('/') ? path.startsWith(input) : path === input))) return;
      this.edited.add(path);
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.recompute(server), SETTLE_MS);
    };
    for (const event of ['add', 'change', 'unlink'] as const) server.watcher.on(event, onFile);
  }

  private async recompute(server: ViteDevServer): Promise<void> {
    if (this.running) {
      this.rerun = true;
      return;
    }
    this.running = true;
    const trigger = [...this.edited].sort();
    this.edited.clear();
    try {
      const result = await computeRecords(this.root);
      const {changed} = this.accept(result);
      const computed = Object.entries(result.computed).map(([name, ms]) => ({name, ms}));
      this.send(server, {trigger, computed, changed});
      const module = server.moduleGraph.getModuleById(this.moduleId);
      if (changed.length > 0 && module) await server.reloadModule(module);
    } catch (error) {
      this.send(server, {trigger, computed: [], changed: [], error: (error as Error).message});
    } finally {
      this.running = false;
      if (this.rerun) {
        this.rerun = false;
        void this.recompute(server);
      }
    }
  }

  /** Takes new records as the good ones; returns their module source and which records changed. */
  private accept(result: ChildResult): {source: string; changed: string[]} {
    const byName = new Map(Object.entries(result.records).map(([name, record]) => [name, JSON.stringify(record)]));
    const names = new Set([...byName.keys(), ...this.byName.keys()]);
    const changed = [...names].filter(name => byName.get(name) !== this.byName.get(name));
    this.byName = byName;
    this.source = `export default ${JSON.stringify(result.records)};`;
    return {source: this.source, changed};
  }

  private send(server: ViteDevServer, update: RecordsUpdate): void {
    const what = update.error
      ? `failed: ${update.error}`
      : update.computed.map(c => `${c.name} ${(c.ms / 1000).toFixed(2)} s`).join(', ') || 'nothing recomputed';
    server.config.logger.info(`records after ${update.trigger.join(', ')} changed: ${what}`, {timestamp: true});
    server.ws.send(RECORDS_EVENT, update);
  }
}

/** The thrown error's own line in a child's stderr (`Error: …`, `RecordError: …`), if there is one. */
function headline(stderr: string): string | undefined {
  return /^(?:\w*Error|records): .*$/m.exec(stderr)?.[0];
}

/** The records and their compute times, from a fresh Node process running the models as they are on disk. */
function computeRecords(root: string): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/records.ts', '--json'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', chunk => (stdout += chunk));
    child.stderr.on('data', chunk => (stderr += chunk));
    child.on('error', reject);
    child.on('close', code => {
      if (code !== 0) return reject(new Error(`${headline(stderr) ?? `computing the records failed (exit ${code})`}\n${stderr.trim()}`));
      try {
        resolve(JSON.parse(stdout) as ChildResult);
      } catch (error) {
        reject(new Error(`the records child printed no JSON (${(error as Error).message})`));
      }
    });
  });
}
