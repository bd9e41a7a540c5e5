/**
 * What one animation folder defines, in one place (`src/animations/<name>/index.ts`): how its
 * record is validated, its parameters, the model that computes the record, and its words. The
 * registry gathers these; everything else (CLI, record store, editor, gallery, captions, tests)
 * derives from them.
 */
import type {z} from 'zod';
import type {AnimationText} from '../text/animationText';
import type {ParseContext} from '../params/validate';
import type {RecordInputs} from '../params/inputs';
import type {ActivationRecords, AnimationName, AnimationParams} from './types';

export interface AnimationDefinition<K extends AnimationName = AnimationName> {
  /** The folder's name: also the scene (`scenes/<name>.tsx`) and the output files (`<name>.gif`). */
  name: K;
  /** Where the post places the figure: its five GIFs first, in the order it embeds them, then the figures it asks for. */
  position: number;
  /** Checks a record read from disk or computed; throws RecordError naming the source and the field. */
  validate(json: unknown, source: string): ActivationRecords[K];
  params: {
    defaults: AnimationParams[K];
    /**
     * The schema of `animations.<name>` in render.config.json (at `path`, which file parameters
     * remember for their errors), filling in the defaults; file paths start at the context's folder.
     */
    schema(context: ParseContext, path: string): z.ZodType<AnimationParams[K]>;
    /** Whether `--seed` changes the numbers (random initialisation); trained and hand-set models ignore it. */
    seeded: boolean;
  };
  /** Computes the record with TensorFlow.js (Node only). */
  compute(inputs: RecordInputs<AnimationParams[K]>): Promise<ActivationRecords[K]>;
  /** The heading, alt text and description, written from the record. */
  text: AnimationText<ActivationRecords[K]>;
  /** `--model FILE` / `--input FILE`: the animation draws a trained model the user gives. */
  takesModelFile?: boolean;
  /** `--record FILE`: checks a ready-made record against the layout and its own arithmetic. */
  checkUserRecord?(record: ActivationRecords[K], source: string): void;
}

/** Types one folder's definition against its own record and parameters. */
export function defineAnimation<K extends AnimationName>(definition: AnimationDefinition<K>): AnimationDefinition<K> {
  return definition;
}
