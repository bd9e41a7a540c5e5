/**
 * Builds the headless render page (scenes + Motion Canvas + records) with vite,
 * once per distinct input: the output folder is named after a hash of everything
 * that goes into it, so an unchanged project reuses the last build.
 */
import {createHash} from 'node:crypto';
import {existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync} from 'node:fs';
import {join, relative} from 'node:path';
import {PROJECT_ROOT} from '../model/store';
import {testScenesEnabled} from './testScenes';

export const PAGE_ENTRY = 'scenes/render-page/index.html';
const BUILD_ROOT = join(PROJECT_ROOT, '.cache', 'render-page');
/** Inputs of the page build besides the records. */
const PAGE_SOURCES = ['scenes', 'src/records', 'src/render/activationsPlugin.ts', 'src/render/testScenes.ts', 'test/fixtures/scenes', 'vite.config.ts', 'package-lock.json'];

function filesUnder(path: string): string[] {
  const full = join(PROJECT_ROOT, path);
  if (!existsSync(full)) return [];
  if (!readdirSafe(full)) return [full];
  return readdirSync(full, {withFileTypes: true}).flatMap(e => filesUnder(join(path, e.name)));
}

function readdirSafe(path: string): boolean {
  try {
    readdirSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Hash of the page's sources and the records it embeds. */
export function pageHash(recordsJson: string): string {
  const hash = createHash('sha256');
  for (const file of PAGE_SOURCES.flatMap(filesUnder).sort()) {
    // The editor's .meta files change when someone scrubs the timeline; they do not change frames.
    if (file.endsWith('.meta')) continue;
    hash.update(relative(PROJECT_ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  hash.update(recordsJson);
  hash.update(testScenesEnabled() ? 'with test scenes' : '');
  return hash.digest('hex').slice(0, 16);
}

/** Returns the folder holding the built page for `hash`, building it if needed. */
export async function ensurePageBuild(hash: string): Promise<{dir: string; built: boolean}> {
  const dir = join(BUILD_ROOT, hash);
  if (existsSync(join(dir, PAGE_ENTRY))) return {dir, built: false};
  const {build} = await import('vite');
  const staging = `${dir}.${process.pid}.tmp`;
  rmSync(staging, {recursive: true, force: true});
  try {
    await build({
      root: PROJECT_ROOT,
      configFile: join(PROJECT_ROOT, 'vite.config.ts'),
      logLevel: 'error',
      build: {
        outDir: staging,
        emptyOutDir: true,
        // One self-contained page, no source maps: smaller and faster to load.
        sourcemap: false,
        reportCompressedSize: false,
        rollupOptions: {input: {render: join(PROJECT_ROOT, PAGE_ENTRY)}},
      },
    });
    // Another render may have finished the same build meanwhile; both are identical.
    if (!existsSync(join(dir, PAGE_ENTRY))) {
      rmSync(dir, {recursive: true, force: true});
      renameSync(staging, dir);
    }
  } finally {
    rmSync(staging, {recursive: true, force: true});
  }
  pruneOldBuilds(hash);
  return {dir, built: true};
}

/** Keeps the few most recent builds (the test suite alternates two) and deletes the rest. */
function pruneOldBuilds(current: string, keep = 3): void {
  const builds = readdirSync(BUILD_ROOT)
    .filter(entry => entry !== current && !entry.endsWith('.tmp'))
    .map(entry => ({entry, time: statSync(join(BUILD_ROOT, entry)).mtimeMs}))
    .sort((a, b) => b.time - a.time);
  for (const {entry} of builds.slice(keep - 1)) rmSync(join(BUILD_ROOT, entry), {recursive: true, force: true});
}
