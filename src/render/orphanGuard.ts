/**
 * The backstop that keeps Chromium from outliving a render killed outright (kill -9, the
 * out-of-memory killer, a CI timeout). Chromium quits by itself when its pipe to us closes
 * (launchChromium); should it not (hung, or too busy to notice), a tiny detached shell kills
 * Chromium's whole process group the moment we are gone. The shell reads a pipe only we
 * write to, so our death, however it comes, ends its read at once: no polling, no pid to reuse.
 * A signal to this process reaches neither: Chromium and the shell each lead a process group.
 */
import {spawn} from 'node:child_process';

// $1: the browser's process group. The read ends only when we die (we never write): then kill it.
const WATCH = 'read line; kill -KILL -$1 2>/dev/null; exit 0';

/** Starts the guard over `browserGroup` (the pid of Chromium, which leads its group); the returned function ends it. */
export function killWithThisProcess(browserGroup: number): () => void {
  const guard = spawn('/bin/sh', ['-c', WATCH, 'four-dl-render-orphan-guard', String(browserGroup)], {
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  // No shell (not a POSIX system): Chromium's pipe is then the only guard.
  guard.on('error', () => {});
  guard.stdin?.on('error', () => {});
  // Neither the guard nor its pipe keeps this process running.
  guard.unref();
  (guard.stdin as unknown as {unref?: () => void} | null)?.unref?.();
  return () => {
    if (guard.exitCode === null && guard.signalCode === null) guard.kill('SIGKILL');
  };
}
