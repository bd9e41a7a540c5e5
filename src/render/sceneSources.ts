/**
 * Which source files one scene's frames depend on: the scene file's own import closure
 * (its components, the theme, the formatter…) plus the render page that hosts every
 * scene. The render cache keys each scene on these files alone, so editing one scene
 * re-renders that scene, and editing a shared component re-renders the scenes that use it.
 */
import {existsSync, readFileSync, statSync} from 'node:fs';
import {dirname, join, relative} from 'node:path';
import {PROJECT_ROOT} from '../paths';
import {hashSources} from '../util/sourceHash';
import {isFixtureScene, type SceneName} from './testScenes';

/** The page around the scenes: its entry (whose closure holds the exporter and the project file), build config and library versions. */
const PAGE_ENTRY_MODULE = 'scenes/render-page/main.ts';
const PAGE_FILES = [
  'scenes/render-page/index.html',
  'vite.config.ts',
  'src/editor/activationsPlugin.ts',
  'src/render/testScenes.ts',
  'package-lock.json',
];

/** The scene's source file, relative to the project root. */
export function sceneFile(name: SceneName): string {
  return isFixtureScene(name) ? `test/fixtures/scenes/${name}.tsx` : `scenes/${name}.tsx`;
}

// `import x from './a'`, `export {y} from '../b'`, `import './c.css'`; not `import type` (erased).
const IMPORT = /^\s*(?:import(?!\s+type\s)[^'"]*?from\s*|import\s*|export\s+[^'"]*?from\s*)['"](\.{1,2}\/[^'"]+)['"]/gm;
const EXTENSIONS = ['', '.ts', '.tsx', '/index.ts'];

/** Every project file reachable from `entry` through relative imports (bare packages are covered by package-lock.json). */
export function importClosure(entry: string, root = PROJECT_ROOT): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (!/\.(ts|tsx)$/.test(file)) return;
    for (const match of readFileSync(join(root, file), 'utf8').matchAll(IMPORT)) {
      // `../project?project` is a vite query on a real file.
      const target = resolveImport(join(dirname(file), match[1].replace(/\?.*$/, '')), root);
      if (target) visit(target);
    }
  };
  visit(entry);
  return [...seen].sort();
}

function resolveImport(path: string, root: string): string | undefined {
  for (const ext of EXTENSIONS) {
    const candidate = join(root, path + ext);
    if (existsSync(candidate) && statSync(candidate).isFile()) return relative(root, candidate);
  }
  return undefined;
}

/** A hash of the files `name`'s frames depend on (see the module comment). */
export function sceneSourceHash(name: SceneName, root = PROJECT_ROOT): string {
  const files = new Set([...importClosure(sceneFile(name), root), ...importClosure(PAGE_ENTRY_MODULE, root), ...PAGE_FILES]);
  return hashSources(root, [...files]);
}
