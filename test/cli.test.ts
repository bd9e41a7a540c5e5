/**
 * The render CLI a user can trust (issue 7): every bad input gets a one-line
 * error and exit 2; every fault is reported with its scene and frame; previous
 * outputs are never damaged; nothing outlives the render.
 */
import {copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {beforeAll, describe, expect, inject, it} from 'vitest';
import {ROOT, runRender, startRender} from './helpers/cli';
import {ANIMATIONS} from '../src/animations/registry';
import {commandOf, descendants, isAlive} from '../src/util/processTree';
import {tempDir} from './helpers/tempDir';
import {oneLine} from './helpers/stderrLines';

const shared = inject('sharedRender');
const TEST_SCENES = {RENDER_TEST_SCENES: '1'};
/** Render options of the fault tests: the same files as the good render, never served from the cache. */
const FAULTY = ['faulty', '--scale', '0.5', '--format', 'gif,mp4', '--force'];
const work = tempDir('cli-test-');
/** An output folder holding good renders, which every failing run must leave byte-identical. */
const previous = join(work, 'previous');
let snapshot: Map<string, Buffer>;

function files(dir: string): Map<string, Buffer> {
  return new Map(
    readdirSync(dir)
      .filter(f => !f.startsWith('.'))
      .map(f => [f, readFileSync(join(dir, f))]),
  );
}

function expectPreviousUntouched(): void {
  const now = files(previous);
  expect([...now.keys()].sort()).toEqual([...snapshot.keys()].sort());
  for (const [name, bytes] of snapshot) expect(now.get(name)!.equals(bytes), `${name} changed`).toBe(true);
}

beforeAll(async () => {
  mkdirSync(previous, {recursive: true});
  for (const f of ['dense.gif', 'dense.mp4']) copyFileSync(join(shared.dir, f), join(previous, f));
  // A good render of the fixture scene, for the fault tests to (not) damage.
  const good = await runRender(['faulty', '--scale', '0.5', '--out', previous, '--format', 'gif,mp4'], TEST_SCENES);
  expect(good.code, good.stderr).toBe(0);
  snapshot = files(previous);
}, 600_000);

describe('bad input: a one-line error naming the input, exit 2, outputs untouched', () => {
  const cases: [string, string[], RegExp][] = [
    ['an unknown scene', ['dense', 'densee'], new RegExp(`^render: unknown scene "densee"; valid scenes: ${ANIMATIONS.join(', ')}$`)],
    ['an unknown flag', ['--fsp', '30'], /^render: unknown option --fsp; valid options: --help, --list, --format/],
    ['a repeated flag', ['--fps', '30', '--fps', '24'], /^render: --fps given twice; give each option once$/],
    ['a non-numeric fps', ['--fps', 'abc'], /^render: --fps: expected an integer from 1 to 60, got "abc"$/],
    ['a zero fps', ['--fps', '0'], /^render: --fps: expected an integer from 1 to 60, got "0"$/],
    ['a negative fps', ['--fps=-5'], /^render: --fps: expected an integer from 1 to 60, got "-5"$/],
    ['an absurd fps', ['--fps', '1000'], /^render: --fps: expected an integer from 1 to 60, got "1000"$/],
    ['a GIF faster than browsers play', ['--fps', '60'], /^render: --fps: 60 is too fast for a GIF .*use at most 50, or --format mp4$/],
    ['a zero scale', ['--scale', '0'], /^render: --scale: expected a number from 0.25 to 4, got "0"$/],
    ['a negative scale', ['--scale', '-1'], /^render: --scale: expected a number from 0.25 to 4, got "-1"$/],
    ['an absurd scale', ['--scale', '100'], /^render: --scale: expected a number from 0.25 to 4, got "100"$/],
    ['an odd width', ['--width', '962'], /^render: --width: gives 962×541.13 px; H.264 needs whole, even sides/],
    [
      'an unknown format',
      ['--format', 'gif,avi'],
      /^render: --format: unknown format "avi"; valid formats: gif, mp4, webm, avif, png, vtt$/,
    ],
    ['an unknown theme', ['--theme', 'sepia'], /^render: --theme: expected light, dark or both, got "sepia"$/],
  ];
  it.each(cases)('%s', async (_, args, message) => {
    const run = await runRender([...args, '--out', previous]);
    expect(run.code).toBe(2);
    expect(oneLine(run.stderr)).toMatch(message);
    expectPreviousUntouched();
  });

  it('an --out that cannot be written', async () => {
    const file = join(work, 'a-file');
    writeFileSync(file, 'not a folder');
    const run = await runRender(['dense', '--out', join(file, 'sub')]);
    expect(run.code).toBe(2);
    expect(oneLine(run.stderr)).toMatch(/^render: --out: cannot write to .*a-file\/sub \(not a folder\); choose a writable folder$/);
  });

  // As root, access(W_OK) passes on /proc and /sys; a recursive mkdir then looped forever on /proc.
  it.each([
    ['/proc/x', /^render: --out: cannot create the folder \/proc\/x \(mkdir \/proc\/x: (ENOENT|EACCES)\); choose a writable folder$/],
    ['/proc/x/y', /^render: --out: cannot create the folder \/proc\/x\/y \(mkdir \/proc\/x: (ENOENT|EACCES)\); choose a writable folder$/],
    ['/sys/x', /^render: --out: cannot create the folder \/sys\/x \(mkdir \/sys\/x: (EPERM|EACCES)\); choose a writable folder$/],
    ['/proc', /^render: --out: cannot write to \/proc \((ENOENT|EACCES|EPERM)\); choose a writable folder$/],
    ['/sys/kernel', /^render: --out: cannot write to \/sys\/kernel \((ENOENT|EACCES|EPERM)\); choose a writable folder$/],
  ])('an --out of %s that cannot be created or written: exit 2 at once', async (out, message) => {
    const run = await runRender(['dense', '--out', out], {}, 30_000);
    expect(run.signal, 'still running after 30 s').toBeNull();
    expect(run.code).toBe(2);
    expect(oneLine(run.stderr)).toMatch(message);
  });

  it('a config file that is not valid JSON', async () => {
    const config = join(work, 'broken.json');
    writeFileSync(config, '{"fps": 30,');
    const run = await runRender(['dense', '--config', config, '--out', previous]);
    expect(run.code).toBe(2);
    expect(oneLine(run.stderr)).toMatch(/^render: .*broken\.json is not valid JSON \(.*\); fix or delete it$/);
    expectPreviousUntouched();
  });

  it('a config file with an unknown key', async () => {
    const config = join(work, 'typo.json');
    writeFileSync(config, '{"fsp": 30}');
    const run = await runRender(['dense', '--config', config, '--out', previous]);
    expect(run.code).toBe(2);
    expect(oneLine(run.stderr)).toMatch(/typo\.json: unknown key "fsp"; valid keys: format, fps, scale/);
  });

  it('a bad switch in a --config file names that file, not render.config.json', async () => {
    const config = join(work, 'c.json');
    writeFileSync(config, '{"force": "yes"}');
    const run = await runRender(['dense', '--config', config, '--out', previous]);
    expect(run.code).toBe(2);
    expect(oneLine(run.stderr)).toBe(`render: --force: expected true or false in ${config}, got "yes"`);
  });

  it('a folder given as --config', async () => {
    const run = await runRender(['dense', '--config', work, '--out', previous]);
    expect(run.code).toBe(2);
    expect(oneLine(run.stderr)).toBe(`render: --config: ${work} is a folder; give a JSON file`);
  });

  describe('activation records', () => {
    const records = join(work, 'activations');
    beforeAll(() => cpSync(join(ROOT, '.cache', 'records'), records, {recursive: true}));

    it('a corrupt record', async () => {
      const file = join(records, 'dense.json');
      const good = readFileSync(file, 'utf8');
      writeFileSync(file, good.replace('{', '{,'));
      const run = await runRender(['dense', '--out', previous], {ACTIVATIONS_DIR: records});
      writeFileSync(file, good);
      expect(run.code).toBe(2);
      expect(oneLine(run.stderr.replace(/^computing.*\n/m, ''))).toMatch(
        /^render: activation record .*dense\.json: is not valid JSON \(.*\); delete it to recompute$/,
      );
      expectPreviousUntouched();
    });

    it('a record of the wrong shape says how to fix it', async () => {
      const file = join(records, 'dense.json');
      const good = readFileSync(file, 'utf8');
      const record = JSON.parse(good);
      record.layers[0].kernel.pop();
      writeFileSync(file, JSON.stringify(record, null, 1));
      const run = await runRender(['dense', '--out', previous], {ACTIVATIONS_DIR: records});
      writeFileSync(file, good);
      expect(run.code).toBe(2);
      expect(oneLine(run.stderr.replace(/^computing.*\n/m, ''))).toMatch(
        /^render: activation record .*dense\.json: layers\[0\]\.kernel: expected 4 rows, got 3; delete it to recompute$/,
      );
      expectPreviousUntouched();
    });

    it('a record of the wrong schema', async () => {
      const file = join(records, 'conv.json');
      const good = readFileSync(file, 'utf8');
      writeFileSync(file, good.replace(/"schemaVersion": ?1/, '"schemaVersion": 7'));
      const run = await runRender(['conv', '--out', previous], {ACTIVATIONS_DIR: records});
      writeFileSync(file, good);
      expect(run.code).toBe(2);
      expect(oneLine(run.stderr.replace(/^computing.*\n/m, ''))).toMatch(
        /^render: activation record .*conv\.json: schemaVersion: expected 1, got 7; delete it to recompute$/,
      );
      expectPreviousUntouched();
    });
  });
});

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

describe('faults: reported with the scene and frame, previous outputs untouched', () => {
  it('a scene that throws', async () => {
    const run = await runRender([...FAULTY, '--out', previous], {...TEST_SCENES, RENDER_FAULT: 'throw@10'});
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/render: faulty \(frame 10\): the scene threw: injected fault at frame 10/);
    expectPreviousUntouched();
  });

  it('a scene that hangs, stopped by --timeout', async () => {
    const run = await runRender([...FAULTY, '--out', previous, '--timeout', '3'], {...TEST_SCENES, RENDER_FAULT: 'hang@10'});
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /render: faulty \(frame \d+\): timed out: no frame for 3 s (before its first frame|after frame \d+ of \d+); the scene appears to hang/,
    );
    expectPreviousUntouched();
  });

  it('an ffmpeg that fails: the GIF is still written, the MP4 failure reported, exit 1', async () => {
    const fake = join(work, 'failing-ffmpeg');
    writeFileSync(fake, '#!/bin/sh\necho "simulated encoder failure" >&2\nexit 3\n', {mode: 0o755});
    const out = join(work, 'ffmpeg-fails');
    mkdirSync(out);
    copyFileSync(join(previous, 'faulty.mp4'), join(out, 'faulty.mp4'));
    const run = await runRender([...FAULTY, '--out', out], {...TEST_SCENES, FFMPEG_PATH: fake});
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/render: faulty: GIF written, but the MP4 failed: ffmpeg exited with code 3: simulated encoder failure/);
    expect(readFileSync(join(out, 'faulty.gif')).equals(snapshot.get('faulty.gif')!)).toBe(true);
    expect(readFileSync(join(out, 'faulty.mp4')).equals(snapshot.get('faulty.mp4')!)).toBe(true);
  });

  it('Chromium killed mid-render: the last frame received, nothing printed after, no summary, a next step', async () => {
    // Two scenes at once, as in `render dense conv`: both are in flight when the browser dies.
    const run = startRender(['faulty', 'dense', '--jobs', '2', ...FAULTY.slice(1), '--out', previous], TEST_SCENES);
    const seen = await run.waitFor(e => e.type === 'frames' && e.scene === 'faulty' && Number(e.rendered) >= 20);
    const browsers = descendants(run.pid).filter(pid => /chrom/i.test(commandOf(pid)) && !/--type=/.test(commandOf(pid)));
    expect(browsers.length).toBeGreaterThan(0);
    for (const pid of browsers) process.kill(pid, 'SIGKILL');
    const result = await run.done;
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    // Once a scene has failed, only failures follow: no progress, no frames still trickling in.
    const firstFailure = lines.findIndex(l => l.startsWith('{"type":"scene-failed"'));
    expect(firstFailure, result.stderr).toBeGreaterThan(0);
    for (const line of lines.slice(firstFailure)) expect(line).toMatch(/^(\{"type":"scene-failed".*|\w+: failed|render: .*)$/);
    const message = lines.filter(l => l.startsWith('render: '));
    expect(message, result.stderr).toHaveLength(1);
    const pattern =
      /^render: Chromium exited unexpectedly during the render \(faulty: after frame (\d+) of 120; dense: (after frame \d+ of \d+|before its first frame)\); outputs already in place are untouched\. Run the render again; if Chromium keeps exiting, check free memory \(dmesg\) or set CHROME_PATH to another Chromium$/;
    expect(message[0]).toMatch(pattern);
    // At least the frames the progress reported had arrived, and the last of them is named.
    expect(Number(pattern.exec(message[0])![1])).toBeGreaterThanOrEqual(Number(seen.rendered) - 1);
    // Nothing was written, so no summary lists the gallery (or anything) as written.
    expect(result.stdout).toBe('');
    expectPreviousUntouched();
  });

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s mid-render: exit %i, old outputs unchanged, no process or temporary folder left', async (signal, code) => {
    const run = startRender([...FAULTY, '--out', previous], TEST_SCENES);
    const event = await run.waitFor(e => e.type === 'frames' && Number(e.rendered) >= Number(e.total) / 3);
    expect(Number(event.rendered)).toBeLessThan(Number(event.total));
    const started = descendants(run.pid);
    expect(started.some(pid => /chrom/i.test(commandOf(pid)))).toBe(true);
    run.kill(signal);
    const result = await run.done;
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(`render: interrupted by ${signal}; outputs already in place were left untouched`);
    expectPreviousUntouched();
    expect(started.filter(isAlive).map(commandOf)).toEqual([]);
    // Scratch folders carry their render's pid: other renders on the machine are not this test's business.
    const leftover = readdirSync(tmpdir()).filter(d => d.startsWith(`four-dl-render-${run.pid}-`));
    expect(leftover).toEqual([]);
    expect(readdirSync(previous).filter(f => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('guarantees', () => {
  it('blocks and reports requests outside 127.0.0.1', async () => {
    const out = join(work, 'loopback');
    const run = await runRender(['faulty', '--scale', '0.5', '--out', out, '--format', 'gif'], {...TEST_SCENES, RENDER_FAULT: 'fetch@10'});
    expect(run.code).toBe(0);
    const reports = run.stderr.split('\n').filter(l => l.includes('blocked a request'));
    expect(reports).toEqual(['warning: faulty: blocked a request outside 127.0.0.1: http://192.0.2.1/not-allowed']);
  });

  it('writes nothing into the user’s home directory', async () => {
    const home = join(work, 'home');
    mkdirSync(home);
    const run = await runRender(['faulty', '--scale', '0.5', '--out', join(work, 'home-out'), '--format', 'gif'], {
      ...TEST_SCENES,
      HOME: home,
      XDG_CONFIG_HOME: join(home, '.config'),
    });
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(home)).toEqual([]);
  });

  it('runs two renders at once without collisions, with identical results', async () => {
    const [a, b] = [join(work, 'twin-a'), join(work, 'twin-b')];
    const runs = await Promise.all(
      [a, b].map(out => runRender(['faulty', '--scale', '0.5', '--out', out, '--format', 'gif'], TEST_SCENES)),
    );
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(join(a, 'faulty.gif')).equals(readFileSync(join(b, 'faulty.gif')))).toBe(true);
    expect(existsSync(join(a, 'faulty.gif'))).toBe(true);
  });
});
