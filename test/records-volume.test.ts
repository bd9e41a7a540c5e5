import {beforeAll, describe, expect, it} from 'vitest';
import {sheetGeometry} from '../scenes/components/heatmapLayout';
import {blockExposed} from '../scenes/components/stacking';
import {VOLUME_CELL, VOLUME_STEP, WINDOW_CLEARANCE} from '../scenes/volumeLayout';
import {NumpyRandom} from '../src/model/keras/numpy';
import {philoxUniform} from '../src/model/keras/philox';
import {kernelSeeds, TfGlobalSeed} from '../src/model/keras/tfSeed';
import {computePostRecords} from '../src/model/postExamples';
import {computeVolumeRecord, followedFilter} from '../src/animations/volume/model';
import {validateVolumeRecord, type VolumeRecord} from '../src/animations/volume/record';
import {expectAllClose, expectClose} from './helpers/close';
import {channelFirst, channelLast, conv2dValid, relu} from './reference/volume';
import numpyVolume from './fixtures/volume-numpy.json';

let record: VolumeRecord;
beforeAll(async () => {
  record = await computeVolumeRecord();
});

const flat = (v: unknown): number[] => (Array.isArray(v) ? v.flatMap(flat) : [v as number]);

describe('volume record: the post’s data and weights', () => {
  it('holds x[0] of np.random.rand(4, 32, 32, 3) after np.random.seed(42)', () => {
    expect(record.seed).toBe(42);
    expect(record.sample).toBe(0);
    expect(record.image[0][0][0]).toBe(0.3745401188473625);
    expect(flat(record.image)).toEqual(Array.from(new NumpyRandom(42).rand(4, 32, 32, 3).slice(0, 32 * 32 * 3)));
  });

  it('conv has the kernel and bias of the post’s example (post-conv), drawn first', async () => {
    const post = (await computePostRecords()).find(r => r.name === 'post-conv')!;
    expect(flat(record.conv.kernel)).toEqual(post.weights['conv2d/kernel'].values);
    expect(record.conv.bias).toEqual(post.weights['conv2d/bias'].values);
    expect(record.conv.draw).toEqual({generator: 'glorot_uniform', globalSeed: 42, opSeed: 478163327});
  });

  it('conv2’s kernel is the fourth op-seeded draw, glorot_uniform over 3×3×8×8 (limit √(6/144)), with zero bias', () => {
    const seeds = new TfGlobalSeed(42);
    const opSeeds = [1, 2, 3, 4].map(() => seeds.nextOpSeed());
    expect(record.conv2.draw).toEqual({generator: 'glorot_uniform', globalSeed: 42, opSeed: opSeeds[3]});
    const {seed, seed2} = kernelSeeds(42, opSeeds[3]);
    const limit = Math.fround(Math.sqrt(6 / (72 + 72)));
    const range = Math.fround(Math.fround(limit) - Math.fround(-limit));
    const expected = Array.from(philoxUniform(seed, seed2, 3 * 3 * 8 * 8), u => Math.fround(Math.fround(u * range) - limit));
    expect(flat(record.conv2.kernel)).toEqual(expected);
    expect(record.conv2.bias).toEqual(new Array(8).fill(0));
  });
});

describe('volume record against the independent numpy reference (scripts/reference, Python random + numpy Philox)', () => {
  it('is the same sample, window and filter', () => {
    expect([record.seed, record.sample, record.filter]).toEqual([numpyVolume.seed, numpyVolume.sample, numpyVolume.filter]);
    expect([record.window.row, record.window.col]).toEqual(numpyVolume.window);
  });

  it('follows filter 1: of the maps with both signs, the most positive cells (numpy counts [0, 737, 594, 784, 12, 784, 0, 316] of 784)', () => {
    const z = channelFirst(conv2dValid(channelLast(record.maps), record.conv2.kernel, record.conv2.bias));
    expect(z.map(m => m.flat().filter(v => v > 0).length)).toEqual(numpyVolume.positiveCells);
    expect(numpyVolume.positiveCells).toEqual([0, 737, 594, 784, 12, 784, 0, 316]);
    expect(record.filter).toBe(1);
  });

  it('draws the same conv2 kernel as the fourth op seed', () => {
    expectAllClose(record.conv2.kernel, numpyVolume.conv2Kernel, 'conv2.kernel', 1e-7);
  });

  it('gives the same probe values, partial sums, total and map before ReLU', () => {
    expectAllClose(record.probe.values, numpyVolume.probeValues, 'probe.values');
    expectAllClose(record.window.partialSums, numpyVolume.partialSums, 'window.partialSums');
    expectClose(record.window.total, numpyVolume.total, 'window.total');
    expectAllClose(record.nextPreActivation, numpyVolume.nextPreActivation, 'nextPreActivation');
  });
});

