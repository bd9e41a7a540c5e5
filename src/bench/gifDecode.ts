// Decode a GIF the way a browser displays it (disposal, transparency, offsets), for tests and the
// benchmark. Uses omggif (a devDependency): do not import this from the render pipeline.
import {GifReader} from 'omggif';

export interface DisplayedFrame {
  /** RGBA of the whole canvas after this image; a view reused between frames: copy to keep. */
  rgba: Uint8Array;
  /** start time and delay in centiseconds */
  startCs: number;
  delayCs: number;
  index: number;
}

export function openGif(bytes: Uint8Array): GifReader {
  // omggif reads from index 0 of whatever it is given: hand it a fresh array
  return new GifReader(bytes.byteOffset === 0 ? bytes : bytes.slice());
}

/** Every image composited onto the canvas, in order. Canvas starts fully transparent. */
export function* displayedFrames(bytes: Uint8Array): Generator<DisplayedFrame> {
  const reader = openGif(bytes);
  const {width, height} = reader;
  const canvas = new Uint8Array(width * height * 4);
  let saved: Uint8Array | null = null;
  let t = 0;
  for (let i = 0; i < reader.numFrames(); i++) {
    const info = reader.frameInfo(i);
    if (info.disposal === 3) saved = canvas.slice();
    reader.decodeAndBlitFrameRGBA(i, canvas); // writes only non-transparent pixels, at info.x/info.y
    yield {rgba: canvas, startCs: t, delayCs: info.delay, index: i};
    t += info.delay;
    if (info.disposal === 2) {
      for (let y = info.y; y < info.y + info.height; y++) canvas.fill(0, (y * width + info.x) * 4, (y * width + info.x + info.width) * 4);
    } else if (info.disposal === 3 && saved) {
      canvas.set(saved);
    }
  }
}

/**
 * The canvas shown at the middle of each source frame k (time (k+0.5)*100/fps cs), for
 * `frameCount` source frames. Works for encoders that merge identical frames or split delays.
 */
export function* framesAtSourceTimes(bytes: Uint8Array, fps: number, frameCount: number): Generator<Uint8Array> {
  const it = displayedFrames(bytes);
  let cur = it.next();
  if (cur.done) throw new Error('GIF has no frames');
  let frame = cur.value;
  for (let k = 0; k < frameCount; k++) {
    const t = ((k + 0.5) * 100) / fps;
    while (frame.startCs + frame.delayCs <= t) {
      const next = it.next();
      if (next.done) break; // the last image stays up
      frame = next.value;
    }
    yield frame.rgba;
  }
}
