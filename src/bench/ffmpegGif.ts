// ffmpeg's best two-pass GIF (palettegen + paletteuse), the benchmark our encoder is measured against.
import {spawn} from 'node:child_process';
import {createReadStream} from 'node:fs';
import {resolveFfmpeg} from '../encode/ffmpegPath.js';

export type FfmpegGifInput = {kind: 'pngDir'; dir: string; fps: number} | {kind: 'raw'; width: number; height: number; fps: number};

/**
 * Argument list for a two-pass GIF in a single ffmpeg run: `split` feeds every frame both to
 * palettegen (pass 1, which buffers statistics over the whole clip) and to paletteuse (pass 2,
 * which waits for the palette and then maps the buffered frames). Pure: no I/O.
 */
export function ffmpegGifArgs(input: FfmpegGifInput, output: string): string[] {
  const args = [
    '-hide_banner', // no build banner on stderr
    '-loglevel',
    'error', // only errors on stderr
    '-nostdin', // never read keyboard commands from stdin (stdin may carry the frames)
    '-y', // overwrite the output file
  ];
  if (input.kind === 'pngDir') {
    args.push(
      '-framerate',
      String(input.fps), // image2 demuxer: frame rate of the image sequence
      '-pattern_type',
      'glob', // match files with a glob instead of a printf pattern
      '-i',
      `${input.dir.replace(/[*?[\]]/g, '\\$&')}/*.png`, // every PNG in the directory, in name order
    );
  } else {
    args.push(
      '-f',
      'rawvideo', // headerless frames
      '-pix_fmt',
      'rgba', // 4 bytes a pixel, R G B A
      '-s',
      `${input.width}x${input.height}`, // frame size
      '-framerate',
      String(input.fps), // input frame rate (timestamps → GIF delays)
      '-i',
      'pipe:0', // frames on stdin
    );
  }
  args.push(
    '-filter_complex',
    [
      '[0:v]split[a][b]', // two copies of the stream
      // pass 1: palette from the pixels that change between frames (best for mostly static animations)
      '[a]palettegen=stats_mode=diff[p]',
      // pass 2: no dithering (flat colours), and only re-map the changed rectangle of each frame
      '[b][p]paletteuse=dither=none:diff_mode=rectangle',
    ].join(';'),
    '-loop',
    '0', // NETSCAPE2.0 loop forever
    '-f',
    'gif', // GIF muxer (its encoder crops to the changed rectangle and uses transparency)
    output,
  );
  return args;
}

export interface FfmpegRunResult {
  ms: number;
  stderr: string;
}

/**
 * Run the two-pass GIF. For raw input, `frames` is a file of concatenated RGBA frames or an
 * (async) iterable of frames, streamed to ffmpeg's stdin. `ms` is wall time of the ffmpeg process.
 */
export async function runFfmpegGif(
  input: FfmpegGifInput,
  output: string,
  frames?: string | Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
  ffmpegPath = resolveFfmpeg().path,
): Promise<FfmpegRunResult> {
  const args = ffmpegGifArgs(input, output);
  const t0 = performance.now();
  const child = spawn(ffmpegPath, args, {stdio: [input.kind === 'raw' ? 'pipe' : 'ignore', 'ignore', 'pipe']});
  let stderr = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (d: string) => {
    stderr += d;
  });
  const done = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', code => resolve(code ?? -1));
  });
  if (input.kind === 'raw') {
    if (frames === undefined) throw new Error('runFfmpegGif: raw input needs frames');
    const stdin = child.stdin!;
    stdin.on('error', () => {
      /* ffmpeg exited early; its exit code and stderr tell why */
    });
    if (typeof frames === 'string') {
      createReadStream(frames).pipe(stdin);
    } else {
      for await (const f of frames as AsyncIterable<Uint8Array>) {
        if (!stdin.write(f)) await new Promise(r => stdin.once('drain', r));
      }
      stdin.end();
    }
  }
  const code = await done;
  const ms = performance.now() - t0;
  if (code !== 0) throw new Error(`ffmpeg exited with ${code}: ${ffmpegPath} ${args.join(' ')}\n${stderr}`);
  return {ms, stderr};
}
