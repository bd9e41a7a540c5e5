/**
 * Test-only records, beside the test-only scenes (testScenes.ts) and like them present only with
 * RENDER_TEST_SCENES=1: the editor's live records are tested by editing one's input. The probe
 * record's input is a JSON file `{"value": v}`, v from 0 to 1 (RENDER_TEST_PROBE_INPUT, by default
 * test/fixtures/records/probe.json); its "model" turns v into the grey level the probe scene
 * fills its view with. No tfjs: the records child computes it next to the real ones.
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {PROJECT_ROOT} from '../paths';

export interface ProbeRecord {
  name: 'probe';
  /** 0 … 255. */
  level: number;
}

/** The files the test records are computed from. */
export function testRecordInputs(env: NodeJS.ProcessEnv = process.env): string[] {
  return [env.RENDER_TEST_PROBE_INPUT ?? join(PROJECT_ROOT, 'test/fixtures/records/probe.json')];
}

export function computeProbeRecord(env: NodeJS.ProcessEnv = process.env): ProbeRecord {
  const [file] = testRecordInputs(env);
  const input = JSON.parse(readFileSync(file, 'utf8')) as {value?: unknown};
  const value = input.value;
  if (typeof value !== 'number' || !(value >= 0 && value <= 1))
    throw new Error(`${file}: "value" must be a number from 0 to 1, got ${JSON.stringify(value)}`);
  return {name: 'probe', level: Math.round(value * 255)};
}
