/**
 * Issue 23's rules (src/figureRules) hold for users' own numbers too: the suite's own
 * configurations of the grid figures (test/helpers/customConfigs.ts) and dense at its layout
 * limits, rendered in one run with their drawn-text logs, break no rule on any held frame.
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

/** The suite's seed-42 configuration of each of these: the largest grids a user's numbers draw (CI time keeps it to these). */
const CHOSEN = ['conv', 'stride', 'dilation'] as const;

/** dense at its layout limits: the most inputs, layers and units, ending in a softmax. */
function denseAtLimits(): object {
  const activations = ['relu', 'tanh', 'softmax'].slice(-DENSE_LIMITS.layers);
  return {
    input: Array.from({length: DENSE_LIMITS.features}, (_, i) => Number(((i + 1) / 10).toFixed(1))),
    layers: activations.map(activation => ({units: DENSE_LIMITS.units, activation})),
  };
}

describe('the rules with users’ own numbers', () => {
  it('hold for the suite’s own configurations of conv, stride and dilation, and for dense at its layout limits', async () => {
    const configs = CHOSEN.map(name => {
      const own = CUSTOM_CONFIGS[name]!.filter(([seed, config]) => seed === SEED && Object.keys(config).length > 0);
      expect(own.length, name).toBeGreaterThan(0);
      return own[own.length - 1][1];
    });
    const names = [...CHOSEN, 'dense'];
    const result = await violations(names, Object.assign({dense: denseAtLimits()}, ...configs));
    expect(result).toEqual(Object.fromEntries(names.map(name => [name, []])));
  }, 400_000);
});
