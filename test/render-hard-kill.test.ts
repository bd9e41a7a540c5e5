/**
 * A render killed outright (issue 21, section 2), as the out-of-memory killer or a CI timeout
 * does it: `kill -9` of the render's node process leaves no Chromium of it running, and the
 * next render removes what it left (its unfinished files in the output folder, its scratch
 * folder) and says so in one line, while a render still running keeps its own. Chromium
 * killed outright leaves nothing in $TMPDIR either. Each render gets a private TMPDIR, so
 * its scratch folder is told apart from those of other runs on the machine.
 */
import {mkdirSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {runRender, startRender, type LiveRun} from './helpers/cli';
import {chromiumTmpDir} from '../src/render/browser';
import {commandOf, processesMentioning} from '../src/util/processTree';
import {tempDir} from './helpers/tempDir';

// Short: Chromium's socket in the scratch folder inside it must fit the 104-byte limit.
const work = tempDir('hk-');

/** The render to kill: long enough (358 frames) to be caught mid-way, with an MP4 being written beside the GIF. */
const LONG = ['dense', '--scale', '0.5', '--format', 'gif,mp4', '--force'];
/** A short render (six frames) beside it, and then the next one (which the cache answers, with no browser). */
const SHORT = ['dense', '--scale', '0.5', '--format', 'gif', '--range', '0:0.2'];

/** Resolves once `run` reports `least` frames; fails at once, with its output, if it ends first. */
function framesFrom(run: LiveRun, least: number): Promise<Record<string, unknown>> {
  return Promise.race([
    run.waitFor(e => e.type === 'frames' && Number(e.rendered) >= least),
    run.done.then(result =>
      Promise.reject(new Error(`the render ended (${result.code ?? result.signal}) before frame ${least}: ${result.stderr}`)),
    ),
  ]);
}

/** The scratch folders of render `pid` in `tmp`. */
function scratchOf(tmp: string, pid: number): string[] {
  return readdirSync(tmp)
    .filter(entry => entry.startsWith(`four-dl-render-${pid}-`))
    .map(entry => join(tmp, entry));
}

/** The unfinished files of process `pid` in `out`, as temporarySibling names them. */
function temporariesOf(out: string, pid: number): string[] {
  return readdirSync(out).filter(entry => new RegExp(`^\\..+\\.${pid}\\.[0-9a-f]{8}\\.tmp$`).test(entry));
}

/** What is in a render's TMPDIR besides tsx's compile cache. */
function tmpEntries(tmp: string): string[] {
  return readdirSync(tmp).filter(entry => !entry.startsWith('tsx-'));
}

function folders(name: string): {tmp: string; out: string} {
  const tmp = join(work, name, 't');
  const out = join(work, name, 'out');
  mkdirSync(tmp, {recursive: true});
  return {tmp, out};
}

/** Polls until no process names `scratch` on its command line, for at most `ms`; returns those still alive. */
async function survivorsAfter(scratch: string, ms: number): Promise<string[]> {
  const deadline = Date.now() + ms;
  for (;;) {
    const alive = processesMentioning(scratch);
    if (alive.length === 0 || Date.now() > deadline) return alive.map(pid => `${pid} ${commandOf(pid).slice(0, 100)}`);
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}

describe('a render killed outright', () => {
  it("kill -9 of its node process: none of its Chromium alive within 5 s; the next render removes its leftovers and says so, a running render's stay", async () => {
    const {tmp, out} = folders('a');
    const env = {TMPDIR: tmp};
    let killed: LiveRun | undefined = startRender([...LONG, '--out', out], env);
    try {
      const run = killed;
      await framesFrom(run, 12);
      const [scratch, ...more] = scratchOf(tmp, run.pid);
      expect(more).toEqual([]);
      // The browser, its zygotes, GPU, utility and renderer processes, and crashpad: all name the scratch folder.
      const chromium = processesMentioning(scratch);
      expect(chromium.length).toBeGreaterThan(5);
      const unfinished = temporariesOf(out, run.pid);
      expect(unfinished.length).toBeGreaterThan(0);

      // While it runs (here: stopped, so that it surely still runs), another render leaves its files alone.
      process.kill(run.pid, 'SIGSTOP');
      const beside = await runRender([...SHORT, '--out', out], env).finally(() => process.kill(run.pid, 'SIGCONT'));
      expect(beside.code, beside.stderr).toBe(0);
      expect(beside.stderr).not.toContain('removed');
      expect(scratchOf(tmp, run.pid)).toEqual([scratch]);
      expect(temporariesOf(out, run.pid)).toEqual(unfinished);
      // …and it carries on rendering.
      await framesFrom(run, 1);

      process.kill(run.pid, 'SIGKILL');
      expect(await survivorsAfter(scratch, 5000)).toEqual([]);
      expect((await run.done).signal).toBe('SIGKILL');
      killed = undefined;
      // What it leaves: its scratch folder and the files it was writing.
      expect(scratchOf(tmp, run.pid)).toEqual([scratch]);
      const left = temporariesOf(out, run.pid);
      expect(left.length).toBeGreaterThan(0);

      const next = await runRender([...SHORT, '--out', out], env);
      expect(next.code, next.stderr).toBe(0);
      const files = left.length === 1 ? '1 unfinished file' : `${left.length} unfinished files`;
      expect(next.stderr.split('\n').filter(line => line.startsWith('removed'))).toEqual([
        `removed ${files} and 1 scratch folder left by a killed run (pid ${run.pid})`,
      ]);
      expect(readdirSync(out).filter(entry => entry.endsWith('.tmp'))).toEqual([]);
      expect(tmpEntries(tmp)).toEqual([]);
    } finally {
      killed?.kill('SIGKILL');
      await killed?.done;
    }
  }, 180_000);

  it('kill -9 of its Chromium: no org.chromium.Chromium.* folder (nor anything else) is left in $TMPDIR', async () => {
    const {tmp, out} = folders('b');
    const run = startRender([...LONG, '--out', out], {TMPDIR: tmp});
    try {
      await framesFrom(run, 12);
      const [scratch] = scratchOf(tmp, run.pid);
      const browser = processesMentioning(scratch).filter(pid => /chrom/i.test(commandOf(pid)) && !/--type=|crashpad/.test(commandOf(pid)));
      expect(browser).toHaveLength(1);
      process.kill(browser[0], 'SIGKILL');
      const result = await run.done;
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toContain('render: Chromium exited unexpectedly during the render (dense: after frame');
      expect(tmpEntries(tmp)).toEqual([]);
      expect(readdirSync(out).filter(entry => entry.endsWith('.tmp'))).toEqual([]);
    } finally {
      run.kill('SIGKILL');
    }
  }, 120_000);

  it("keeps Chromium's temporary folder in the scratch folder only where its socket path fits (else Chromium would not start)", () => {
    expect(chromiumTmpDir('/tmp/four-dl-render-4194304-abcdef')).toBe('/tmp/four-dl-render-4194304-abcdef/tmp');
    // 103 bytes with the socket's name: the longest that fits on macOS too.
    const longest = `/${'x'.repeat(29)}/four-dl-render-1-abcdef`;
    expect(chromiumTmpDir(longest)).toBe(`${longest}/tmp`);
    expect(chromiumTmpDir(`/x${longest}`)).toBeUndefined();
  });
});
