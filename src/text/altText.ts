/**
 * Alt text and descriptions for the five animations, written from the activation
 * records so the numbers a reader hears are the numbers the animation shows.
 * Pure: no I/O; numbers go through scenes/format.ts like everything drawn on screen.
 */
import {formatValue, formatVector} from '../../scenes/format';
import type {ActivationRecords, AnimationName} from '../records';
import type {AttentionRecord} from '../records/attention';
import type {ConvFilterRecord, ConvRecord} from '../records/conv';
import type {DenseRecord} from '../records/dense';
import type {RecurrRecord} from '../records/recurr';
import type {Seq2seqRecord} from '../records/seq2seq';

/** Alt text must fit in one breath of a screen reader (and in most CMS alt fields). */
export const ALT_TEXT_MAX = 250;

/** A heading for each animation, as the post names the layers. */
export const TITLES: {[K in AnimationName]: string} = {
  dense: 'Fully connected layer',
  conv: '2D convolution layer',
  recurr: 'LSTM layer',
  seq2seq: 'Sequence to sequence (LSTM encoder–decoder)',
  attention: 'Attention layer',
};

/** One sentence, at most ALT_TEXT_MAX characters, with the record's real numbers. */
export function altText<K extends AnimationName>(name: K, record: ActivationRecords[K]): string {
  const text = ALT[name](record as never);
  if (text.length > ALT_TEXT_MAX) {
    throw new Error(`altText(${name}): ${text.length} characters, over the ${ALT_TEXT_MAX}-character limit: ${text}`);
  }
  return text;
}

/** One paragraph that says what the animation shows, step by step, with its numbers. */
export function describe<K extends AnimationName>(name: K, record: ActivationRecords[K]): string {
  return DESCRIBE[name](record as never);
}

const ALT: {[K in AnimationName]: (record: ActivationRecords[K]) => string} = {
  dense: r => {
    const {inputs, hidden, outputs} = denseShape(r);
    return `A fully connected layer with ${inputs} inputs, ${hidden} and ${plural(outputs.length, 'output')}; for this input the outputs are ${list(outputs.map(v => formatValue(v)))}.`;
  },
  conv: r => {
    const size = `${r.image.length}×${r.image[0].length}`;
    const best = strongestFilter(r);
    const others = r.filters.filter(f => f !== best);
    const rest = others.map(f => `${f.name} (${kernelShape(f)}) peaks at ${formatValue(peak(f))}`);
    return (
      `${kernelSizes(r)} slide over a ${size} image of a diagonal line; ${best.name} (${kernelShape(best)}) gives its peak ${formatValue(peak(best))} ` +
      `${peakPlace(best)} of its ${mapSize(best)} feature map${rest.length ? `, while ${list(rest)}` : ''}.`
    );
  },
  recurr: r => {
    const h = r.steps[r.steps.length - 1].h;
    return (
      `An LSTM with ${plural(r.units, 'unit')} reads ${plural(r.steps.length, 'timestep')} of the sequence scaled by ${formatValue(r.inputScale, 4)}, ` +
      `updating its gates and cell state; its final hidden state h is ${formatNumbers(h)}.`
    );
  },
  seq2seq: r => {
    const steps = r.topK.map(top => `${tokenWord(top[0].token)} ${formatValue(top[0].p, 3)}`);
    return (
      `An LSTM encoder reads “${r.source.join(' ')}” into a ${r.context.h.length}-number context and the decoder writes “${r.predicted.join(' ')}”; ` +
      `top probability per step: ${steps.join(', ')}.`
    );
  },
  attention: r => {
    const weights = list(r.weights.map(w => formatValue(w)));
    return (
      `Attention scores the query ${formatVector(r.query)} against ${plural(r.keys.length, 'key')} (scores ${list(r.scores.map(s => formatValue(s)))}); ` +
      `softmax weights ${weights} blend the values into ${formatNumbers(r.output)}, where a hard lookup of the closest key returns ${formatVector(r.hardLookup.value)}.`
    );
  },
};

