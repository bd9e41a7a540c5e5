/**
 * `tsx scripts/gallery.ts [outDir]`: (re)writes outDir/index.html (default output/)
 * from the rendered files there and the records they were drawn from (outDir/activations),
 * and the player's figure-player.js beside it;
 * formats that were not rendered are left out.
 */
import {resolve} from 'node:path';
import {writeGallery} from '../src/gallery/gallery';
import {writePlayerScript} from '../src/player/playerScript';
import {ensureAllRecords} from '../src/store/recordStore';
import {PROJECT_ROOT} from '../src/paths';
import {ANIMATIONS} from '../src/animations/registry';
import {readRenderedRecords} from '../src/render/renderedRecords';

const outDir = resolve(process.argv[2] ?? resolve(PROJECT_ROOT, 'output'));
const page = await writeGallery(outDir, ANIMATIONS, await readRenderedRecords(outDir, ANIMATIONS, await ensureAllRecords()), [
  'light',
  'dark',
]);
await writePlayerScript(outDir);
console.log(page);
