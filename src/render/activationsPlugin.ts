/**
 * The records reach the scenes as the virtual module `virtual:activations`.
 *
 * - In the built render page it is an empty object: each render job brings its scene's
 *   record and the page fills the object in before the scene runs, so the page build
 *   never depends on numbers.
 * - In the editor (`vite` serve) it holds every record, brought up to date by
 *   `scripts/records.ts --json` in a child process. The models are not imported into
 *   the vite config's bundle, so editing one does not restart the server, and each
 *   computation runs the model code as it is on disk now.
 */
import {spawn} from 'node:child_process';
import type {Plugin} from 'vite';

const ID = 'virtual:activations';
const RESOLVED = '\0' + ID;

export function activationsPlugin(): Plugin {
  let command: 'build' | 'serve' = 'serve';
  let root = process.cwd();
  return {
    name: 'four-dl-layers:activations',
    configResolved(config) {
      command = config.command;
      root = config.root;
    },
    resolveId(id) {
      return id === ID ? RESOLVED : undefined;
    },
    async load(id) {
      if (id !== RESOLVED) return undefined;
      if (command === 'build') return 'export default {};';
      return `export default ${await computeRecords(root)};`;
    },
  };
}

/** The records as JSON text, from a fresh Node process running the models as they are on disk. */
function computeRecords(root: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/records.ts', '--json'], {cwd: root, stdio: ['ignore', 'pipe', 'pipe']});
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', chunk => (stdout += chunk));
    child.stderr.on('data', chunk => (stderr += chunk));
    child.on('error', reject);
    child.on('close', code => {
      if (code === 0) resolve(stdout);
      else reject(new Error(`computing the activation records failed (exit ${code}):\n${stderr.trim()}`));
    });
  });
}
