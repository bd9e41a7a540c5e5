// `npm run update-references`: renders every animation's poster frame at half size and
// stores it as the visual-regression reference under test/visual/<name>.png.
// Run it after an intended visual change, look at the PNGs, and commit them.
import {copyFileSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {main} from '../src/cli';
import {ANIMATIONS} from '../src/records';
import {PROJECT_ROOT} from '../src/paths';

async function update(): Promise<number> {
  const out = mkdtempSync(join(tmpdir(), 'references-'));
  try {
    const code = await main(['--scale', '0.5', '--format', 'png', '--out', out, '--force', '--quiet']);
    if (code !== 0) return code;
    for (const name of ANIMATIONS) {
      const target = join(PROJECT_ROOT, 'test', 'visual', `${name}.png`);
      copyFileSync(join(out, `${name}.png`), target);
      console.log(`updated ${target}`);
    }
    return 0;
  } finally {
    rmSync(out, {recursive: true, force: true});
  }
}

update().then(code => process.exit(code));
