/** The suite's own configurations per animation (seed and config file contents): the equation and figure-rule tests hold them to the rules. */
import type {AnimationName} from '../../src/animations/registry';
import {NINE_BY_NINE, THREE_FILTERS} from './convConfigs';

/** A 6×6 image of a soft blob, for stride, padding and dilation. */
export const BLOB_IMAGE = [
  [0, 1, 2, 1, 0, 0],
  [1, 3, 4, 3, 1, 0],
  [2, 4, 6, 4, 2, 1],
  [1, 3, 4, 3, 1, 0],
  [0, 1, 2, 1, 0, 0],
  [0, 0, 1, 0, 0, 0],
];
/** A horizontal edge detector: its sums run from −6 to 6, within what a cell prints. */
export const EDGE_KERNEL = [
  [0, 1, 0],
  [1, 0, -1],
  [0, 0, 0],
];
const cross = [
  [0, 1, 0],
  [1, 1, 1],
  [0, 1, 0],
];
export const CUSTOM_CONFIGS: {[K in AnimationName]?: [number, object][]} = {
  dense: [
    [7, {}],
    [
      42,
      {
        dense: {
          input: [0.1, 0.5, 0.9],
          layers: [
            {units: 4, activation: 'sigmoid'},
            {units: 2, activation: 'linear'},
          ],
        },
      },
    ],
    [
      42,
      {
        dense: {
          input: [0.5, 0.5, 0.6],
          layers: [
            {units: 4, activation: 'relu'},
            {units: 2, activation: 'softmax'},
          ],
        },
      },
    ],
  ],
  neuron: [[7, {}]],
  'activation-functions': [[7, {}]],
  conv: [
    [42, {conv: {image: cross, filters: {cross}, stride: 1, padding: 'same'}}],
    [
      42,
      {
        conv: {
          image: NINE_BY_NINE,
          filters: THREE_FILTERS,
          stride: 2,
        },
      },
    ],
  ],
  stride: [[42, {stride: {image: BLOB_IMAGE, kernel: EDGE_KERNEL, stride: 3}}]],
  padding: [[42, {padding: {image: BLOB_IMAGE, kernel: EDGE_KERNEL}}]],
  dilation: [[42, {dilation: {image: BLOB_IMAGE, kernel: EDGE_KERNEL}}]],
  volume: [[7, {}]],
  attention: [
    [
      42,
      {
        attention: {
          query: [1, 0],
          keys: [
            [1, 0],
            [0, 1],
            [1, 1],
          ],
          values: [[1], [2], [3]],
        },
      },
    ],
  ],
};
