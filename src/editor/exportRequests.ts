/**
 * The editor exporters' JSON requests (`check`, `open`, `finish`, `cancel`), as the dev server
 * accepts them: each body validated against its schema, numbers bounded (each job holds a
 * width × height × 4-byte frame), a scene only by a name the editor's timeline holds. A bad
 * request is a Refusal (400) with one line naming the request and the field.
 */
import {z} from 'zod';
import {JOB_ID} from '../render/frameUpload';
import {MAX_FPS, MAX_FRAME_SIZE, MAX_SCENE_FRAMES} from '../render/limits';
import {quoted, Refusal} from '../util/requestGuard';
import {
  type CancelRequest,
  EXPORT_KINDS,
  type ExportKind,
  type ExportSettings,
  type FinishRequest,
  type SceneExport,
} from './protocol/exportProtocol';

/** A JSON request's body is a few hundred bytes; this leaves room and no more. */
export const MAX_JSON_BYTES = 16 * 1024;

const FRAME = z.int().min(0).max(MAX_SCENE_FRAMES);

const SETTINGS = {
  kind: z.enum(Object.keys(EXPORT_KINDS) as [ExportKind, ...ExportKind[]]),
  fps: z.int().min(1).max(MAX_FPS),
  width: z.int().min(1).max(MAX_FRAME_SIZE.width),
  height: z.int().min(1).max(MAX_FRAME_SIZE.height),
  theme: z.enum(['light', 'dark']),
};

export interface ExportRequests {
  check: z.ZodType<ExportSettings>;
  open: z.ZodType<SceneExport>;
  finish: z.ZodType<FinishRequest>;
  cancel: z.ZodType<CancelRequest>;
}

/** The schemas, with `scenes` the names an export may write (the editor's timeline). */
export function exportRequests(scenes: readonly string[]): ExportRequests {
  const scene = z.string().refine(name => scenes.includes(name), {
    error: issue => `${quoted(issue.input)} is not an animation (known: ${scenes.join(', ')})`,
  });
  return {
    check: z.strictObject({...SETTINGS, colorSpace: z.string().max(40)}),
    open: z
      .strictObject({...SETTINGS, job: JOB_ID, scene, first: FRAME, end: FRAME, sceneFrames: FRAME})
      .refine(part => part.first < part.end && part.end <= part.sceneFrames, {
        error: 'expected frames first < end ≤ sceneFrames',
        path: ['end'],
      }),
    finish: z.strictObject({job: JOB_ID, frames: FRAME}),
    cancel: z.strictObject({job: JOB_ID}),
  };
}

/** The body of request `name` as its schema accepts it; a Refusal naming the first fault otherwise. */
export function parseRequest<T>(name: string, schema: z.ZodType<T>, body: Buffer): T {
  let input: unknown;
  try {
    input = JSON.parse(body.toString('utf8'));
  } catch {
    throw new Refusal(400, `${name}: the body is not JSON: ${quoted(body.toString('utf8'))}`);
  }
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Refusal(400, `${name}: ${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message}`);
}
