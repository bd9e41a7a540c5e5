/** The suite's custom conv configuration of three filters over a 9×9 image, shared by the record and equation tests. */

/** A 9×9 image of diagonals and a middle row. */
export const NINE_BY_NINE = Array.from({length: 9}, (_, r) => Array.from({length: 9}, (_, c) => ((r + c) % 4 === 0 || r === 4 ? 1 : 0)));

/** A row detector, a column detector and a Sobel edge filter, by name. */
export const THREE_FILTERS = {
  row: [
    [0, 0, 0],
    [1, 1, 1],
    [0, 0, 0],
  ],
  col: [
    [0, 1, 0],
    [0, 1, 0],
    [0, 1, 0],
  ],
  edge: [
    [-1, 0, 1],
    [-2, 0, 2],
    [-1, 0, 1],
  ],
};
