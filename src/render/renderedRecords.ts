/**
 * The records an output folder's files were drawn from: `<out>/activations/<name>.json` is the
 * record of every `<name>.*` file beside it. A render writes it in the same commit as the files it
 * renders (a failed or interrupted render changes neither); nothing else writes it. The gallery
 * describes each animation from it, so its words always match the pictures beside it.
 */
import {createHash} from 'node:crypto';
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {type ActivationRecords, type AnimationName} from '../animations/registry';
import {readRecord, stripHash} from '../store/recordStore';

export function renderedRecordPath(outDir: string, name: AnimationName): string {
  return join(outDir, 'activations', `${name}.json`);
}

/** The file's text for a record (the Keras snippet inside makes it readable as it is). */
export function renderedRecordText(record: object): string {
  return JSON.stringify(record, null, 1) + '\n';
}

/** Identifies a record's numbers: equal records, however they were stored, hash alike. */
export function recordHash(record: object): string {
  return createHash('sha256').update(JSON.stringify(record)).digest('hex').slice(0, 24);
}

/** The hash of the record `<out>/activations/<name>.json` holds, or undefined if there is none or it cannot be read. */
export function renderedRecordHash(outDir: string, name: AnimationName): string | undefined {
  const file = renderedRecordPath(outDir, name);
  if (!existsSync(file)) return undefined;
  try {
    return recordHash(stripHash(JSON.parse(readFileSync(file, 'utf8'))));
  } catch {
    return undefined;
  }
}

/**
 * Each animation's record as drawn in `outDir`: its `activations/<name>.json` where a render wrote
 * one, else `fallback`'s (an animation with no files there has nothing to disagree with).
 * A record file that is not valid throws the RecordError that names it.
 */
export async function readRenderedRecords(
  outDir: string,
  names: readonly AnimationName[],
  fallback: Partial<ActivationRecords>,
): Promise<Partial<ActivationRecords>> {
  const records: Partial<Record<AnimationName, unknown>> = {};
  for (const name of names) {
    const file = renderedRecordPath(outDir, name);
    records[name] = existsSync(file)
      ? stripHash(await readRecord(name, file, 'render that animation again to rewrite it'))
      : fallback[name];
  }
  return records as Partial<ActivationRecords>;
}
