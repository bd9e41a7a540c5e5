/** The live records' messages (src/editor/liveRecords.ts) in the editor's log panel. */
import type {Logger} from '@motion-canvas/core';
import {RECORDS_EVENT, type RecordsUpdate} from '../protocol/recordEvents';

export function logRecordUpdates(logger: Logger): void {
  if (!import.meta.hot) return;
  import.meta.hot.on(RECORDS_EVENT, (update: RecordsUpdate) => {
    const edited = update.trigger.join(', ');
    if (update.error) {
      const [headline] = update.error.split('\n');
      logger.error({
        message: `records: recomputing after ${edited} changed failed (${headline}); the scenes keep the last good records`,
        stack: update.error,
      });
      return;
    }
    if (update.computed.length === 0) logger.info(`records: ${edited} changed; no record depends on it`);
    for (const {name, ms} of update.computed) {
      const effect = update.changed.includes(name) ? 'new numbers, the scenes reload' : 'same numbers';
      logger.info(`record ${name} recomputed in ${(ms / 1000).toFixed(2)} s after ${edited} changed: ${effect}`);
    }
  });
}
