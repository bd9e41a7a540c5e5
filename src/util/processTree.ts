/** Process inspection from /proc: what a render started (tests), how much memory and CPU it uses (bench), which Chromium helpers still use a scratch folder and whether the writer of a leftover still runs (render). */
import {execFileSync} from 'node:child_process';
import {existsSync, readdirSync, readFileSync} from 'node:fs';

function parentOf(pid: number): number | undefined {
  try {
    // Field 4 of /proc/PID/stat, after the parenthesised command name.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

/** Every live descendant of `root`. */
export function descendants(root: number): number[] {
  const pids = readdirSync('/proc')
    .filter(e => /^\d+$/.test(e))
    .map(Number);
  const children = new Map<number, number[]>();
  for (const pid of pids) {
    const parent = parentOf(pid);
    if (parent !== undefined) children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()!) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

let ticksPerSecond: number | undefined;
/** The kernel's clock ticks a second, the unit of /proc/PID/stat's CPU times (USER_HZ, 100 nearly everywhere). */
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], {encoding: 'utf8'}).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** User + system CPU seconds of `pid` and of its children it has waited for (fields 14-17 of /proc/PID/stat); 0 once it is gone. */
function cpuSecondsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const [utime, stime, cutime, cstime] = stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .slice(11, 15)
      .map(Number);
    return (utime + stime + cutime + cstime) / clockTicks();
  } catch {
    return 0;
  }
}

/**
 * CPU seconds used so far by `root` and every live descendant, including the descendants that
 * already exited and were reaped inside the tree (the kernel adds them to the reaping parent).
 * The difference of two readings is what the tree spent in between.
 */
export function treeCpuSeconds(root: number): number {
  return [root, ...descendants(root)].reduce((sum, pid) => sum + cpuSecondsOf(pid), 0);
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    const state = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/\) Z /.test(state); // a zombie is already dead
  } catch {
    return false;
  }
}

/** Whether `pid` names a process, ours or another user's: the test for leftovers of a dead process (a zombie still counts). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

/** Live processes whose command line contains `text` (e.g. a Chromium profile folder); none without /proc. */
export function processesMentioning(text: string): number[] {
  if (!existsSync('/proc/self')) return [];
  return readdirSync('/proc')
    .filter(e => /^\d+$/.test(e))
    .map(Number)
    .filter(pid => pid !== process.pid && isAlive(pid) && commandOf(pid).includes(text));
}
