/**
 * Whether an ffmpeg has the encoder a format needs (libsvtav1 for the AVIF, say): a build
 * without it would fail mid-render with a long error, so the render asks `ffmpeg -encoders`
 * once per binary and names what is missing and how to get it instead.
 */
import {spawnSync} from 'node:child_process';

const known = new Map<string, Set<string> | undefined>();

/** The encoder names `ffmpeg -encoders` lists, or undefined when it could not tell (the real run reports why). */
function encodersOf(ffmpeg: string): Set<string> | undefined {
  if (!known.has(ffmpeg)) {
    const run = spawnSync(ffmpeg, ['-hide_banner', '-encoders'], {encoding: 'utf8', timeout: 30_000});
    // Lines look like " V..... libsvtav1            SVT-AV1(…) encoder (codec av1)".
    const names = run.status === 0 ? [...run.stdout.matchAll(/^ [VAS][A-Z.]{5} (\S+)/gm)].map(m => m[1]) : [];
    known.set(ffmpeg, names.length > 0 ? new Set(names) : undefined);
  }
  return known.get(ffmpeg);
}

/** Why `ffmpeg` cannot make `format` (it lacks `encoder`), in one line; undefined when it can (or cannot tell). */
export function missingEncoder(ffmpeg: string, encoder: string, format: string): string | undefined {
  const encoders = encodersOf(ffmpeg);
  if (!encoders || encoders.has(encoder)) return undefined;
  return `${ffmpeg} has no ${encoder} encoder, which the ${format.toUpperCase()} needs. Install an ffmpeg with it (Debian/Ubuntu: apt-get install -y ffmpeg) or set FFMPEG_PATH to one`;
}
