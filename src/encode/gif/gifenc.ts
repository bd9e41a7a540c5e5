// Re-export gifenc's functions. gifenc ships an esbuild CommonJS bundle: plain Node ESM exposes it
// only as a default export object, while vite/vitest expose the named exports (and `default` is
// GIFEncoder). Take each function from whichever place has it.
import * as ns from 'gifenc';
import type gifencDefault from 'gifenc';
export type {Palette, Encoder} from 'gifenc';

type Api = typeof gifencDefault;
function pick<K extends keyof Api>(name: K): Api[K] {
  const m = ns as unknown as Partial<Api> & {default?: Partial<Api>};
  const f = m[name] ?? m.default?.[name];
  if (typeof f !== 'function') throw new Error(`gifenc: ${String(name)} not found`);
  return f as Api[K];
}

export const GIFEncoder = pick('GIFEncoder');
export const quantize = pick('quantize');
