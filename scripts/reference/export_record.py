"""Writes a dense activation record from a Keras model and an input, for

    npm run render -- dense --record OUT.json

so the dense animation draws your own trained network. Runs wherever TensorFlow 2
is installed (TF 2.2, as the post, or later):

    python3 scripts/reference/export_record.py model.h5 input.json out.json

MODEL is anything tf.keras.models.load_model reads (.h5 or a SavedModel folder).
INPUT is a JSON array of numbers (or [[...]], a batch of one). The model must be
Dense layers only, with relu, linear, sigmoid, tanh or softmax activations; the
renderer checks the sizes (at most 8 inputs, 8 units a layer and 4 layers) and
that the record's numbers agree with each other before it draws anything.
"""
import argparse
import json
import sys

# The record format the renderer reads: src/records/header.ts SCHEMA_VERSION and
# src/records/dense.ts. A test keeps this number equal to the TypeScript one.
SCHEMA_VERSION = 1
ACTIVATIONS = ('relu', 'linear', 'sigmoid', 'tanh', 'softmax')


def fail(message):
    print(f'export_record: {message}', file=sys.stderr)
    sys.exit(2)


def main():
    parser = argparse.ArgumentParser(description='Write a dense activation record from a Keras model.')
    parser.add_argument('model', help='a Keras model file (.h5) or SavedModel folder')
    parser.add_argument('input', help='a JSON file holding the input vector')
    parser.add_argument('out', help='where to write the record (JSON)')
    args = parser.parse_args()

    import numpy as np
    import tensorflow as tf
    from tensorflow.keras.layers import Dense, InputLayer

    try:
        with open(args.input) as f:
            x = np.array(json.load(f), dtype='float32').reshape(1, -1)
    except (OSError, ValueError) as error:
        fail(f'{args.input}: cannot read the input ({error}); give a JSON array of numbers')
    model = tf.keras.models.load_model(args.model, compile=False)

    layers = []
    h = x
    for layer in model.layers:
        if isinstance(layer, InputLayer):
            continue
        if not isinstance(layer, Dense):
            fail(f'layer "{layer.name}" is a {type(layer).__name__}; the dense animation draws Dense layers only')
        activation = layer.get_config()['activation']
        if activation not in ACTIVATIONS:
            fail(f'layer "{layer.name}" uses activation "{activation}"; the dense animation draws {", ".join(ACTIVATIONS)}')
        weights = layer.get_weights()
        kernel = weights[0]
        bias = weights[1] if len(weights) > 1 else np.zeros(kernel.shape[1], dtype='float32')
        z = h @ kernel + bias
        out = layer(h).numpy()
        layers.append({
            'units': int(kernel.shape[1]),
            'activation': activation,
            'kernel': kernel.tolist(),
            'bias': bias.tolist(),
            'preActivation': z.tolist(),
            'output': out.tolist(),
        })
        h = out
    if not layers:
        fail('the model has no Dense layer')

    record = {
        'schemaVersion': SCHEMA_VERSION,
        'name': 'dense',
        'backend': f'keras (TensorFlow {tf.__version__})',
        # Trained weights: no seed made them.
        'seed': 0,
        'input': x.tolist(),
        'layers': layers,
        'keras': '\n'.join([
            'import numpy as np',
            'import tensorflow as tf',
            f'mdl = tf.keras.models.load_model({args.model!r}, compile=False)',
            f'x = np.array({x.tolist()!r}, dtype="float32")',
            'h = x',
            'for layer in mdl.layers:',
            '    h = layer(h)',
            '    print(layer.name, h.numpy())',
        ]),
    }
    with open(args.out, 'w') as f:
        json.dump(record, f, indent=1)
        f.write('\n')
    print(f'wrote {args.out}: {len(layers)} Dense layers, input of {x.shape[1]}')


if __name__ == '__main__':
    main()
