/**
 * The model loader distrusts its files (issue 21, section 3): shard paths stay inside the
 * model's folder, the shards hold exactly the bytes the manifest describes, sizes are
 * checked before anything is read, and only regular files are opened. Every refusal is
 * the CLI's one-line error with exit 2. Bad models are built from the fixtures in a temp
 * folder; the 3 GB shard is a sparse file.
 */
import {copyFileSync, mkdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync} from 'node:fs';
import {execFileSync} from 'node:child_process';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {loadLayersModelFromFiles} from '../src/model/layersModel';
import {ROOT, runRender} from './helpers/cli';
import {tempDir} from './helpers/tempDir';
import {renderError} from './helpers/stderrLines';

const work = tempDir('model-loader-');
const MODELS = join(ROOT, 'test', 'fixtures', 'models');
const DENSE_INPUT = join(MODELS, 'dense-input.json');
const SHARD = 'group1-shard1of1.bin';

/** A copy of the dense fixture model in `work/<name>/m/`, its model.json changed by `edit`; returns the model.json's path. */
function denseCopy(
  name: string,
  edit: (json: {weightsManifest: {paths: string[]; weights: Record<string, unknown>[]}[]}) => void = () => {},
): string {
  const dir = join(work, name, 'm');
  mkdirSync(dir, {recursive: true});
  copyFileSync(join(MODELS, 'dense', SHARD), join(dir, SHARD));
  const json = JSON.parse(readFileSync(join(MODELS, 'dense', 'model.json'), 'utf8'));
  edit(json);
  writeFileSync(join(dir, 'model.json'), JSON.stringify(json));
  return join(dir, 'model.json');
}

/** Renders dense (or `scene`) with the model and input, and returns the one error line after checking exit 2. */
async function refusal(args: string[], scene = 'dense'): Promise<string> {
  const out = join(work, 'out');
  const run = await runRender([scene, ...args, '--format', 'png', '--scale', '0.5', '--out', out], {}, 60_000);
  expect(run.code, run.stderr).toBe(2);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  return renderError(run.stderr);
}

const SHARD_ADVICE = (model: string) => `give the shards that ${model} names, as tensorflowjs_converter wrote them`;

describe('shard paths stay inside the model folder', () => {
  it('a climbing path (../../outside.bin) is refused, and the file outside is never read', async () => {
    writeFileSync(join(work, 'outside.bin'), readFileSync(join(MODELS, 'dense', SHARD)));
    const model = denseCopy('climb', json => (json.weightsManifest[0].paths = ['../../outside.bin']));
    expect(await refusal(['--model', model, '--input', DENSE_INPUT])).toBe(
      `render: --model: ${model}: weightsManifest[0].paths[0]: "../../outside.bin" resolves outside the model's folder ${join(work, 'climb', 'm')}; give shard paths inside it, as tensorflowjs_converter writes them (group1-shard1of1.bin)`,
    );
  });

  it('an absolute path is refused', async () => {
    const model = denseCopy('absolute', json => (json.weightsManifest[0].paths = ['/etc/hostname']));
    expect(await refusal(['--model', model, '--input', DENSE_INPUT])).toMatch(
      /^render: --model: .*model\.json: weightsManifest\[0\]\.paths\[0\]: "\/etc\/hostname" resolves outside the model's folder /,
    );
  });

  it('a shard that is a symlink out of the folder is refused', async () => {
    writeFileSync(join(work, 'outside-link.bin'), readFileSync(join(MODELS, 'dense', SHARD)));
    const model = denseCopy('symlink');
    rmSync(join(work, 'symlink', 'm', SHARD));
    symlinkSync(join(work, 'outside-link.bin'), join(work, 'symlink', 'm', SHARD));
    expect(await refusal(['--model', model, '--input', DENSE_INPUT])).toMatch(
      /^render: --model: .*model\.json: weightsManifest\[0\]\.paths\[0\]: "group1-shard1of1\.bin" resolves outside the model's folder /,
    );
  });
});

