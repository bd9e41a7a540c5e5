/** Python source for the Keras snippets each record carries: numbers as numpy literals. */

/** A float32 numpy array literal of a matrix, exactly as the record holds it. */
export const py = (value: readonly (readonly number[])[]): string => `np.array(${JSON.stringify(value)}, dtype='float32')`;

/** The lines a Conv2D snippet opens with: the imports, then `img`, the image (`literal`, by default py(image)) as one `(1, h, w, 1)` sample. */
export function conv2dSnippetHead(image: readonly (readonly number[])[], literal: string = py(image)): string[] {
  return [
    'import numpy as np',
    'import tensorflow as tf',
    'from tensorflow.keras import Input, Model',
    'from tensorflow.keras.layers import Conv2D',
    '',
    `img = ${literal}.reshape(1, ${image.length}, ${image[0].length}, 1)`,
  ];
}
