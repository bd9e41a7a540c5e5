/**
 * Issue 23's rules (src/figureRules) hold for users' own numbers too: the suite's own
 * configurations (test/helpers/customConfigs.ts) and dense at its layout limits, rendered with
 * their drawn-text logs, break no rule on any held frame.
 */
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {DENSE_LIMITS} from '../src/animations/dense/browser';
import {figureViolations, readEvidence} from '../src/figureRules/evidence';
import {runRender} from './helpers/cli';
import {CUSTOM_CONFIGS} from './helpers/customConfigs';
import {tempDir} from './helpers/tempDir';
import {SHARED_RENDER_ENV} from './renderSetup';

const SEED = 42;

/** Renders `names` with their configurations and returns each figure's violations, one line each. */
async function violations(names: string[], animations: object, seed = SEED): Promise<Record<string, string[]>> {
  const out = tempDir('rules-custom-');
  const config = join(out, 'render.config.json');
  writeFileSync(config, JSON.stringify({animations}));
  const args = [...names, '--seed', String(seed), '--config', config, '--scale', '0.5', '--format', 'vtt', '--out', out, '--quiet'];
  const run = await runRender(args, SHARED_RENDER_ENV, 400_000);
  expect(run.code, run.stderr).toBe(0);
  return Object.fromEntries(
    names.map(name => [name, figureViolations(readEvidence(out, name)).map(v => `${v.frame ?? ''} rule ${v.rule}: ${v.message}`)]),
  );
}

describe('the rules with users’ own numbers', () => {
  it('hold for the suite’s own configurations with seed 42', async () => {
    const chosen = Object.entries(CUSTOM_CONFIGS).flatMap(([name, configs]) => {
      // dense is rendered at its limits below.
      const own = name === 'dense' ? [] : configs!.filter(([seed, config]) => seed === SEED && Object.keys(config).length > 0);
      return own.length ? [[name, own[own.length - 1][1]] as const] : [];
    });
    expect(chosen.map(([name]) => name).sort()).toEqual(['attention', 'conv', 'dilation', 'padding', 'stride']);
    const result = await violations(
      chosen.map(([name]) => name),
      Object.assign({}, ...chosen.map(([, config]) => config)),
    );
    expect(result).toEqual(Object.fromEntries(chosen.map(([name]) => [name, []])));
  }, 400_000);

  it('hold for dense at its layout limits: the most layers of the most units', async () => {
    const units = DENSE_LIMITS.units;
    const activations = ['relu', 'tanh', 'softmax'].slice(-DENSE_LIMITS.layers);
    const dense = {
      input: Array.from({length: DENSE_LIMITS.features}, (_, i) => Number(((i + 1) / 10).toFixed(1))),
      layers: activations.map(activation => ({units, activation})),
    };
    expect(await violations(['dense'], {dense})).toEqual({dense: []});
  }, 400_000);
});