const DESCRIBE: {[K in AnimationName]: (record: ActivationRecords[K]) => string} = {
  dense: r => {
    const {inputs, hidden, outputs} = denseShape(r);
    const x = r.input[0];
    const firstHidden = r.layers[0];
    const zeroed = firstHidden.activation === 'relu' ? firstHidden.preActivation[0].filter(v => v <= 0).length : 0;
    const hiddenOut = firstHidden.output[0];
    return (
      `A small fully connected network: ${inputs} inputs feed ${hidden}, which feed ${plural(outputs.length, 'output')}. ` +
      `The input vector is ${formatNumbers(x)}. Each unit multiplies every input by its own weight, adds a bias and, in the hidden layer, ` +
      `passes the sum through a ReLU, which sets negative sums to zero` +
      (zeroed > 0 ? ` (here ${plural(zeroed, 'unit')} of ${firstHidden.units} ${zeroed === 1 ? 'is' : 'are'} switched off)` : '') +
      `. The hidden layer's outputs are ${formatNumbers(hiddenOut)}. ` +
      `Every hidden value then reaches every output unit, and the network's outputs are ${list(outputs.map(v => formatValue(v)))}. ` +
      `Every connection is a learned weight: the layer imposes no structure on its input.`
    );
  },
  conv: r => {
    const size = `${r.image.length}×${r.image[0].length}`;
    const parts = r.filters.map(
      f =>
        `Filter ${f.name} (${kernelShape(f)}) produces a ${mapSize(f)} feature map whose largest response is ${formatValue(peak(f))} ${peakPlace(f)}` +
        `; ${count(f, v => v === 0)} of its ${f.featureMap.length * f.featureMap[0].length} positions are zero.`,
    );
    const best = strongestFilter(r);
    return (
      `A ${size} grayscale image holds a diagonal line of ones. ${kernelSizes(r)} slide over it with stride ${r.stride} and ${r.padding} padding; ` +
      `at each position the window of pixels is multiplied elementwise by the filter and the products are summed into one value of the feature map. ` +
      `${parts.join(' ')} The filter that matches the pattern, ${best.name}, answers most strongly: the same small filter finds the line wherever it is, ` +
      `which is the convolution's inductive bias.`
    );
  },
  recurr: r => {
    const last = r.steps[r.steps.length - 1];
    const raw = r.rawInput.map(row => formatVector(row)).join(', ');
    return (
      `An LSTM layer with ${plural(r.units, 'unit')} reads the sequence ${raw} one timestep at a time, ${plural(r.steps.length, 'timestep')} in all, ` +
      `after scaling it by ${formatValue(r.inputScale, 4)} so the gates do not saturate. At each step the input gate, forget gate, candidate values and output gate ` +
      `are computed from the current input and the previous hidden state; the cell state keeps f·c + i·g and the hidden state is o·tanh(c). ` +
      `After the last step the cell state c is ${formatNumbers(last.c)} and the hidden state h, the layer's output, is ${formatNumbers(last.h)}. ` +
      `The same weights are used at every step: the layer's inductive bias is that order matters and the rule does not change over time.`
    );
  },
  seq2seq: r => {
    const steps = r.topK.map((top, t) => `after ${tokenName(r.decoder.inputs[t])} it picks ${tokenName(top[0].token)} with probability ${formatValue(top[0].p, 3)}`);
    return (
      `A sequence-to-sequence model built from two LSTMs translates German to English. The encoder reads “${r.source.join(' ')}” one token at a time ` +
      `(each token embedded as ${plural(r.model.embedding, 'number')}), and its final state, a fixed-length context of ${r.context.h.length} numbers, starts the decoder. ` +
      `The decoder then writes one token per step, each time feeding back the token it just chose: ${steps.join('; ')}. ` +
      `The translation is “${r.predicted.join(' ')}” (reference: “${r.target.join(' ')}”). ` +
      `The model was trained on ${r.training.pairs} sentence pairs for ${r.training.epochs} epochs.`
    );
  },
  attention: r => {
    const scores = r.keys.map((k, i) => `${formatVector(r.query)} · ${formatVector(k)} = ${formatValue(r.scores[i])}`).join(' and ');
    const blend = r.weights.map((w, i) => `${formatValue(w)} × ${formatVector(r.values[i])}`).join(' + ');
    return (
      `A Python dictionary needs the exact key: looking up “${r.dictionary.query}” returns ${formatValue(r.dictionary.result, 0)}. ` +
      `Attention is a soft lookup with vectors. The query ${formatVector(r.query)} matches none of the ${plural(r.keys.length, 'key')} exactly; ` +
      `taking the closest key alone would return ${formatVector(r.hardLookup.value)}. Instead the query is compared with every key by a dot product (${scores}), ` +
      `a softmax turns the scores into weights ${list(r.weights.map(w => formatValue(w)))} that sum to 1, and the output is the weighted sum of every value: ` +
      `${blend} = ${formatNumbers(r.output)}. No key is ignored.`
    );
  },
};

