// `--keep-frames` writes a figure's lossless frames as PNGs and, beside them, where the loop's reset
// begins: the GIF encoder paints that reset exactly, and the bench must encode the frames as the render did.
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {z} from 'zod';

export const KEPT_LOOP_FILE = 'loop.json';

const KeptLoop = z.strictObject({resetFrame: z.number().int().nonnegative()});

/** The first frame of the loop's reset in a kept-frames folder; undefined when the figure reports none. */
export function keptResetFrame(dir: string): number | undefined {
  const file = join(dir, KEPT_LOOP_FILE);
  if (!existsSync(file)) return undefined;
  let parsed;
  try {
    parsed = KeptLoop.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    parsed = undefined;
  }
  if (!parsed?.success) throw new Error(`${file}: expected {"resetFrame": a frame number}; render again with --keep-frames`);
  return parsed.data.resetFrame;
}
