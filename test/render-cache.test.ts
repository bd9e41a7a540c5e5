/** The content-hash render cache (issue 6): what invalidates it, and that a no-op render skips every scene. */
import {cpSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {describe, expect, inject, it} from 'vitest';
import {RenderCache, sceneKey} from '../src/render/renderCache';
import {importClosure} from '../src/render/sceneSources';
import {ANIMATIONS} from '../src/animations/registry';
import {runRender} from './helpers/cli';
import {SHARED_RENDER_ENV, SHARED_RENDER_FORMATS} from './renderSetup';
import {tempDir} from './helpers/tempDir';

const shared = inject('sharedRender');
const options = {formats: ['gif', 'mp4'] as ('gif' | 'mp4')[], fps: 30, scale: 1, theme: 'light' as const, keepFrames: false};
const tools = {chromium: '/usr/bin/chromium', ffmpeg: '/usr/bin/ffmpeg'};
const work = tempDir('cache-test-');

describe('sceneKey', () => {
  const inputs = {sources: 'sources-a', record: '{"seed":42}'};
  const base = sceneKey('dense', inputs, options, tools);

  it('is stable for the same inputs', () => {
    expect(sceneKey('dense', {...inputs}, options, tools)).toBe(base);
  });

  it("changes with the scene's sources and with its record", () => {
    expect(sceneKey('dense', {...inputs, sources: 'sources-b'}, options, tools)).not.toBe(base);
    expect(sceneKey('dense', {...inputs, record: '{"seed":7}'}, options, tools)).not.toBe(base);
  });

  it('changes with every render option', () => {
    expect(sceneKey('dense', inputs, {...options, fps: 24}, tools)).not.toBe(base);
    expect(sceneKey('dense', inputs, {...options, scale: 2}, tools)).not.toBe(base);
    expect(sceneKey('dense', inputs, {...options, theme: 'dark'}, tools)).not.toBe(base);
    expect(sceneKey('dense', inputs, {...options, formats: ['gif']}, tools)).not.toBe(base);
    expect(sceneKey('dense', inputs, {...options, keepFrames: true}, tools)).not.toBe(base);
  });

  it('changes with the scene and with the tools', () => {
    expect(sceneKey('conv', inputs, options, tools)).not.toBe(base);
    expect(sceneKey('dense', inputs, options, {...tools, ffmpeg: '/opt/other/ffmpeg'})).not.toBe(base);
  });
});

describe("a scene's sources", () => {
  const root = tempDir('cache-closure-');
  const write = (file: string, text: string) => {
    mkdirSync(dirname(join(root, file)), {recursive: true});
    writeFileSync(join(root, file), text);
  };
  write(
    'scenes/a.tsx',
    "import {Grid} from './components/Grid';\nimport type {R} from '../src/records/a';\nimport records from 'virtual:activations';\nimport {x} from '@motion-canvas/core';",
  );
  write('scenes/b.tsx', "import {theme} from './theme';");
  write('scenes/components/Grid.tsx', "import {\n  theme,\n} from '../theme';\nexport {y} from './layout';");
  write('scenes/components/layout.ts', '');
  write('scenes/theme.ts', '');
  write('src/records/a.ts', '');

  it('are the relative imports reachable from the scene file, not type-only ones, not packages', () => {
    expect(importClosure('scenes/a.tsx', root)).toEqual([
      'scenes/a.tsx',
      'scenes/components/Grid.tsx',
      'scenes/components/layout.ts',
      'scenes/theme.ts',
    ]);
  });

  it("leave out another scene's files", () => {
    expect(importClosure('scenes/b.tsx', root)).toEqual(['scenes/b.tsx', 'scenes/theme.ts']);
  });
});

describe('RenderCache', () => {
  it('misses when an output was edited or deleted by hand', async () => {
    const dir = join(work, 'manifest');
    cpSync(shared.dir, dir, {recursive: true});
    const file = {scene: 'dense', path: join(dir, 'dense.gif'), format: 'gif' as const, bytes: 1, frames: 1, seconds: 1};
    const cache = new RenderCache(dir);
    await cache.store('dense.scene', 'key-1', [file]);
    expect(new RenderCache(dir).lookup('dense.scene', 'key-1')).toEqual([file]);
    expect(new RenderCache(dir).lookup('dense.scene', 'key-2')).toBeUndefined();
    writeFileSync(file.path, Buffer.concat([readFileSync(file.path), Buffer.from([0])]));
    expect(new RenderCache(dir).lookup('dense.scene', 'key-1')).toBeUndefined();
  });
});

describe('a second render with nothing changed', () => {
  it('skips every scene without starting a browser, and --force renders again', async () => {
    const out = join(work, 'again');
    cpSync(shared.dir, out, {recursive: true});
    // The shared render's own options, so that nothing differs but the folder.
    const again = await runRender(['--scale', '0.5', '--format', SHARED_RENDER_FORMATS, '--out', out], SHARED_RENDER_ENV);
    expect(again.code, again.stderr).toBe(0);
    for (const name of ANIMATIONS) {
      expect(again.stderr).toContain(`${name}: up to date (use --force to re-render)`);
    }
    expect(again.stderr).not.toContain('starting Chromium');
    const changedOption = await runRender(['dense', '--scale', '0.5', '--out', out, '--format', 'gif']);
    expect(changedOption.stderr).toContain('starting Chromium');
    expect(changedOption.stderr).not.toContain('up to date');
  });
});

describe('parallel and serial renders', () => {
  it('give identical bytes', async () => {
    const serial = join(work, 'serial');
    // The shared render's options and environment: only --jobs differs.
    const run = await runRender(
      ['dense', 'attention', '--scale', '0.5', '--out', serial, '--jobs', '1', '--format', 'gif,mp4'],
      SHARED_RENDER_ENV,
    );
    expect(run.code, run.stderr).toBe(0);
    for (const file of ['dense.gif', 'dense.mp4', 'attention.gif', 'attention.mp4']) {
      expect(readFileSync(join(serial, file)).equals(readFileSync(join(shared.dir, file))), file).toBe(true);
    }
  });
});
