// `npm run records [-- --force] [-- --json]`: brings every activation record up to date (the animations'
// and the post's own examples), for the seed and parameters render.config.json gives, and prints what
// it computed and how long it took. `--json` prints `{records, computed}` as one JSON object on stdout
// instead: the animations' records (plus the test-only ones with RENDER_TEST_SCENES=1) and each computed
// record's milliseconds. The editor's vite plugin reads it, so the editor shows the configured numbers and
// logs what it recomputed.
import {parseCli, UsageError} from '../src/cliArgs';
import {ensureAllRecords, ensurePostRecords, RECORD_CACHE_DIR} from '../src/store/recordStore';
import {PROJECT_ROOT} from '../src/paths';
import {computeProbeRecord} from '../src/render/testRecords';
import {testScenesEnabled} from '../src/render/testScenes';

const OPTIONS = ['--force', '--json'];

async function main(argv: string[]): Promise<number> {
  const unknown = argv.filter(a => !OPTIONS.includes(a));
  if (unknown.length > 0) {
    console.error(`records: unknown argument ${unknown[0]}; valid options: --force (recompute everything), --json (print the records)`);
    return 2;
  }
  const force = argv.includes('--force');
  const json = argv.includes('--json');
  const report = json ? console.error : console.log;
  const computed: [string, number][] = [];
  const onComputed = (name: string, ms: number) => computed.push([name, ms]);
  let config;
  try {
    config = parseCli([], PROJECT_ROOT, {checkOut: false});
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`records: ${error.message}`);
    return 2;
  }
  const started = performance.now();
  const records = await ensureAllRecords({force, onComputed, seed: config.seed, params: config.animations});
  if (json) {
    const testRecords: Record<string, unknown> = {};
    if (testScenesEnabled()) {
      const probeStarted = performance.now();
      testRecords.probe = computeProbeRecord();
      onComputed('probe', performance.now() - probeStarted);
    }
    // Wait until the pipe has it all: process.exit() would cut a large write to a pipe short.
    const text = JSON.stringify({records: {...records, ...testRecords}, computed: Object.fromEntries(computed)});
    await new Promise<void>((resolve, reject) => process.stdout.write(text, error => (error ? reject(error) : resolve())));
  } else await ensurePostRecords({force, onComputed});
  for (const [name, ms] of computed) report(`${name.padEnd(14)} ${(ms / 1000).toFixed(2).padStart(7)} s`);
  report(
    `records in ${RECORD_CACHE_DIR}: ${computed.length ? `${computed.length} computed` : 'all up to date'} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return 0;
}

main(process.argv.slice(2)).then(code => process.exit(code));
