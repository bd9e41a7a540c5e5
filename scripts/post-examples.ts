/**
 * `npm run post-examples -- --seed N`: runs the post's four Keras examples in tfjs with
 * Keras-exact weights and prints one JSON object of their outputs on stdout.
 * Exit codes: 0 success, 2 bad arguments, 1 anything else.
 */
import {runPostExamples} from '../src/model/postExamples';

const USAGE = `Usage: npm run post-examples -- [--seed N]

Runs the post's Dense, Conv2D, LSTM and Attention examples (np.random.seed(N),
tf.random.set_seed(N)) and prints their outputs as one JSON object:
{dense, convLogits, conv, lstm, lstmSequences, attention, attentionShort}.

Options:
  --seed N   integer from 0 to 4294967295 (numpy's seed range); default 42, the post's
  --help     show this help`;

const MAX_SEED = 2 ** 32 - 1;

class UsageError extends Error {}

/** Parses the argument list; returns null when help was asked for. */
function parseArgs(argv: string[]): {seed: number} | null {
  let seed = 42;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return null;
    if (arg === '--seed' || arg.startsWith('--seed=')) {
      const text = arg === '--seed' ? argv[++i] : arg.slice('--seed='.length);
      if (text === undefined) throw new UsageError('--seed needs a value: an integer from 0 to 4294967295');
      // Digits only: Number() would accept '1e3', '0x10' or ' 7 '.
      if (!/^\d+$/.test(text) || Number(text) > MAX_SEED) {
        throw new UsageError(`--seed must be an integer from 0 to 4294967295, got ${JSON.stringify(text)}`);
      }
      seed = Number(text);
    } else {
      throw new UsageError(`unknown argument ${JSON.stringify(arg)} (valid: --seed N, --help)`);
    }
  }
  return {seed};
}

async function main(): Promise<number> {
  let options: {seed: number} | null;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`post-examples: ${error.message}\n`);
    return 2;
  }
  if (!options) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const result = await runPostExamples(options.seed);
  process.stdout.write(JSON.stringify(result) + '\n');
  return 0;
}

main().then(
  code => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`post-examples: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
