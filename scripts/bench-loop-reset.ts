// `npm run bench:reset [-- names…]`: issue 23's rule 6 per figure. Renders the figures at half size
// with their lossless frames and drawn-text logs (which place the loop's reset), re-encodes them
// with the reset painted exactly and lagging, and prints the worst reset frame and the bytes.
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {ANIMATIONS, isAnimationName} from '../src/animations/registry';
import {openGif} from '../src/bench/gifDecode';
import {pngFiles, pngFrames} from '../src/bench/frameFiles';
import {FLASH_SHARE, measureLoopReset, resetStart} from '../src/bench/loopReset';
import {readTextLog} from '../src/figureRules/evidence';
import {main, table} from '../src/cli';

const FPS = 30;

async function bench(names: string[]): Promise<number> {
  const unknown = names.find(name => !isAnimationName(name));
  if (unknown) {
    console.error(`bench:reset: unknown animation "${unknown}"; valid: ${ANIMATIONS.join(', ')}`);
    return 2;
  }
  const out = mkdtempSync(join(tmpdir(), 'bench-reset-'));
  process.env.RENDER_TEXT_LOG = '1';
  try {
    const code = await main([...names, '--scale', '0.5', '--format', 'gif', '--keep-frames', '--out', out, '--force', '--quiet']);
    if (code !== 0) return code;
    const pct = (share: number) => `${(share * 100).toFixed(2)}%`;
    const rows = (names.length ? names : ANIMATIONS).map(name => {
      const reset = resetStart(readTextLog(out, name));
      const {width, height} = openGif(readFileSync(join(out, `${name}.gif`)));
      const lossless = Array.from(pngFrames(pngFiles(join(out, 'frames', name))), f => f.slice());
      const m = measureLoopReset(lossless, reset, width, height, FPS);
      return [
        name,
        String(m.resetFrames),
        pct(m.laggingWorst),
        pct(m.exactWorst),
        m.exactWorst <= FLASH_SHARE ? 'yes' : 'NO',
        String(m.laggingBytes),
        String(m.exactBytes),
        `${((m.exactBytes / m.laggingBytes - 1) * 100).toFixed(1)}%`,
      ];
    });
    console.log(
      `Loop reset (rule 6): worst reset frame's share of pixels more than 16 levels off, half size; target ≤ ${pct(FLASH_SHARE)}`,
    );
    console.log(
      table(['animation', 'reset frames', 'before (lagging)', 'now (exact)', 'on target', 'bytes before', 'bytes now', 'cost'], rows),
    );
    return 0;
  } finally {
    rmSync(out, {recursive: true, force: true});
  }
}

bench(process.argv.slice(2)).then(code => process.exit(code));
