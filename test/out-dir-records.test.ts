/**
 * An output folder describes itself (issue 21, section 5): after a custom render into a folder
 * that holds the default one, the gallery, `activations/<name>.json` and every file of the
 * animation show the custom numbers, whatever runs later. Starts from a copy of the shared
 * half-size default render (every format of every animation), so it renders two GIFs only.
 */
import {cpSync, existsSync, readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {beforeAll, describe, expect, inject, it} from 'vitest';
import {ensureRecord, stripHash} from '../src/store/recordStore';
import type {ActivationRecords} from '../src/animations/registry';
import {altText, describe as describeAnimation} from '../src/animations/altText';
import {ROOT, runRender} from './helpers/cli';
import {tempDir} from './helpers/tempDir';

const shared = inject('sharedRender');
const work = tempDir('out-dir-records-');
const out = join(work, 'out');
const MODELS = join(ROOT, 'test', 'fixtures', 'models');

const html = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const gallery = () => readFileSync(join(out, 'index.html'), 'utf8');
const denseRecord = () => stripHash(JSON.parse(readFileSync(join(out, 'activations', 'dense.json'), 'utf8')));
const denseFiles = () =>
  readdirSync(out)
    .filter(f => /^dense[.-]/.test(f))
    .sort();

describe('a custom render into a folder holding the default one', () => {
  let seed42: ActivationRecords['dense'];
  let seed1000: ActivationRecords['dense'];
  beforeAll(async () => {
    expect(shared.code, shared.stderr).toBe(0);
    // A user's default render: the shared render's drawn-text logs (a test-only output) are not part of it.
    cpSync(shared.dir, out, {recursive: true, filter: source => !source.endsWith('.texts.json')});
    seed42 = await ensureRecord('dense');
    seed1000 = await ensureRecord('dense', {seed: 1000});
  });

  it('starts from the default render: every format of dense, drawn from seed 42', () => {
    expect(denseFiles()).toEqual(['dense.gif', 'dense.mp4', 'dense.png', 'dense.vtt']);
    expect(denseRecord()).toEqual(seed42);
    expect(describeAnimation('dense', seed1000)).not.toBe(describeAnimation('dense', seed42));
  });

  it("the issue's reproduction: the gallery, the record and every file of dense show seed 1000", async () => {
    const custom = await runRender(['dense', '--seed', '1000', '--format', 'gif', '--scale', '0.5', '--out', out]);
    expect(custom.code, custom.stderr).toBe(0);
    expect(custom.stderr).toContain(
      'dense: removed dense.mp4, dense.png, dense.vtt (drawn from other numbers than the files just written)',
    );
    const later = await runRender(['attention', '--format', 'gif', '--force', '--scale', '0.5', '--out', out]);
    expect(later.code, later.stderr).toBe(0);
    // attention drew the numbers its files already showed: nothing of it is removed.
    expect(later.stderr).not.toContain('removed');
    expect(existsSync(join(out, 'attention.mp4'))).toBe(true);

    expect(denseFiles()).toEqual(['dense.gif']);
    expect(denseRecord()).toEqual(seed1000);
    const page = gallery();
    expect(page).toContain(html(describeAnimation('dense', seed1000)));
    expect(page).toContain(`alt="${html(altText('dense', seed1000))}"`);
    expect(page).not.toContain(html(describeAnimation('dense', seed42)));
    expect(page).not.toMatch(/dense\.(mp4|webm|png)/);
  });

  it('a later run with other numbers that fails validation leaves the record and the gallery as they were', async () => {
    const record = readFileSync(join(out, 'activations', 'dense.json'));
    const page = gallery();
    // dense's seed-7 record is computed before conv's model is refused.
    const run = await runRender([
      'conv',
      '--seed',
      '7',
      '--model',
      join(MODELS, 'dense', 'model.json'),
      '--input',
      join(MODELS, 'conv-input.json'),
      '--out',
      out,
    ]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/^render: --model: .*is a Dense; the conv animation draws a model whose first layer is Conv2D$/m);
    expect(readFileSync(join(out, 'activations', 'dense.json'))).toEqual(record);
    expect(gallery()).toBe(page);
    expect(denseFiles()).toEqual(['dense.gif']);
  });
});