describe('volume record against a float64 reference', () => {
  it('the 8 feature maps are ReLU(conv(x[0])), 30×30 each', () => {
    const expected = channelFirst(relu(conv2dValid(record.image, record.conv.kernel, record.conv.bias)));
    expect(record.maps).toHaveLength(8);
    expectAllClose(record.maps, expected, 'maps');
  });

  it('conv2’s followed filter over the volume, before and after ReLU, 28×28', () => {
    const z = channelFirst(conv2dValid(channelLast(record.maps), record.conv2.kernel, record.conv2.bias))[record.filter];
    expectAllClose(record.nextPreActivation, z, 'nextPreActivation');
    expectAllClose(
      record.nextMap,
      z.map(row => row.map(v => Math.max(0, v))),
      'nextMap',
    );
  });

  it('the window’s 72 products are volume × filter, summed per sheet, plus bias, then ReLU', () => {
    const {row, col, products, partialSums, bias, total, output} = record.window;
    const f = record.filter;
    record.maps.forEach((map, s) => {
      const expected = [0, 1, 2].map(i => [0, 1, 2].map(j => map[row + i][col + j] * record.conv2.kernel[i][j][s][f]));
      expectAllClose(products[s], expected, `window.products[${s}]`);
      expectClose(
        partialSums[s],
        expected.flat().reduce((a, b) => a + b, 0),
        `window.partialSums[${s}]`,
      );
    });
    expect(flat(products)).toHaveLength(72);
    expect(bias).toBe(record.conv2.bias[f]);
    expectClose(
      total,
      partialSums.reduce((a, b) => a + b, bias),
      'window.total',
    );
    expectClose(total, record.nextPreActivation[row][col], 'window.total vs nextPreActivation');
    expect(output).toBe(Math.max(0, total));
    // The layer sums in its own order: the same float32 value up to rounding.
    expectClose(output, record.nextMap[row][col], 'window.output vs nextMap');
  });

  it('the probe is the window’s centre and holds every map’s value there', () => {
    expect([record.probe.row, record.probe.col]).toEqual([record.window.row + 1, record.window.col + 1]);
    expect(record.probe.values).toEqual(record.maps.map(m => m[record.probe.row][record.probe.col]));
  });

  it('recomputes to identical bytes', async () => {
    expect(JSON.stringify(await computeVolumeRecord())).toBe(JSON.stringify(record));
  });
});

describe('followedFilter', () => {
  const map = (...cells: number[]) => [cells];
  it('skips maps of one sign (ReLU would show all or nothing) and breaks ties by the lower index', () => {
    expect(followedFilter([map(1, 1, 1), map(-1, 1, 1), map(1, -1, 1), map(-1, -1, 1)])).toBe(1);
    expect(followedFilter([map(-1, -1), map(0, 0), map(-1, 2)])).toBe(2);
  });

  it('takes the most positive cells where no map has both signs', () => {
    expect(followedFilter([map(-1, -1), map(1, 1), map(0, -1)])).toBe(1);
    expect(followedFilter([map(-1, -1), map(-2, 0)])).toBe(0);
  });
});

describe('volume record and its scene', () => {
  it('the window shows on every sheet of the scene’s stack: the sheet in front leaves it uncovered', () => {
    const g = sheetGeometry(record.maps[0].length, record.maps[0][0].length, VOLUME_CELL);
    expect(blockExposed(g, record.window.row, record.window.col, 3, 3, VOLUME_STEP, WINDOW_CLEARANCE)).toBe(true);
  });
});

