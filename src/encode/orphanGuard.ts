/**
 * The backstop that keeps a child process from outliving us when we are killed outright (kill -9,
 * the out-of-memory killer, a CI timeout, an editor killed mid-export). Chromium quits by itself
 * when its pipe to us closes, and ffmpeg when its input ends, but not always: a hung Chromium, or
 * SVT-AV1 deadlocked on flushing a few frames (seen: an orphaned AVIF ffmpeg waiting in a futex
 * for good). So a tiny detached shell kills the child (or its whole process group) the moment we
 * are gone. The shell reads a pipe only we write to, so our death, however it comes, ends its read
 * at once: no polling. A signal to this process does not reach the shell: it leads its own group.
 */
import {spawn} from 'node:child_process';

// $1: what to kill (a pid, or minus a process group). The read ends only when we die (we never write).
const WATCH = 'read line; kill -KILL $1 2>/dev/null; exit 0';

/**
 * Starts the guard over process `pid` (with `group`, over the process group it leads); the
 * returned function ends the guard, to be called once the child has exited.
 */
export function killWithThisProcess(pid: number, {group = false} = {}): () => void {
  const guard = spawn('/bin/sh', ['-c', WATCH, 'four-dl-orphan-guard', group ? `-${pid}` : String(pid)], {
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  // No shell (not a POSIX system): the child's own pipe is then the only guard.
  guard.on('error', () => {});
  guard.stdin?.on('error', () => {});
  // Neither the guard nor its pipe keeps this process running.
  guard.unref();
  (guard.stdin as unknown as {unref?: () => void} | null)?.unref?.();
  return () => {
    if (guard.exitCode === null && guard.signalCode === null) guard.kill('SIGKILL');
  };
}