describe('the shards hold exactly what the manifest describes, checked before reading', () => {
  it('a shard 4 bytes too long', async () => {
    const model = denseCopy('long');
    writeFileSync(join(work, 'long', 'm', SHARD), Buffer.concat([readFileSync(join(MODELS, 'dense', SHARD)), Buffer.alloc(4)]));
    expect(await refusal(['--model', model, '--input', DENSE_INPUT])).toBe(
      `render: --model: the weight shards of ${model} hold 108 bytes, but its weightsManifest describes 104 (4 weights, each its shape's size × its stored dtype's bytes); give the shards tensorflowjs_converter wrote with it`,
    );
  });

  it('a missing shard', async () => {
    const model = denseCopy('missing');
    rmSync(join(work, 'missing', 'm', SHARD));
    expect(await refusal(['--model', model, '--input', DENSE_INPUT])).toBe(
      `render: --model: cannot read ${join(work, 'missing', 'm', SHARD)} (ENOENT); ${SHARD_ADVICE(model)}`,
    );
  });

  it('a 3 GB shard (sparse) is refused from its size, before it is read', async () => {
    const model = denseCopy('huge');
    truncateSync(join(work, 'huge', 'm', SHARD), 3 * 1024 ** 3);
    expect(await refusal(['--model', model, '--input', DENSE_INPUT])).toBe(
      `render: --model: ${join(work, 'huge', 'm', SHARD)} is 3.0 GiB, more than the 64 MiB limit; ${SHARD_ADVICE(model)}`,
    );
  });

  it('a shard that is a folder', async () => {
    const model = denseCopy('folder', json => (json.weightsManifest[0].paths = ['sub']));
    mkdirSync(join(work, 'folder', 'm', 'sub'));
    expect(await refusal(['--model', model, '--input', DENSE_INPUT])).toBe(
      `render: --model: ${join(work, 'folder', 'm', 'sub')} is a folder; ${SHARD_ADVICE(model)}`,
    );
  });

  it('a weight with a NaN names the model file and the weight', async () => {
    const model = denseCopy('nan');
    const shard = readFileSync(join(MODELS, 'dense', SHARD));
    shard.writeFloatLE(Number.NaN, 4 * 5);
    writeFileSync(join(work, 'nan', 'm', SHARD), shard);
    expect(await refusal(['--model', model, '--input', DENSE_INPUT])).toBe(
      `render: --model: ${model}: weight "dense_Dense1/kernel" holds NaN at flat index 5; give a model whose weights are all finite numbers`,
    );
  });
});

describe('a quantized weight is stored in its quantized dtype', () => {
  /** The dense fixture with its first kernel stored as uint8 (value = q × scale + min), as tensorflowjs_converter --quantize_uint8 writes it. */
  function quantized(name: string, shardBytes: (kernel: Buffer, rest: Buffer) => Buffer): {model: string; kernel: number[]; scale: number} {
    const floats = readFileSync(join(MODELS, 'dense', SHARD));
    const kernel = Array.from({length: 12}, (_, i) => floats.readFloatLE(4 * i));
    const min = Math.min(...kernel);
    const scale = (Math.max(...kernel) - min) / 255;
    const model = denseCopy(name, json => (json.weightsManifest[0].weights[0].quantization = {dtype: 'uint8', min, scale}));
    const q = Buffer.from(kernel.map(v => Math.round((v - min) / scale)));
    writeFileSync(join(work, name, 'm', SHARD), shardBytes(q, floats.subarray(48)));
    return {model, kernel, scale};
  }

  it('12 uint8 values and the float32 rest (68 bytes) load, dequantized', async () => {
    const {model, kernel, scale} = quantized('uint8', (q, rest) => Buffer.concat([q, rest]));
    const loaded = await loadLayersModelFromFiles(model, '--model');
    const drawn = (loaded.layers[0].getWeights()[0].arraySync() as number[][]).flat();
    loaded.dispose();
    drawn.forEach((v, i) => expect(Math.abs(v - kernel[i])).toBeLessThanOrEqual(scale / 2 + 1e-6));
  });

  it('the same manifest with the kernel still stored as float32 (104 bytes) is refused', async () => {
    const {model} = quantized('uint8-as-float', () => readFileSync(join(MODELS, 'dense', SHARD)));
    await expect(loadLayersModelFromFiles(model, '--model')).rejects.toThrow(
      `--model: the weight shards of ${model} hold 104 bytes, but its weightsManifest describes 68 (4 weights, each its shape's size × its stored dtype's bytes); give the shards tensorflowjs_converter wrote with it`,
    );
  });
});

describe('--input is a regular file, read only when small', () => {
  const model = join(MODELS, 'dense', 'model.json');

  it('/proc/self/mem', async () => {
    expect(await refusal(['--model', model, '--input', '/proc/self/mem'])).toBe(
      'render: --input: cannot read /proc/self/mem (EIO); give a JSON file',
    );
  });

  it('a FIFO is refused without opening it, so nothing blocks', async () => {
    const fifo = join(work, 'input.fifo');
    execFileSync('mkfifo', [fifo]);
    expect(await refusal(['--model', model, '--input', fifo])).toBe(
      `render: --input: ${fifo} is a FIFO (named pipe), not a regular file; give a JSON file`,
    );
  });

  it('an input over 1 MiB', async () => {
    const big = join(work, 'big-input.json');
    writeFileSync(big, `[${'0,'.repeat(600_000)}0]`);
    expect(await refusal(['--model', model, '--input', big])).toBe(
      `render: --input: ${big} is 1.1 MiB, more than the 1 MiB limit; give a JSON file`,
    );
  });

  it('an error in the image conv reads from --input is labelled --input', async () => {
    const notAnImage = join(work, 'not-an-image.json');
    writeFileSync(notAnImage, '{"image": 1}');
    expect(await refusal(['--model', join(MODELS, 'conv', 'model.json'), '--input', notAnImage], 'conv')).toBe(
      'render: --input: expected an array, got an object',
    );
  });
});
