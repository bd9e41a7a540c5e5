/** Python source for the Keras snippets each record carries: numbers as numpy literals. */

/** A float32 numpy array literal of a matrix, exactly as the record holds it. */
export const py = (value: readonly (readonly number[])[]): string => `np.array(${JSON.stringify(value)}, dtype='float32')`;
