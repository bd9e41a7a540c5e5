/**
 * The house's import boundaries (.dependency-cruiser.cjs): the tree keeps them, and each rule
 * catches a wrong-way import planted for it.
 */
import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import {rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {ROOT} from './helpers/cli';

interface Violation {
  rule: {name: string};
  from: string;
  to: string;
  cycle?: {name: string}[];
}

/** Runs the boundary check as `npm run lint` does, without blocking the worker (it takes seconds). */
async function cruise(): Promise<Violation[]> {
  const bin = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
  const args = [bin, '--config', '.dependency-cruiser.cjs', '--output-type', 'json', 'scenes', 'src', 'scripts'];
  // It exits 1 when it finds violations; the JSON on stdout is the answer either way.
  const {stdout} = await promisify(execFile)(process.execPath, args, {cwd: ROOT, maxBuffer: 64 << 20}).catch(error => error);
  return JSON.parse(stdout).summary.violations;
}

/** One wrong-way import per rule: [rule, planted file, its one import]. */
const PLANTS: [rule: string, file: string, imports: string][] = [
  ['node-imports-no-scene', 'src/render/__planted_scene.ts', '../../scenes/kit/theme'],
  ['browser-imports-no-node', 'scenes/__planted_model.ts', '../src/model/tf'],
  ['browser-imports-no-node', 'src/shared/__planted_tfjs.ts', '@tensorflow/tfjs'],
  ['browser-imports-no-node-builtin', 'src/records/__planted_fs.ts', 'node:fs'],
  ['encode-imports-only-frames', 'src/encode/__planted_render.ts', '../render/errors'],
  ['render-imports-no-editor', 'src/render/__planted_editor.ts', '../editor/liveRecords'],
  ['production-imports-no-dev-dependency', 'src/gallery/__planted_dev.ts', 'omggif'],
  // src/params already imports src/shared: this closes a folder cycle.
  ['no-folder-cycles', 'src/shared/__planted_cycle.ts', '../params/validate'],
];

describe('import boundaries', () => {
  it('the tree keeps every rule', async () => {
    expect((await cruise()).map(v => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
  });

  describe('a planted wrong-way import fails its rule', () => {
    let violations: Violation[] = [];
    beforeAll(async () => {
      for (const [, file, imports] of PLANTS) writeFileSync(join(ROOT, file), `import '${imports}';\nexport {};\n`);
      try {
        violations = await cruise();
      } finally {
        for (const [, file] of PLANTS) rmSync(join(ROOT, file), {force: true});
      }
    });
    afterAll(() => {
      for (const [, file] of PLANTS) rmSync(join(ROOT, file), {force: true});
    });

    it.each(PLANTS)('%s: %s', (rule, file) => {
      const folder = file.slice(0, file.lastIndexOf('/'));
      const caught = violations.filter(
        v => v.rule.name === rule && (v.from === file || (rule === 'no-folder-cycles' && v.from === folder)),
      );
      expect(caught.length, `${rule} did not catch ${file}`).toBeGreaterThan(0);
    });
  });
});
