/**
 * The step-through player's script (figure-player.js beside this module), as text:
 * the render writes it into the output folder for http(s) pages and the gallery
 * inlines it (file:// pages cannot load scripts from files beside them as modules).
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {writeFileAtomic} from '../util/atomicWrite';

/** The file name the embed snippet loads and the render writes. */
export const PLAYER_FILE = 'figure-player.js';

export const PLAYER_SCRIPT = readFileSync(new URL('./figure-player.js', import.meta.url), 'utf8');

// Inlined in a <script> element, this sequence would end it early.
if (/<\/script/i.test(PLAYER_SCRIPT)) throw new Error(`${PLAYER_FILE} contains "</script", so it cannot be inlined`);

/** Writes `outDir/figure-player.js` atomically; resolves with its path. */
export async function writePlayerScript(outDir: string): Promise<string> {
  const path = join(outDir, PLAYER_FILE);
  await writeFileAtomic(path, PLAYER_SCRIPT);
  return path;
}
