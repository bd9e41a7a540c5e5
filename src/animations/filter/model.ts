/**
 * The post's filter example (`np.sum(img * f)` for two images and two filters) as a
 * record for `scenes/filter.tsx`. The responses are the conv record's post examples
 * (one 3×3 valid conv2d each, computed in conv.ts); this adds the elementwise products
 * the animation writes cell by cell.
 */
import {loadTf} from '../../model/tf';
import {computePostExamples, elementwiseProducts} from '../conv/model';
import {SCHEMA_VERSION} from '../../records/header';
import type {FilterCase, FilterOperand, FilterRecord} from './record';

/** The post's numpy line for each image and filter, by the names conv.ts gives them. */
const CODE: Record<string, string> = {
  eye3: 'img = np.eye(3)',
  line2: 'img = np.zeros((3, 3)); img[1, :2] = 1',
  f1: 'f1 = np.zeros((3, 3)); f1[1, :] = 1',
  f2: 'f2 = np.eye(3)',
};

function codeFor(name: string): string {
  const code = CODE[name];
  if (code === undefined) throw new Error(`filter record: no numpy code for "${name}"; known: ${Object.keys(CODE).join(', ')}`);
  return code;
}

/** TF 2.2 code that prints every product grid and sum, with numpy as the post does and with a Conv2D. */
function kerasSnippet(images: FilterOperand[], filters: FilterOperand[]): string {
  return [
    'import numpy as np',
    'from tensorflow.keras import Input, Model',
    'from tensorflow.keras.layers import Conv2D',
    '',
    ...images.map((img, i) => codeFor(img.name).replace(/\bimg\b/g, `img${i + 1}`)),
    ...filters.map(f => codeFor(f.name)),
    '',
    '#  the same sums as a Conv2D layer: a 3x3 kernel over a 3x3 image, valid padding',
    'inp = Input(shape=(3, 3, 1))',
    `conv = Conv2D(filters=${filters.length}, kernel_size=(3, 3), use_bias=False)`,
    'mdl = Model(inputs=inp, outputs=conv(inp))',
    `conv.set_weights([np.stack([${filters.map(f => f.name).join(', ')}], axis=-1).reshape(3, 3, 1, ${filters.length})])`,
    '',
    `for name, img in [${images.map((img, i) => `('${img.name}', img${i + 1})`).join(', ')}]:`,
    '    response = mdl(img.reshape(1, 3, 3, 1)).numpy()[0, 0, 0]',
    `    for i, (fname, f) in enumerate([${filters.map(f => `('${f.name}', ${f.name})`).join(', ')}]):`,
    "        print(name, fname, 'img * f ='); print(img * f)",
    "        print('np.sum(img * f) =', np.sum(img * f), ' Conv2D:', response[i])",
  ].join('\n');
}

/** Computes the filter record: both post images with both post filters, products and sums. */
export async function computeFilterRecord(): Promise<FilterRecord> {
  const {backend} = await loadTf();
  const post = await computePostExamples();
  const images: FilterOperand[] = post.images.map(({name, pixels}) => ({name, code: codeFor(name), values: pixels}));
  const filters: FilterOperand[] = post.filters.map(({name, kernel}) => ({name, code: codeFor(name), values: kernel}));
  const cases: FilterCase[] = [];
  for (const c of post.cases) {
    const image = images.find(i => i.name === c.image)!;
    const filter = filters.find(f => f.name === c.filter)!;
    const item: FilterCase = {
      image: c.image,
      filter: c.filter,
      products: await elementwiseProducts(image.values, filter.values),
      response: c.response,
    };
    if (c.postPrints !== undefined) item.postPrints = c.postPrints;
    cases.push(item);
  }
  return {
    schemaVersion: SCHEMA_VERSION,
    name: 'filter',
    backend,
    // No random draws: the post sets the images and filters by hand. 42 is the post's seed, kept for the header.
    seed: 42,
    keras: kerasSnippet(images, filters),
    images,
    filters,
    cases,
    notes: post.notes,
  };
}
