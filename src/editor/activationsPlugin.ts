/**
 * The records reach the scenes as the virtual module `virtual:activations`.
 *
 * - In the built render page it is an empty object: each render job brings its scene's
 *   record and the page fills the object in before the scene runs, so the page build
 *   never depends on numbers.
 * - In the editor (`vite` serve) it holds every record, computed in a child process and
 *   recomputed live when their inputs change (src/editor/liveRecords.ts).
 */
import type {Plugin} from 'vite';
import {LiveRecords} from './liveRecords';

const ID = 'virtual:activations';
const RESOLVED = '\0' + ID;

export function activationsPlugin(): Plugin {
  let command: 'build' | 'serve' = 'serve';
  let live: LiveRecords | undefined;
  return {
    name: 'four-dl-layers:activations',
    configResolved(config) {
      command = config.command;
      if (command === 'serve') live = new LiveRecords(config.root, RESOLVED);
    },
    configureServer(server) {
      live?.watch(server);
    },
    resolveId(id) {
      return id === ID ? RESOLVED : undefined;
    },
    async load(id) {
      if (id !== RESOLVED) return undefined;
      if (command === 'build' || !live) return 'export default {};';
      return live.moduleSource();
    },
  };
}
