/**
 * One frame upload (FRAME_ROUTE), as both servers receive it (the page server for the CLI, the
 * editor's dev server for its exporters): the request guard's checks, the query validated against
 * a schema with bounded numbers, and a body of exactly the bytes its rectangles hold.
 */
import type {IncomingMessage} from 'node:http';
import {z} from 'zod';
import {parseRects} from '../frames/frameDelta';
import {MAX_BATCH_BYTES} from '../frames/protocol';
import type {Rect} from '../frames/rect';
import {checkWriteRequest, readBody, Refusal, type RouteGuard} from '../util/requestGuard';
import {MAX_FRAME_SIZE, MAX_SCENE_FRAMES} from './limits';

/** One upload: `count` frames starting at frame `first`. */
export interface FrameBatch {
  job: string;
  first: number;
  count: number;
  width: number;
  height: number;
  /** Frames the scene will send in all. */
  total: number;
  /** Index of the scene's poster frame. */
  poster: number;
  /** Index of the first frame of the loop's reset, when the scene reports one. */
  reset?: number;
  /** Per frame, the rectangles that changed since the previous frame (none when nothing did); `data` holds their pixels in order. */
  rects: Rect[][];
  data: Buffer;
}

/** The largest upload body: a batch just under the page's cap plus one frame of the largest size. */
export const MAX_UPLOAD_BYTES = MAX_BATCH_BYTES + MAX_FRAME_SIZE.width * MAX_FRAME_SIZE.height * 4;

/** A job id as the renderer and the editor make them (`<scene>-<random>`): short, and no path characters. */
export const JOB_ID = z.string().regex(/^[A-Za-z0-9_-]{1,80}$/, 'expected 1 to 80 letters, digits, - or _');

/** A whole number from a query string, within [min, max]. */
const count = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, 'expected a whole number')
    .transform(Number)
    .pipe(z.number().min(min).max(max));

const FRAME_QUERY = z.object({
  job: JOB_ID,
  first: count(0, MAX_SCENE_FRAMES),
  count: count(1, MAX_SCENE_FRAMES),
  width: count(1, MAX_FRAME_SIZE.width),
  height: count(1, MAX_FRAME_SIZE.height),
  total: count(0, MAX_SCENE_FRAMES),
  poster: count(0, MAX_SCENE_FRAMES),
  reset: count(0, MAX_SCENE_FRAMES).optional(),
  rects: z.string().max(64 * 1024),
});

/** The upload's fields from its query; a Refusal (400) naming the first bad one. */
export function parseFrameQuery(query: URLSearchParams): Omit<FrameBatch, 'data'> {
  const parsed = FRAME_QUERY.safeParse(Object.fromEntries(query));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Refusal(400, `bad frame upload: ${issue.path.join('.')}: ${issue.message}`);
  }
  const {rects: text, ...fields} = parsed.data;
  let rects: Rect[][];
  try {
    rects = parseRects(text);
  } catch (error) {
    throw new Refusal(400, `bad frame upload: ${(error as Error).message.slice(0, 120)}`);
  }
  if (rects.length !== fields.count)
    throw new Refusal(400, `bad frame upload: ${rects.length} frames' rectangles with count ${fields.count}`);
  for (const frame of rects) {
    for (const r of frame) {
      if (r.x + r.width > fields.width || r.y + r.height > fields.height) {
        throw new Refusal(
          400,
          `bad frame upload: rectangle ${r.x},${r.y},${r.width},${r.height} is outside the ${fields.width}×${fields.height} frame`,
        );
      }
    }
    if (frame.reduce((sum, r) => sum + r.width * r.height, 0) > fields.width * fields.height) {
      throw new Refusal(400, `bad frame upload: a frame's rectangles cover more than its ${fields.width}×${fields.height} pixels`);
    }
  }
  return {...fields, rects};
}

/** Checks an upload (guard, query, body size) and reads it; any fault is a Refusal and nothing is kept. */
export async function receiveFrames(request: IncomingMessage, query: URLSearchParams, guard: RouteGuard): Promise<FrameBatch> {
  checkWriteRequest(request, guard, 'application/octet-stream');
  const fields = parseFrameQuery(query);
  const expected = fields.rects.flat().reduce((sum, r) => sum + r.width * r.height * 4, 0);
  const data = await readBody(request, Math.min(expected, MAX_UPLOAD_BYTES));
  if (data.length !== expected) {
    throw new Refusal(400, `bad frame upload: ${data.length} bytes for ${fields.count} frames' rectangles (expected ${expected} bytes)`);
  }
  return {...fields, data};
}
