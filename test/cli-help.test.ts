/** The render CLI's help and --list. */
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {runRender} from './helpers/cli';
import {tempDir} from './helpers/tempDir';

const work = tempDir('cli-help-');

describe('help and listing', () => {
  it('--help prints the usage and exits 0', async () => {
    const run = await runRender(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: npm run render -- \[names…\] \[options\]/);
    for (const flag of [
      '--format',
      '--fps',
      '--scale',
      '--width',
      '--out',
      '--keep-frames',
      '--force',
      '--quiet',
      '--list',
      '--theme',
      '--config',
    ]) {
      expect(run.stdout).toContain(flag);
    }
  });

  it('--list gives each scene with its duration; the config sets fps and a flag overrides it', async () => {
    const config = join(work, 'fps15.json');
    writeFileSync(config, '{"fps": 15}');
    const fromConfig = await runRender(['--list', '--config', config]);
    const fromFlag = await runRender(['--list', '--config', config, '--fps', '30']);
    const frames = (stdout: string) => Number(/^dense\s+([\d.]+) s\s+(\d+)$/m.exec(stdout)?.[2]);
    const seconds = (stdout: string) => Number(/^dense\s+([\d.]+) s/m.exec(stdout)?.[1]);
    expect(fromConfig.code).toBe(0);
    expect(seconds(fromConfig.stdout)).toBeCloseTo(seconds(fromFlag.stdout), 1);
    expect(Math.abs(frames(fromFlag.stdout) - 2 * frames(fromConfig.stdout))).toBeLessThanOrEqual(2);
  });
});