describe('volume record’s Keras snippet', () => {
  it('is the post’s conv example up to its last layer line, then conv2 with no re-seed', async () => {
    const post = (await computePostRecords()).find(r => r.name === 'post-conv')!.keras.split('\n');
    const lines = record.keras!.split('\n');
    const last = post.indexOf("out = Dense(2, activation='softmax')(flat)");
    expect(lines.slice(0, last + 1)).toEqual(post.slice(0, last + 1));
    const conv2 = lines.indexOf("conv2 = Conv2D(8, (3, 3), activation='relu')(conv)");
    expect(conv2).toBeGreaterThan(last);
    // Only comments between the post's last layer line and conv2, and no second seed anywhere.
    expect(lines.slice(last + 1, conv2).every(l => l.startsWith('#'))).toBe(true);
    expect(record.keras!.match(/set_seed/g)).toHaveLength(1);
  });

  it('prints every number the record holds', () => {
    for (const field of [
      'image',
      'conv.kernel',
      'conv.bias',
      'conv2.kernel',
      'conv2.bias',
      'maps[i]',
      'nextMap',
      'nextPreActivation',
      'probe.values',
      'window.products',
      'window.partialSums',
      'window.total',
      'window.output',
    ]) {
      const line = record.keras!.split('\n').find(l => l.includes(`# ${field}`) || l.includes(`, ${field}`));
      expect(line, field).toMatch(/print\(/);
    }
  });
});

describe('validateVolumeRecord', () => {
  const clone = () => JSON.parse(JSON.stringify(record));

  it('accepts the computed record', () => {
    expect(validateVolumeRecord(clone(), 'volume.json')).toEqual(record);
  });

  it('rejects a wrong schemaVersion or name, naming the field', () => {
    expect(() => validateVolumeRecord({...clone(), schemaVersion: 0}, 'volume.json')).toThrow(/volume\.json: schemaVersion/);
    expect(() => validateVolumeRecord({...clone(), name: 'conv'}, 'volume.json')).toThrow(/name: expected "volume"/);
  });

  it('rejects a feature map of the wrong shape, naming the field', () => {
    const bad = clone();
    bad.maps[3].pop();
    expect(() => validateVolumeRecord(bad, 'volume.json')).toThrow(/maps\[3\]: expected 30 entries, got 29/);
    const ragged = clone();
    ragged.maps[7][12] = [1, 2];
    expect(() => validateVolumeRecord(ragged, 'volume.json')).toThrow(/maps\[7\]\[12\]: expected 30 numbers, got 2/);
  });

  it('rejects a conv2 kernel that does not read 8 channels, and a non-number weight', () => {
    const bad = clone();
    bad.conv2.kernel = bad.conv2.kernel.map((r: number[][][]) => r.map(c => c.slice(0, 7)));
    expect(() => validateVolumeRecord(bad, 'volume.json')).toThrow(/conv2\.kernel: expected 8 input channels, got 7/);
    const nan = clone();
    nan.conv.kernel[1][2][0][5] = 'x';
    expect(() => validateVolumeRecord(nan, 'volume.json')).toThrow(/conv\.kernel\[1\]\[2\]\[0\]\[5\]: expected a finite number/);
  });

  it('rejects a window outside the maps, a short probe and a missing next map', () => {
    expect(() => validateVolumeRecord({...clone(), window: {...clone().window, col: 28}}, 'volume.json')).toThrow(
      /window\.col: expected an integer in \[0, 27\], got 28/,
    );
    const probe = clone();
    probe.probe.values.pop();
    expect(() => validateVolumeRecord(probe, 'volume.json')).toThrow(/probe\.values: expected 8 numbers, got 7/);
    const next = clone();
    delete next.nextMap;
    expect(() => validateVolumeRecord(next, 'volume.json')).toThrow(/nextMap: expected a non-empty array/);
  });
});
