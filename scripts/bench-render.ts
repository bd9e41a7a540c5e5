// First half of `npm run bench`: record compute times; the full render's wall time (gif,mp4,
// every animation, warm records), in all and per animation; the CPU seconds per frame of the
// render's whole process tree against the floor's (drawing plus readback, no transport); a cached
// re-render; and peak memory at 1080p. The GIF encoder half is scripts/bench.ts.
import {defaultRecordInputs} from '../src/animations/config';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {measureFloor, runRenderMeasured} from '../src/bench/renderBench';
import {PROJECT_ROOT} from '../src/paths';
import {ANIMATIONS} from '../src/animations/registry';
import {table} from '../src/cli';
import {formatRenderCost} from '../src/bench/table';
import {animation} from '../src/animations/registry';
import {computeSeq2seqRecord} from '../src/animations/seq2seq/model';
import {computeAlignmentRecord} from '../src/animations/alignment/model';
import {computePostRecords} from '../src/model/postExamples';

const MB = 1024 * 1024;
const yes = (ok: boolean) => (ok ? 'yes' : 'NO');

/**
 * The full render grows with the animations, so its target is per animation: the five the
 * post embeds took 46.7 s in all before the new figures joined (9.3 s each, two at a time).
 */
const PER_ANIMATION_SECONDS = 9.5;

/** Training targets: what a fresh clone's first render may spend training each model. */
const TRAINING_TARGET: Partial<Record<string, string>> = {seq2seq: '≤ 30 s', alignment: '≤ 60 s'};

/**
 * Every record computed from scratch, seq2seq's and alignment's training included (into
 * throwaway weight caches). scoring and head read the alignment model from the project's
 * own cache, as a render does (they train it there only if it is missing).
 */
async function benchRecords(scratch: string): Promise<void> {
  const rows: string[][] = [];
  for (const name of ANIMATIONS) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    if (name === 'seq2seq') await computeSeq2seqRecord({cacheDir: join(scratch, 'seq2seq-weights')});
    else if (name === 'alignment') await computeAlignmentRecord({cacheDir: join(scratch, 'alignment-weights')});
    else await animation(name).compute(defaultRecordInputs(name));
    const {user, system} = process.cpuUsage(cpu);
    const target = TRAINING_TARGET[name];
    rows.push([
      name,
      `${((performance.now() - started) / 1000).toFixed(2)} s`,
      `${((user + system) / 1e6).toFixed(2)} s`,
      target ? `includes training (target ${target})` : '',
    ]);
  }
  const started = performance.now();
  await computePostRecords();
  rows.push(['post examples', `${((performance.now() - started) / 1000).toFixed(2)} s`, '', 'the four Keras examples of the post']);
  console.log(
    'Records (pure-JS tfjs backend; the first includes loading tfjs; CPU is this process, which a shared machine inflates less than wall time)',
  );
  console.log(table(['record', 'compute', 'CPU', ''], rows) + '\n');
}

async function main(): Promise<number> {
  const out = mkdtempSync(join(tmpdir(), 'bench-render-'));
  try {
    await benchRecords(out);
    const full = await runRenderMeasured(PROJECT_ROOT, ['--format', 'gif,mp4', '--force', '--out', out]);
    if (full.code !== 0) throw new Error(`full render failed (${full.code}):\n${full.stderr}`);
    const again = await runRenderMeasured(PROJECT_ROOT, ['--format', 'gif,mp4', '--out', out]);
    // One scene at a time, as the floor is measured: each scene's CPU is then the whole tree's
    // between its start and done events.
    const alone = await runRenderMeasured(PROJECT_ROOT, ['--format', 'gif,mp4', '--force', '--jobs', '1', '--out', join(out, 'alone')]);
    if (alone.code !== 0) throw new Error(`one-at-a-time render failed (${alone.code}):\n${alone.stderr}`);
    const floors = await measureFloor([...ANIMATIONS], 30);
    const hd = await runRenderMeasured(PROJECT_ROOT, ['dense', '--scale', '2', '--format', 'gif,mp4', '--force', '--out', join(out, 'hd')]);

    console.log(
      'Render cost (960×540, 30 fps, gif+mp4). CPU of the whole process tree (Node, Chromium, ffmpeg) per frame, one scene at a time, from the',
    );
    console.log(
      "scene's start to its outputs finished; the floor's over the same span with drawing and pixel readback only (no transport, no encoders).",
    );
    console.log(
      formatRenderCost(
        ANIMATIONS.map(name => {
          const scene = alone.scenes.get(name);
          const floor = floors.get(name);
          if (!scene || !floor)
            throw new Error(`${name}: no measure (render ${scene ? 'ok' : 'missing'}, floor ${floor ? 'ok' : 'missing'})`);
          const fullWallMs = full.scenes.get(name)?.wallMs ?? NaN;
          return {
            name,
            frames: scene.frames,
            renderCpuSeconds: scene.cpuSeconds,
            floorCpuSeconds: floor.cpuSeconds,
            floorFrames: floor.frames,
            fullWallMs,
          };
        }),
      ),
    );
    console.log('');
    console.log('Whole renders');
    console.log(
      table(
        ['run', 'wall', 'target', 'met', 'peak RSS node', 'peak PSS tree'],
        [
          [
            `full: ${ANIMATIONS.length} scenes, gif+mp4, --force`,
            `${(full.wallMs / 1000).toFixed(1)} s (${(full.wallMs / 1000 / ANIMATIONS.length).toFixed(1)} s each)`,
            `≤ ${PER_ANIMATION_SECONDS} s each`,
            yes(full.wallMs / ANIMATIONS.length <= PER_ANIMATION_SECONDS * 1000),
            `${(full.peakNodeBytes / MB).toFixed(0)} MB`,
            `${(full.peakTreeBytes / MB).toFixed(0)} MB`,
          ],
          [
            'again, nothing changed (cache)',
            `${(again.wallMs / 1000).toFixed(1)} s`,
            '≤ 5 s',
            yes(again.wallMs <= 5_000),
            `${(again.peakNodeBytes / MB).toFixed(0)} MB`,
            `${(again.peakTreeBytes / MB).toFixed(0)} MB`,
          ],
          [
            'dense at 1080p (--scale 2)',
            `${(hd.wallMs / 1000).toFixed(1)} s`,
            'node ≤ 1 GB, tree ≤ 2 GB',
            yes(hd.code === 0 && hd.peakNodeBytes <= 1024 * MB && hd.peakTreeBytes <= 2048 * MB),
            `${(hd.peakNodeBytes / MB).toFixed(0)} MB`,
            `${(hd.peakTreeBytes / MB).toFixed(0)} MB`,
          ],
        ],
      ),
    );
    console.log('(PSS splits memory that processes share between them, so the tree total counts each page once)\n');
    return 0;
  } finally {
    rmSync(out, {recursive: true, force: true});
  }
}

main().then(
  code => process.exit(code),
  error => {
    console.error(`bench: ${error.message}`);
    process.exit(1);
  },
);
