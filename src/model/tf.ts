/**
 * Loads TensorFlow.js for Node: the native `@tensorflow/tfjs-node` binding when it
 * is installed and loads, otherwise the pure-JS `@tensorflow/tfjs` CPU backend.
 * Both expose the same API; records say which one computed them.
 */
import type * as TF from '@tensorflow/tfjs';

export type Tf = typeof TF;

/** The loaded library and the backend that computes on it. */
export interface LoadedTf {
  tf: Tf;
  /** `tensorflow` (tfjs-node) or `cpu` (pure JS). */
  backend: string;
}

let loading: Promise<LoadedTf> | undefined;

/** tfjs prints a banner and kernel-registration warnings on import; keep them out of the CLI's output. */
async function quietly<T>(work: () => Promise<T>): Promise<T> {
  const {log, warn, info} = console;
  console.log = console.warn = console.info = () => {};
  try {
    return await work();
  } finally {
    Object.assign(console, {log, warn, info});
  }
}

async function importNative(): Promise<Tf | undefined> {
  if (process.env.TFJS_BACKEND === 'cpu') return undefined;
  try {
    const name = '@tensorflow/tfjs-node';
    return (await import(/* @vite-ignore */ name)) as Tf;
  } catch {
    return undefined;
  }
}

/** Load tfjs once per process. Set `TFJS_BACKEND=cpu` to force the pure-JS reference backend. */
export function loadTf(): Promise<LoadedTf> {
  loading ??= quietly(async () => {
    const native = await importNative();
    const tf = native ?? ((await import('@tensorflow/tfjs')) as Tf);
    if (!native) await tf.setBackend('cpu');
    await tf.ready();
    // The CPU backend prints its "install tfjs-node" banner on the first tensor write.
    tf.dispose(tf.scalar(0));
    return {tf, backend: tf.getBackend()};
  });
  return loading;
}
