/**
 * A sixteenth animation is registered by its folder and its scene alone (issue 22): the test-only
 * `weighted-sum` (test/fixtures/animations/weighted-sum + test/fixtures/scenes/weighted-sum.tsx)
 * joins the registry with TEST_ANIMATIONS=1, and then lists, renders, validates, gets alt text and
 * a gallery entry like the post's fifteen.
 */
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {openGif} from '../src/bench/gifDecode';
import {ROOT, runRender, type CliRun} from './helpers/cli';

const FIXTURE_FILES = ['test/fixtures/animations/weighted-sum/', 'test/fixtures/scenes/weighted-sum.tsx'];

describe('a test-only sixteenth animation', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'four-dl-sixteenth-'));
  const out = join(scratch, 'out');
  const env = {TEST_ANIMATIONS: '1', ACTIVATIONS_DIR: join(scratch, 'records')};
  let render: CliRun;

  beforeAll(async () => {
    render = await runRender(['weighted-sum', '--format', 'gif,png,vtt', '--out', out], env, 400_000);
  }, 420_000);
  afterAll(() => rmSync(scratch, {recursive: true, force: true}));

  it('is named in no code but its folder, its scene and its tests', () => {
    const code = ['*.ts', '*.tsx', '*.cjs', '*.json', ':!test/*.test.ts'];
    const naming = execFileSync('git', ['grep', '-l', 'weighted-sum', '--', ...code], {cwd: ROOT, encoding: 'utf8'})
      .trim()
      .split('\n');
    expect(naming.filter(file => !FIXTURE_FILES.some(allowed => file.startsWith(allowed)))).toEqual([]);
  });

  it('is listed after the post fifteen with TEST_ANIMATIONS=1, and not without', async () => {
    const withIt = await runRender(['--list'], env);
    expect(withIt.code).toBe(0);
    const names = withIt.stdout.split('\n').map(line => line.split(/\s+/)[0]);
    expect(names.indexOf('weighted-sum')).toBe(names.indexOf('head') + 1);
    const without = await runRender(['--list'], {ACTIVATIONS_DIR: env.ACTIVATIONS_DIR});
    expect(without.stdout).not.toContain('weighted-sum');
  }, 120_000);

  it('renders: a looping 960×540 GIF, a poster and one caption per step', () => {
    expect(render.code, render.stderr).toBe(0);
    const gif = openGif(readFileSync(join(out, 'weighted-sum.gif')));
    expect([gif.width, gif.height]).toEqual([960, 540]);
    expect(gif.numFrames()).toBeGreaterThan(10);
    expect(gif.loopCount()).toBe(0);
    const vtt = readFileSync(join(out, 'weighted-sum.vtt'), 'utf8');
    expect(vtt).toMatch(
      /^WEBVTT\n\n00:00:00\.000 --> [\d:.]+\nEach input times its weight\n\n[\d:.]+ --> [\d:.]+\nPlus the bias: the weighted sum\n$/,
    );
  });

  it('draws a record its schema accepts, whose sum adds up', async () => {
    const {animation} = await import('../src/animations/registry');
    const json = JSON.parse(readFileSync(join(out, 'activations', 'weighted-sum.json'), 'utf8'));
    expect(json.name).toBe('weighted-sum');
    expect(json.inputs).toEqual([1, 2, 3]);
    const sum = json.products.reduce((a: number, b: number) => a + b, json.bias);
    expect(Math.abs(sum - json.total)).toBeLessThan(1e-5);
    json.products.forEach((p: number, i: number) => expect(Math.abs(p - json.inputs[i] * json.weights[i])).toBeLessThan(1e-6));
    // The registry here runs without TEST_ANIMATIONS, so it does not know the fixture.
    expect(() => animation('weighted-sum' as never)).toThrow(/unknown animation "weighted-sum"; the animations are: dense, conv/);
  });

  it('has a gallery entry with its alt text, written from its record', () => {
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    const json = JSON.parse(readFileSync(join(out, 'activations', 'weighted-sum.json'), 'utf8'));
    const total = json.total.toFixed(2);
    expect(html).toContain(`alt="A weighted sum of 3 inputs: each times its weight, plus a bias of 0.50, gives ${total}."`);
    expect(html).toContain('<h2');
    expect(html).toContain('Weighted sum');
  });
});
