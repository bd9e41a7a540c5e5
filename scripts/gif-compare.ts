// Compare our streaming GIF encoder with ffmpeg's two-pass palettegen GIF and gifski on the same
// frames, with the bench's tables and targets (src/bench/gifCompare.ts, src/bench/table.ts).
//
//   npx tsx scripts/gif-compare.ts output/frames/<name> [more dirs…]     # directories of PNG frames
//   npx tsx scripts/gif-compare.ts --synthetic conv,lstm,attention --frames 240
//   options: --fps 30  --moving-tolerance 20  --keep (keep GIFs in output/gif-compare/)
import {readdirSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {compareEncoders, type CompareResult} from '../src/bench/gifCompare';
import {syntheticFrames, type SyntheticScene} from '../src/bench/synthetic';
import {formatAnimation, formatTargets} from '../src/bench/table';

async function main(argv: string[]): Promise<void> {
  let fps = 30,
    movingTolerance: number | undefined,
    framesN = 240,
    keep = false;
  const dirs: string[] = [];
  let synthetic: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--fps') fps = Number(argv[++i]);
    else if (a === '--moving-tolerance') movingTolerance = Number(argv[++i]);
    else if (a === '--frames') framesN = Number(argv[++i]);
    else if (a === '--synthetic') synthetic = argv[++i].split(',');
    else if (a === '--keep') keep = true;
    else dirs.push(a);
  }
  if (!dirs.length && !synthetic.length) {
    const root = 'output/frames';
    try {
      for (const d of readdirSync(root).sort()) if (statSync(join(root, d)).isDirectory()) dirs.push(join(root, d));
    } catch {
      /* no rendered frames yet */
    }
    if (!dirs.length) synthetic = ['conv', 'lstm', 'attention'];
  }
  const keepDir = keep ? 'output/gif-compare' : undefined;
  const results: CompareResult[] = [];
  for (const s of synthetic) {
    results.push(
      await compareEncoders(syntheticFrames(s as SyntheticScene, framesN), {
        fps,
        width: 960,
        height: 540,
        movingTolerance,
        keepDir,
        name: `synthetic:${s}`,
      }),
    );
  }
  for (const d of dirs) results.push(await compareEncoders(d, {fps, movingTolerance, keepDir}));
  for (const r of results) console.log(formatAnimation(r) + '\n');
  console.log(formatTargets(results));
}

main(process.argv.slice(2)).catch(e => {
  console.error(e);
  process.exit(1);
});
