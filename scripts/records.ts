// `npm run records [-- --force]`: brings every activation record in output/activations up to date
// (the five animations' and the post's own examples) and prints what it computed and how long it took.
import {ensureAllRecords, ensurePostRecords, DEFAULT_RECORDS_DIR} from '../src/model/store';

async function main(argv: string[]): Promise<number> {
  const unknown = argv.filter(a => a !== '--force');
  if (unknown.length > 0) {
    console.error(`records: unknown argument ${unknown[0]}; the only option is --force (recompute everything)`);
    return 2;
  }
  const force = argv.includes('--force');
  const computed: [string, number][] = [];
  const onComputed = (name: string, ms: number) => computed.push([name, ms]);
  const started = performance.now();
  await ensureAllRecords({force, onComputed});
  await ensurePostRecords({force, onComputed});
  for (const [name, ms] of computed) console.log(`${name.padEnd(14)} ${(ms / 1000).toFixed(2).padStart(7)} s`);
  console.log(`records in ${DEFAULT_RECORDS_DIR}: ${computed.length ? `${computed.length} computed` : 'all up to date'} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}

main(process.argv.slice(2)).then(code => process.exit(code));
