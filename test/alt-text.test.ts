import {beforeAll, describe, expect, it} from 'vitest';
import {formatValue} from '../src/shared/format';
import {ensureAllRecords} from '../src/store/recordStore';
import {ANIMATIONS, type ActivationRecords} from '../src/animations/registry';
import {ALT_TEXT_MAX, altText, describe as describeAnimation} from '../src/animations/altText';
import {decimalsIn, formattedDecimals, isPrintedZero, recordNumbersIn} from './helpers/recordNumbers';

let records: ActivationRecords;

beforeAll(async () => {
  records = await ensureAllRecords();
});

const PLACEHOLDER = /undefined|NaN|null|\[object|Infinity|TODO|TBD|XXX|lorem|\$\{|\{\{|<name>|placeholder/i;

describe.each(ANIMATIONS)('%s', name => {
  it('alt text is one sentence of 40 to 250 characters', () => {
    const text = altText(name, records[name]);
    expect(text.length).toBeGreaterThanOrEqual(40);
    expect(text.length).toBeLessThanOrEqual(ALT_TEXT_MAX);
    expect(text).not.toMatch(/\n/);
    expect(text).toMatch(/^[A-Z].*\.$/);
    // One sentence: no full stop followed by a new capitalised sentence.
    expect(text.slice(0, -1)).not.toMatch(/\.\s+[A-Z]/);
  });

  it('alt text and description contain no placeholder text', () => {
    expect(altText(name, records[name])).not.toMatch(PLACEHOLDER);
    expect(describeAnimation(name, records[name])).not.toMatch(PLACEHOLDER);
  });

  it('alt text contains a number from its record, formatted as on screen', () => {
    const text = altText(name, records[name]);
    const found = recordNumbersIn(text, records[name]);
    expect(found, `no number of the ${name} record in: ${text}`).not.toEqual([]);
  });

  it('every decimal number in the alt text and description comes from the record', () => {
    const fromRecord = formattedDecimals(records[name]);
    for (const text of [altText(name, records[name]), describeAnimation(name, records[name])]) {
      const strangers = decimalsIn(text).filter(n => !fromRecord.has(n) && !isPrintedZero(n));
      expect(strangers, text).toEqual([]);
    }
  });

  it('description is one paragraph of 200 to 1500 characters, longer than the alt text', () => {
    const text = describeAnimation(name, records[name]);
    expect(text).not.toMatch(/\n/);
    expect(text.length).toBeGreaterThanOrEqual(200);
    expect(text.length).toBeLessThanOrEqual(1500);
    expect(text.length).toBeGreaterThan(altText(name, records[name]).length);
    expect(text).toMatch(/\.$/);
  });
});

describe('the key numbers', () => {
  it('dense: the input and unit counts and both outputs', () => {
    const r = records.dense;
    const outputs = r.layers[r.layers.length - 1].output[0];
    const text = altText('dense', r);
    expect(text).toContain(`${r.input[0].length} inputs`);
    expect(text).toContain(`${r.layers[0].units} ReLU units`);
    for (const v of outputs) expect(text).toContain(formatValue(v));
    expect(describeAnimation('dense', r)).toContain(formatValue(outputs[0]));
  });

  it('conv: image size, both filters, f2 peak on the diagonal and the feature map size', () => {
    const r = records.conv;
    const f2 = r.filters.find(f => f.name === 'f2')!;
    const peak = Math.max(...f2.featureMap.flat());
    const text = altText('conv', r);
    expect(text).toContain(`${r.image.length}×${r.image[0].length} image`);
    expect(text).toContain(`f2 (the diagonal) gives its peak ${formatValue(peak)} all along the diagonal`);
    expect(text).toContain(`${f2.featureMap.length}×${f2.featureMap[0].length} feature map`);
    expect(text).toContain('f1 (a horizontal line)');
  });

  it('recurr: timesteps, units, input scaling and the final hidden state', () => {
    const r = records.recurr;
    const h = r.steps[r.steps.length - 1].h;
    const text = altText('recurr', r);
    expect(text).toContain(`${r.steps.length} timesteps`);
    expect(text).toContain(`${r.units} units`);
    expect(text).toContain(formatValue(r.inputScale, 4));
    expect(text).toContain(`[${h.map(v => formatValue(v)).join(', ')}]`);
  });

  it('seq2seq: source and predicted tokens, context size and the top probability of every step', () => {
    const r = records.seq2seq;
    const text = altText('seq2seq', r);
    expect(text).toContain(r.source.join(' '));
    expect(text).toContain(r.predicted.join(' '));
    expect(text).toContain(`${r.context.h.length}-number context`);
    for (const top of r.topK) expect(text).toContain(formatValue(top[0].p, 3));
    // Markup-like tokens are spelt out for screen readers.
    expect(text).not.toMatch(/[<>]/);
  });

  it('attention: query, scores, weights, output and the hard lookup', () => {
    const r = records.attention;
    const text = altText('attention', r);
    for (const s of r.scores) expect(text).toContain(formatValue(s));
    expect(text).toContain(`softmax weights ${formatValue(r.weights[0])} and ${formatValue(r.weights[1])}`);
    expect(text).toContain(`[${formatValue(r.output[0])}]`);
    expect(text).toContain(`hard lookup of the closest key returns [${r.hardLookup.value.join(', ')}]`);
  });
});

describe('the texts follow the record', () => {
  it('dense: other outputs give other numbers', () => {
    const r = structuredClone(records.dense);
    r.layers[r.layers.length - 1].output[0] = [-1.234, 5.678];
    expect(altText('dense', r)).toContain('the outputs are \u22121.23 and 5.68');
  });

  it('attention: other weights give other numbers', () => {
    const r = structuredClone(records.attention);
    r.weights = [0.125, 0.875];
    r.output = [0.875];
    const text = altText('attention', r);
    expect(text).toContain('softmax weights 0.13 and 0.88');
    expect(text).toContain('[0.88]');
    expect(describeAnimation('attention', r)).toContain('0.13 × [0] + 0.88 × [1] = [0.88]');
  });

  it('conv: the strongest filter is named from the feature maps, not assumed', () => {
    const r = structuredClone(records.conv);
    r.filters[0].featureMap[2][2] = 7;
    expect(altText('conv', r)).toMatch(
      /^Two 3×3 filters slide over a 7×7 image of a diagonal line; f1 \(a horizontal line\) gives its peak 7\.00 at one position/,
    );
  });

  it('alt text over the length limit is an error that names the animation, not a silent cut', () => {
    const r = structuredClone(records.seq2seq);
    r.source = Array.from({length: 40}, (_, i) => `Wort${i}`);
    expect(() => altText('seq2seq', r)).toThrow(/altText\(seq2seq\): \d+ characters/);
  });
});
