// `npm run update-references [-- names…]`: renders the poster frame of every animation (or of the
// named ones) at half size and stores it as the visual-regression reference test/visual/<name>.png.
// Run it after an intended visual change, look at the PNGs, and commit them.
import {copyFileSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {main} from '../src/cli';
import {ANIMATIONS, isAnimationName} from '../src/animations/registry';
import {PROJECT_ROOT} from '../src/paths';

async function update(names: string[]): Promise<number> {
  const unknown = names.find(name => !isAnimationName(name));
  if (unknown) {
    console.error(`update-references: unknown animation "${unknown}"; valid: ${ANIMATIONS.join(', ')}`);
    return 2;
  }
  const out = mkdtempSync(join(tmpdir(), 'references-'));
  try {
    const code = await main([...names, '--scale', '0.5', '--format', 'png', '--out', out, '--force', '--quiet']);
    if (code !== 0) return code;
    for (const name of names.length > 0 ? names : ANIMATIONS) {
      const target = join(PROJECT_ROOT, 'test', 'visual', `${name}.png`);
      copyFileSync(join(out, `${name}.png`), target);
      console.log(`updated ${target}`);
    }
    return 0;
  } finally {
    rmSync(out, {recursive: true, force: true});
  }
}

update(process.argv.slice(2)).then(code => process.exit(code));
