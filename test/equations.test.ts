/**
 * Rule 2 of issue 23, arithmetic a reader can check: every equation line, recomputed from
 * its printed numbers and rounded to its printed result, gives that result. The builder's
 * exact strings for the three cases; the checker on lines that do and do not add
 * up; and every figure's lines from its default record and the suite's own configurations.
 */
import {describe, expect, it} from 'vitest';
import {defaultRecordInputs, parseAnimationsConfig, recordInputs, type AnimationParams} from '../src/animations/config';
import {animation, ANIMATIONS, type AnimationName} from '../src/animations/registry';
import {checkEquation, sumEquation} from '../src/shared/equation';
import {denseSumLine} from '../scenes/denseLines';
import {neuronSumLine} from '../scenes/neuronLines';
import {EQUATION_LINES} from './helpers/equationLines';
import {ROOT} from './helpers/cli';
import {CUSTOM_CONFIGS as CUSTOM} from './helpers/customConfigs';

const record = async <K extends AnimationName>(name: K, seed?: number, config: object = {}) => {
  const params = parseAnimationsConfig(config, 'animations', {baseDir: ROOT}) as Partial<AnimationParams>;
  return animation(name).compute(seed === undefined ? defaultRecordInputs(name) : recordInputs(name, seed, params));
};

describe('checkEquation', () => {
  it("finds the issue's three lines wrong, with what their printed terms give", () => {
    const cases = [
      ['z = 0.10 + 0.35 \u2212 0.42 + 0.12 + 0.00 = 0.16', '0.15'],
      ['z = \u22120.09 \u2212 0.40 + 0.08 + 0.21 + 0.00 = \u22120.19', '-0.20'],
      ['z = 0.37×(-0.23) + 0.95×(-0.42) + 0.73×0.12 + 0.60×0.36 + 0.00 = -0.19', '-0.18'],
    ];
    for (const [line, recomputed] of cases) {
      const check = checkEquation(line);
      expect(check.ok, line).toBe(false);
      expect(check.relations.map(r => r.recomputed)).toEqual([recomputed]);
    }
  });

  it('reads products, brackets, labelled terms, ReLU, vectors, dot products and integer division', () => {
    const good = [
      'sum of products = 0 + 1 − 2 + bias −0.5 = −1.5; ReLU: max(0, −1.5) = 0.0',
      'h = ReLU(z) = max(0, \u22120.19) = 0.00  (negative: clipped to 0)',
      '[0, 0.9] · [0, 1] = 0.9',
      '0.289 × [0, 1] + 0.711 × [1, 2] = [0.711, 1.711]',
      'size = floor((7 + 2·0 \u2212 1·(3\u22121) \u2212 1) / 2) + 1 = 3',
      'pad  = max((ceil(6/1)\u22121)·1 + 1·(3\u22121) + 1 \u2212 6, 0) = 2; top 2 // 2 = 1, bottom 1',
      'e^z / Σ e^z: 0.269 + 0.731 = 1.00',
    ];
    for (const line of good) expect(checkEquation(line), line).toMatchObject({ok: true});
    expect(checkEquation('size = floor((7 + 2·0 − 1·(3−1) − 1) / 2) + 1 = 2').relations[0]).toMatchObject({recomputed: '3', holds: false});
  });

  it('rounds halves away from zero, as a reader does, and holds ≈ to one unit of the last place', () => {
    expect(checkEquation('0.125 + 0.000 = 0.13').ok).toBe(true);
    expect(checkEquation('\u22120.125 + 0.000 = \u22120.13').ok).toBe(true);
    expect(checkEquation('0.124 + 0.000 = 0.13').ok).toBe(false);
    expect(checkEquation('0.10 + 0.35 \u2212 0.42 + 0.12 ≈ 0.16')).toMatchObject({ok: true, relations: [{approximate: true}]});
    expect(checkEquation('0.10 + 0.35 \u2212 0.42 + 0.12 ≈ 0.17').ok).toBe(false);
  });

  it('fails a line it cannot read rather than passing it', () => {
    expect(checkEquation('sum of the 25 products = 0.35').ok).toBe(false);
    expect(checkEquation('z = 0.1 + x = 0.2').ok).toBe(false);
    expect(checkEquation('no arithmetic here').ok).toBe(false);
  });
});

describe('the equation builder', () => {
  it("prints the issue's three cases with the decimals that make them add up", async () => {
    const neuron = await record('neuron');
    expect(neuronSumLine(neuron.units[0])).toBe('z = 0.095 + 0.354 \u2212 0.416 + 0.125 + 0.000 = 0.16');
    expect(neuronSumLine(neuron.units[2])).toBe('z = \u22120.085 \u2212 0.403 + 0.085 + 0.213 + 0.000 = \u22120.19');
    const dense = await record('dense');
    expect(denseSumLine(dense.input[0], dense.layers[0], 2)).toBe(
      'z = 0.375×(\u22120.228) + 0.951×(\u22120.424) + 0.732×0.116 + 0.599×0.355 + 0.000 = \u22120.19',
    );
  });

  it('keeps the result’s decimals, stops at the cap or where the line no longer fits, then says ≈', () => {
    const terms = [0.104, 0.354, -0.416, 0.124];
    const z = terms.reduce((a, b) => a + b);
    expect(sumEquation('z', terms, z, {decimals: 2, maxTermDecimals: 3})).toEqual({
      text: 'z = 0.104 + 0.354 \u2212 0.416 + 0.124 = 0.17',
      termDecimals: 3,
      approximate: false,
    });
    expect(sumEquation('z', terms, z, {decimals: 2})).toEqual({
      text: 'z = 0.10 + 0.35 \u2212 0.42 + 0.12 ≈ 0.17',
      termDecimals: 2,
      approximate: true,
    });
    expect(sumEquation('z', terms, z, {decimals: 2, maxTermDecimals: 3, fits: t => t.length < 40}).approximate).toBe(true);
  });
});

/** The suite's own configurations (test/records-custom.test.ts), with each figure's default. */

describe('every equation line of every figure adds up', () => {
  it('every figure says which lines it draws, or why it draws none', () => {
    expect(ANIMATIONS.filter(name => !EQUATION_LINES[name])).toEqual([]);
  });

  const cases = ANIMATIONS.flatMap(name => [
    [name, 'default', undefined, {}] as const,
    ...(CUSTOM[name] ?? []).map(([seed, config]) => [name, `seed ${seed} ${JSON.stringify(config)}`, seed, config] as const),
  ]);
  it.each(cases.filter(([name]) => typeof EQUATION_LINES[name] === 'function'))('%s, %s', async (name, _label, seed, config) => {
    const lines = (EQUATION_LINES[name] as (r: unknown) => string[])(await record(name, seed, config));
    expect(lines.length).toBeGreaterThan(0);
    const wrong = lines.map(line => ({line, check: checkEquation(line)})).filter(l => !l.check.ok);
    expect(wrong.map(w => ({line: w.line, relations: w.check.relations.filter(r => !r.holds)}))).toEqual([]);
    expect(lines.filter(l => l.includes('≈'))).toEqual([]);
  });
});
