/**
 * Serves the activation records to the scenes as the virtual module
 * `virtual:activations`. It computes missing or stale records on first use, so
 * `npm run editor` works on a fresh clone, and the renderer's build embeds the
 * very numbers that are on disk.
 */
import type {Plugin} from 'vite';
import {ensureAllRecords} from '../model/store';

const ID = 'virtual:activations';
const RESOLVED = '\0' + ID;

export function activationsPlugin(): Plugin {
  return {
    name: 'four-dl-layers:activations',
    resolveId(id) {
      return id === ID ? RESOLVED : undefined;
    },
    async load(id) {
      if (id !== RESOLVED) return undefined;
      const records = await ensureAllRecords();
      return `export default ${JSON.stringify(records)};`;
    },
  };
}
