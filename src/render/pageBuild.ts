/**
 * Builds the headless render page (scenes + Motion Canvas) with vite, once per
 * distinct input: the output folder is named after a hash of everything that goes
 * into it, so an unchanged project reuses the last build. Records are not built in:
 * each render job brings its scene's record, so new numbers need no rebuild.
 */
import {existsSync, readdirSync, renameSync, rmSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {PROJECT_ROOT} from '../paths';
import {importClosure} from './sceneSources';
import {testScenesEnabled} from './testScenes';
import {testAnimationsEnabled} from '../animations/registry';
import {hashSources} from '../util/sourceHash';

export const PAGE_ENTRY = 'scenes/render-page/index.html';
const BUILD_ROOT = join(PROJECT_ROOT, '.cache', 'render-page');
/**
 * Inputs of the page build: the scenes folder (its project file finds the scenes by a glob), what
 * the scenes and the page's entry import from elsewhere (src/shared, src/records…), and the config.
 */
function pageSources(): string[] {
  const entries = [
    'scenes/render-page/main.ts',
    ...readdirSync(join(PROJECT_ROOT, 'scenes'))
      .filter(f => f.endsWith('.tsx'))
      .map(f => `scenes/${f}`),
  ];
  const outside = entries.flatMap(entry => importClosure(entry, PROJECT_ROOT)).filter(file => !file.startsWith('scenes/'));
  // The project file lists the animations by a glob over their folders' browser-safe parts.
  const folders = readdirSync(join(PROJECT_ROOT, 'src/animations'), {withFileTypes: true}).filter(entry => entry.isDirectory());
  const listed = folders.flatMap(folder => importClosure(`src/animations/${folder.name}/browser.ts`, PROJECT_ROOT));
  const config = [
    'scenes',
    'src/editor/activationsPlugin.ts',
    'src/render/testScenes.ts',
    'test/fixtures/scenes',
    'test/fixtures/animations',
    'vite.config.ts',
    'package-lock.json',
  ];
  return [...new Set([...config, ...listed, ...outside])];
}

/** Hash of the page's sources. */
export function pageHash(): string {
  return hashSources(PROJECT_ROOT, pageSources(), {
    // The editor's .meta files change when someone scrubs the timeline; they do not change frames.
    skip: file => file.endsWith('.meta'),
    extra: [testScenesEnabled() ? 'with test scenes' : '', testAnimationsEnabled() ? 'with test animations' : ''],
  });
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
