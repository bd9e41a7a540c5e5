/**
 * Every equation line each figure can draw, built from its record by the same functions
 * the scenes call: every unit, window and key the record holds, a superset of the stops
 * a scene shows. A figure that draws no arithmetic says why.
 */
import type {ActivationRecords, AnimationName} from '../../src/animations/registry';
import type {ConvSettingRecord} from '../../src/records/convSetting';
import {sumDecimals, sumLines} from '../../scenes/convSumLines';
import {denseReluLine, denseSoftmaxLine, denseSumLine} from '../../scenes/denseLines';
import {
  attentionOutputLine,
  attentionScoreLine,
  convPadLine,
  convSizeLine,
  filterSumLine,
  softmaxSumLine,
  volumeSumColumn,
  VOLUME_SUM_DECIMALS,
  windowSumLine,
} from '../../scenes/figureLines';
import {neuronReluLine, neuronSumLine} from '../../scenes/neuronLines';
import {recurrLines} from '../../scenes/recurrLines';

type Lines<K extends AnimationName> = ((record: ActivationRecords[K]) => string[]) | {none: string};

const convSetting = (r: ConvSettingRecord): string[] =>
  r.runs.flatMap(run => [
    convSizeLine(r.image.length, r.kernel.length, run),
    ...(run.padding === 'same' ? [convPadLine(r.image.length, r.kernel.length, run)] : []),
    ...run.output.flatMap((row, i) => row.map((value, j) => windowSumLine(run.products[i][j].flat(), value))),
  ]);

export const EQUATION_LINES: {[K in AnimationName]?: Lines<K>} = {
  neuron: r => r.units.flatMap(u => [neuronSumLine(u), neuronReluLine(u)]),
  dense: r =>
    r.layers.flatMap((layer, l) => {
      const inputs = l === 0 ? r.input[0] : r.layers[l - 1].output[0];
      const sums = layer.preActivation[0].map((_, j) => denseSumLine(inputs, layer, j));
      if (layer.activation === 'softmax') return [...sums, denseSoftmaxLine(layer.output[0])];
      if (layer.activation !== 'relu') return sums;
      return [...sums, ...layer.preActivation[0].map((z, j) => denseReluLine('h', z, layer.output[0][j]))];
    }),
  'activation-functions': r => [softmaxSumLine(r.softmax)],
  conv: r =>
    r.filters.flatMap(f =>
      f.featureMap.flatMap((row, i) => row.map((_, j) => sumLines(f, i, j, sumDecimals(r)).filter(Boolean).join('\n'))),
    ),
  stride: convSetting,
  padding: convSetting,
  dilation: convSetting,
  filter: r => r.cases.map(filterSumLine),
  volume: r => [volumeSumColumn(r.window, VOLUME_SUM_DECIMALS).equation],
  attention: r => [...r.keys.map((_, i) => attentionScoreLine(r, i)), attentionOutputLine(r)],
  head: {none: 'matrices as colours and values in cells: no equation line'},
  scoring: {none: 'scores in cells and a symbolic tanh(W₁q + W₂kⱼ): no arithmetic line'},
  recurr: r => recurrLines(r.steps),
  seq2seq: {none: 'tokens and arrows: no arithmetic'},
  alignment: {none: 'a weight matrix: no arithmetic line'},
};
