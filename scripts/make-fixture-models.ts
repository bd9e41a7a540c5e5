// `node --import tsx scripts/make-fixture-models.ts`: trains the two tiny models the tests load
// through `--model`, and saves them as tensorflowjs_converter does (model.json with a
// weightsManifest, plus group1-shard1of1.bin) under test/fixtures/models/. Run it only to change
// the fixtures; the tests read the committed files.
//   dense: 3 inputs → Dense(4, relu) → Dense(2, softmax): is the inputs' sum above 1.5?
//   conv:  a 7×7 image → Conv2D(3, 3×3, relu) → Flatten → Dense(2, softmax): diagonal or horizontal line?
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import type {LayersModel} from '@tensorflow/tfjs';
import {loadTf} from '../src/model/tf';
import {PROJECT_ROOT} from '../src/paths';

const OUT = join(PROJECT_ROOT, 'test', 'fixtures', 'models');
const SEED = 7;

/** Writes `model` as the converter's layout into `dir`. */
async function saveConverted(model: LayersModel, dir: string): Promise<void> {
  const {tf} = await loadTf();
  mkdirSync(dir, {recursive: true});
  await model.save(
    tf.io.withSaveHandler(async artifacts => {
      const shard = 'group1-shard1of1.bin';
      const data = artifacts.weightData as ArrayBuffer;
      writeFileSync(join(dir, shard), Buffer.from(data));
      const modelJson = {
        format: 'layers-model',
        generatedBy: `TensorFlow.js tfjs-layers v${tf.version.tfjs}`,
        convertedBy: 'scripts/make-fixture-models.ts',
        modelTopology: artifacts.modelTopology,
        weightsManifest: [{paths: [shard], weights: artifacts.weightSpecs}],
      };
      writeFileSync(join(dir, 'model.json'), JSON.stringify(modelJson, null, 1) + '\n');
      return {modelArtifactsInfo: {dateSaved: new Date(0), modelTopologyType: 'JSON'}};
    }),
  );
}

/** A deterministic stream of numbers in [0, 1) (a 32-bit LCG; only the fixtures' training data uses it). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

async function denseModel(): Promise<LayersModel> {
  const {tf} = await loadTf();
  const next = random(SEED);
  const xs = Array.from({length: 256}, () => [next(), next(), next()]);
  const ys = xs.map(x => (x[0] + x[1] + x[2] > 1.5 ? [0, 1] : [1, 0]));
  const model = tf.sequential({
    layers: [
      tf.layers.dense({inputShape: [3], units: 4, activation: 'relu', kernelInitializer: tf.initializers.glorotUniform({seed: SEED})}),
      tf.layers.dense({units: 2, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({seed: SEED + 1})}),
    ],
  });
  model.compile({optimizer: tf.train.adam(0.05), loss: 'categoricalCrossentropy', metrics: ['accuracy']});
  const history = await model.fit(tf.tensor2d(xs), tf.tensor2d(ys), {epochs: 60, batchSize: 32, shuffle: false, verbose: 0});
  console.log(`dense: accuracy ${(history.history.acc.at(-1) as number).toFixed(3)}`);
  return model;
}

async function convModel(): Promise<LayersModel> {
  const {tf} = await loadTf();
  const next = random(SEED + 2);
  const image = (diagonal: boolean): number[][] => {
    const at = Math.floor(next() * 5) + 1;
    return Array.from({length: 7}, (_, r) =>
      Array.from({length: 7}, (_, c) => ((diagonal ? r === c + at - 3 : r === at) ? 1 : Math.round(next() * 20) / 100)),
    );
  };
  const labels = Array.from({length: 128}, () => next() < 0.5);
  const xs = labels.map(diagonal => image(diagonal).map(row => row.map(v => [v])));
  const ys = labels.map(diagonal => (diagonal ? [1, 0] : [0, 1]));
  const model = tf.sequential({
    layers: [
      tf.layers.conv2d({
        inputShape: [7, 7, 1],
        filters: 3,
        kernelSize: 3,
        activation: 'relu',
        kernelInitializer: tf.initializers.glorotUniform({seed: SEED}),
      }),
      tf.layers.flatten(),
      tf.layers.dense({units: 2, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({seed: SEED + 1})}),
    ],
  });
  model.compile({optimizer: tf.train.adam(0.02), loss: 'categoricalCrossentropy', metrics: ['accuracy']});
  const history = await model.fit(tf.tensor4d(xs.flat(3), [xs.length, 7, 7, 1]), tf.tensor2d(ys), {
    epochs: 40,
    batchSize: 16,
    shuffle: false,
    verbose: 0,
  });
  console.log(`conv: accuracy ${(history.history.acc.at(-1) as number).toFixed(3)}`);
  return model;
}

await saveConverted(await denseModel(), join(OUT, 'dense'));
await saveConverted(await convModel(), join(OUT, 'conv'));
// The inputs the tests draw them on.
writeFileSync(join(OUT, 'dense-input.json'), JSON.stringify([0.5, 0.5, 0.6]) + '\n');
writeFileSync(
  join(OUT, 'conv-input.json'),
  JSON.stringify(Array.from({length: 7}, (_, r) => Array.from({length: 7}, (_, c) => (r === c ? 1 : 0)))) + '\n',
);
console.log(`fixtures in ${OUT}`);