function denseShape(r: DenseRecord): {inputs: number; hidden: string; outputs: number[]} {
  const hiddenLayers = r.layers.slice(0, -1);
  const hidden = hiddenLayers.length
    ? list(hiddenLayers.map(l => `${l.units} ${l.activation === 'relu' ? 'ReLU' : 'linear'} ${l.units === 1 ? 'unit' : 'units'}`))
    : 'no hidden units';
  return {inputs: r.input[0].length, hidden, outputs: r.layers[r.layers.length - 1].output[0]};
}

function peak(f: ConvFilterRecord): number {
  return Math.max(...f.featureMap.flat());
}

function count(f: ConvFilterRecord, test: (v: number) => boolean): number {
  return f.featureMap.flat().filter(test).length;
}

function strongestFilter(r: ConvRecord): ConvFilterRecord {
  return r.filters.reduce((best, f) => (peak(f) > peak(best) ? f : best));
}

function mapSize(f: ConvFilterRecord): string {
  return `${f.featureMap.length}×${f.featureMap[0].length}`;
}

/** `Two 3×3 filters`. */
function kernelSizes(r: ConvRecord): string {
  const sizes = [...new Set(r.filters.map(f => `${f.kernel.length}×${f.kernel[0].length}`))].join('/');
  const n = r.filters.length;
  return `${NUMBER_WORDS[n] ?? n} ${sizes} ${n === 1 ? 'filter' : 'filters'}`;
}

const NUMBER_WORDS = ['No', 'One', 'Two', 'Three', 'Four', 'Five', 'Six'];

/** The kernel in words when it is one of the simple line detectors, else its size. */
function kernelShape(f: ConvFilterRecord): string {
  const k = f.kernel;
  const n = k.length;
  const is = (on: (r: number, c: number) => boolean) => k.every((row, r) => row.length === n && row.every((v, c) => v === (on(r, c) ? 1 : 0)));
  const mid = Math.floor(n / 2);
  if (n % 2 === 1 && is(r => r === mid)) return 'a horizontal line';
  if (n % 2 === 1 && is((_, c) => c === mid)) return 'a vertical line';
  if (is((r, c) => r === c)) return 'the diagonal';
  if (is((r, c) => r + c === n - 1)) return 'the anti-diagonal';
  return `a ${n}×${k[0].length} kernel`;
}

/** Where a feature map reaches its peak: along the diagonal, or how many positions. */
function peakPlace(f: ConvFilterRecord): string {
  const top = peak(f);
  const cells = f.featureMap.flatMap((row, r) => row.map((v, c) => ({r, c, v}))).filter(x => x.v === top);
  if (cells.length > 1 && cells.every(x => x.r === x.c) && cells.length === Math.min(f.featureMap.length, f.featureMap[0].length)) return 'all along the diagonal';
  return cells.length === 1 ? 'at one position' : `at ${cells.length} positions`;
}

/** Numbers in a list with fixed decimals: `[0.09, −0.09, 0.13]`. */
function formatNumbers(values: readonly number[], decimals = 2): string {
  return `[${values.map(v => formatValue(v, decimals)).join(', ')}]`;
}

/** Markup-like special tokens read badly aloud: `<end>` → `end`. */
function tokenWord(token: string): string {
  return token.replace(/^<(\w+)>$/, '$1');
}

/** `“am”`, or `the end token` for `<end>`. */
function tokenName(token: string): string {
  return /^<\w+>$/.test(token) ? `the ${tokenWord(token)} token` : `“${token}”`;
}

function plural(n: number, word: string): string {
  return `${n} ${n === 1 ? word : `${word}s`}`;
}

/** `a`, `a and b`, `a, b and c`. */
function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export type {AttentionRecord, ConvRecord, DenseRecord, RecurrRecord, Seq2seqRecord};
