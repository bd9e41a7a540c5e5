/** Bounded concurrency for the render's scenes: as many at a time as the machine has cores. */
import {availableParallelism} from 'node:os';

export const DEFAULT_CONCURRENCY = Math.max(1, availableParallelism());

/**
 * Runs `work` over `items`, at most `limit` at a time. A rejection stops new work,
 * but the call settles only when every running item has (so each cleans up its
 * temporary files before the caller tears the browser down), then rethrows.
 */
export async function pool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const workers = Array.from({length: Math.min(limit, items.length)}, async () => {
    while (!failed && next < items.length) {
      try {
        await work(items[next++]);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  });
  const rejected = (await Promise.allSettled(workers)).find(r => r.status === 'rejected');
  if (rejected) throw (rejected as PromiseRejectedResult).reason;
}
