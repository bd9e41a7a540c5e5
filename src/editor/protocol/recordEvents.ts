/** What the dev server tells the editor page when it recomputed the records (liveRecords.ts → client/recordLog.ts). Browser-safe. */

/** The vite custom event carrying a RecordsUpdate. */
export const RECORDS_EVENT = 'four-dl-layers:records';

export interface RecordsUpdate {
  /** The edited files that started the recomputation, relative to the project. */
  trigger: string[];
  /** Each record the models recomputed (those whose inputs did not change are read from disk), and how long it took. */
  computed: {name: string; ms: number}[];
  /** The records whose numbers differ from the ones the scenes had: the scenes reload with them. */
  changed: string[];
  /** Why recomputing failed; the scenes keep the last good records. */
  error?: string;
}
