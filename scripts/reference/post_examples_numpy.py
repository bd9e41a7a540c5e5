#!/usr/bin/env python3
"""Independent numpy reference for the post's four Keras examples (TF 2.2 semantics).

This is the tool that produced test/fixtures/post-examples-seed7.json,
test/fixtures/recurr-numpy.json and test/fixtures/volume-numpy.json:

    python3 scripts/reference/post_examples_numpy.py --seed 7 > test/fixtures/post-examples-seed7.json
    python3 scripts/reference/post_examples_numpy.py --recurr > test/fixtures/recurr-numpy.json
    python3 scripts/reference/post_examples_numpy.py --volume > test/fixtures/volume-numpy.json

(test/fixtures/volume-seed7-numpy.json holds some of `--volume --seed 7`'s keys.)

and, for records computed with other seeds and parameters (issue 18):

    python3 scripts/reference/post_examples_numpy.py --dense --seed 7 > test/fixtures/dense-seed7-numpy.json
    python3 scripts/reference/post_examples_numpy.py --dense --input '[0.1, 0.5, 0.9]' \
        --layers '[[4, "sigmoid"], [2, "linear"]]' > test/fixtures/dense-custom-numpy.json
    python3 scripts/reference/post_examples_numpy.py --recurr --seed 7 --units 2 \
        --sequence '[[1, 2], [2, 4], [3, 6]]' > test/fixtures/recurr-custom-numpy.json

It shares no code with the TypeScript: inputs come from numpy's own RandomState, op
seeds from Python's own `random.Random`, and Philox, Box-Muller, QR (LAPACK) and the
forward passes are written here from /work/shared/design/keras-fidelity.md. Developer
tool only; neither the project nor its tests run it.
"""
import argparse
import json
import math
import random

import numpy as np

MAXINT32 = 2**31 - 1
M0, M1 = 0xD2511F53, 0xCD9E8D57
W0, W1 = 0x9E3779B9, 0xBB67AE85
MASK = 0xFFFFFFFF


def philox_block(ctr, key):
    c0, c1, c2, c3 = ctr
    k0, k1 = key
    for rnd in range(10):
        if rnd:
            k0, k1 = (k0 + W0) & MASK, (k1 + W1) & MASK
        p0, p1 = M0 * c0, M1 * c2
        c0, c1, c2, c3 = ((p1 >> 32) ^ c1 ^ k0), p1 & MASK, ((p0 >> 32) ^ c3 ^ k1), p0 & MASK
    return [c0, c1, c2, c3]


def philox_stream(seed, seed2, n):
    key = [seed & MASK, seed >> 32]
    ctr = (seed2 << 64)  # 128-bit counter [0, 0, seed2 lo, seed2 hi] as one integer
    out = []
    while len(out) < n:
        words = [(ctr >> (32 * w)) & MASK for w in range(4)]
        out += philox_block(words, key)
        ctr = (ctr + 1) % (1 << 128)
    return np.array(out[:n], dtype=np.uint32)


def to_unit_float(x):
    return ((np.uint32(127 << 23) | (x & np.uint32(0x7FFFFF))).view(np.float32) - np.float32(1.0))


class Seeds:
    """tf.random.set_seed(n): global seed plus a Python Random for op seeds."""

    def __init__(self, n):
        self.n = n
        self.rng = random.Random(n)

    def kernel(self):
        op = self.rng.randint(0, MAXINT32)
        s, s2 = self.n % MAXINT32, op % MAXINT32
        return (0, MAXINT32) if (s, s2) == (0, 0) else (s, s2)


def uniform(seeds, shape, lo, hi):
    n = int(np.prod(shape))
    u = to_unit_float(philox_stream(*seeds.kernel(), n))
    lo, hi = np.float32(lo), np.float32(hi)
    return (u * (hi - lo) + lo).astype(np.float32).reshape(shape)


def normal(seeds, shape):
    n = int(np.prod(shape))
    raw = philox_stream(*seeds.kernel(), n + n % 2)
    u1 = np.maximum(to_unit_float(raw[0::2]), np.float32(1e-7))
    v1 = (2 * np.pi * to_unit_float(raw[1::2]).astype(np.float64)).astype(np.float32)
    r = np.sqrt(np.float32(-2) * np.log(u1))
    out = np.empty(n + n % 2, dtype=np.float32)
    out[0::2], out[1::2] = r * np.sin(v1), r * np.cos(v1)
    return out[:n].reshape(shape)


def glorot(seeds, shape):
    rf = int(np.prod(shape[:-2])) if len(shape) > 2 else 1
    fan_in, fan_out = shape[-2] * rf, shape[-1] * rf
    limit = math.sqrt(3.0 / max(1.0, (fan_in + fan_out) / 2.0))
    return uniform(seeds, shape, -limit, limit)


def orthogonal(seeds, shape):
    rows, cols = int(np.prod(shape[:-1])), shape[-1]
    a = normal(seeds, (max(rows, cols), min(rows, cols)))
    q, r = np.linalg.qr(a)
    q = q * np.sign(np.diag(r))
    if rows < cols:
        q = q.T
    return q.reshape(shape).astype(np.float32)


def dense(x, w, b=None):
    y = x @ w.astype(np.float64)
    return y if b is None else y + b


def softmax(z):
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def lstm(x, kernel, rec, bias, units):
    h = np.zeros((x.shape[0], units))
    c = np.zeros((x.shape[0], units))
    seq = []
    for t in range(x.shape[1]):
        z = x[:, t] @ kernel.astype(np.float64) + h @ rec.astype(np.float64) + bias
        i, f = sigmoid(z[:, :units]), sigmoid(z[:, units:2 * units])
        g, o = np.tanh(z[:, 2 * units:3 * units]), sigmoid(z[:, 3 * units:])
        c = f * c + i * g
        h = o * np.tanh(c)
        seq.append(h)
    return np.stack(seq, axis=1)


def run(seed):
    f32 = lambda a: a.astype(np.float32).astype(np.float64)  # inputs are fed to Keras as float32
    out = {"seed": seed}

    # Dense: Dense(8, relu) per pixel -> Flatten -> Dense(2)
    np.random.seed(seed)
    s = Seeds(seed)
    x = f32(np.random.rand(4, 32, 32, 3))
    k1, k2 = glorot(s, (3, 8)), glorot(s, (8192, 2))
    out["dense"] = dense(np.maximum(dense(x, k1), 0).reshape(4, -1), k2)

    # Conv2D(8, 3x3, relu) -> Flatten -> [unused Dense(8) still draws] -> Dense(2, softmax)
    np.random.seed(seed)
    s = Seeds(seed)
    x = f32(np.random.rand(4, 32, 32, 3))
    kc = glorot(s, (3, 3, 3, 8))
    glorot(s, (7200, 8))
    ko = glorot(s, (7200, 2))
    patches = np.lib.stride_tricks.sliding_window_view(x, (3, 3), axis=(1, 2))  # (4,30,30,3,3,3): c,kh,kw
    conv = np.maximum(np.einsum("bhwcij,ijco->bhwo", patches, kc.astype(np.float64)), 0)
    out["convLogits"] = dense(conv.reshape(4, -1), ko)
    out["conv"] = softmax(out["convLogits"])

    # LSTM(8) -> Dense(2); then re-seeded TF with the same x and return_sequences
    np.random.seed(seed)
    x = f32(np.random.rand(4, 3, 32))
    for key in ("lstm", "lstmSequences"):
        s = Seeds(seed)
        kernel, rec, bias = glorot(s, (32, 32)), orthogonal(s, (8, 32)), np.r_[np.zeros(8), np.ones(8), np.zeros(16)]
        kd = glorot(s, (8, 2))
        seq = dense(lstm(x, kernel, rec, bias, 8), kd)
        out[key] = seq[:, -1] if key == "lstm" else seq
    out["lstmRecurrentKernel"] = rec

    # Embedding(64, 8) -> Attention()([e, e]) -> GlobalAveragePooling1D -> Dense(3, softmax)
    np.random.seed(seed)
    s = Seeds(seed)
    emb, kd = uniform(s, (64, 8), -0.05, 0.05).astype(np.float64), glorot(s, (8, 3))

    def attention_model(tokens):
        e = emb[tokens]
        w = softmax(e @ e.transpose(0, 2, 1))
        return softmax(dense((w @ e).mean(axis=1), kd))

    out["attention"] = attention_model(np.random.randint(0, 64, 4 * 5).reshape(4, -1))
    out["attentionShort"] = attention_model(np.random.randint(0, 64, 4 * 3).reshape(4, -1))
    return {k: (v.tolist() if isinstance(v, np.ndarray) else v) for k, v in out.items()}


def dense_animation(seed=42, layers=((6, "relu"), (2, "linear")), given=None):
    """The dense animation's network: np.random.rand(1, 4) (or the given input) through Dense layers."""
    np.random.seed(seed)
    s = Seeds(seed)
    x = np.array([given], dtype=np.float32) if given is not None else np.random.rand(1, 4).astype(np.float32)
    h = x.astype(np.float64)
    act = {"relu": lambda z: np.maximum(z, 0), "linear": lambda z: z, "sigmoid": sigmoid, "tanh": np.tanh, "softmax": softmax}
    out = []
    fan_in = x.shape[1]
    for units, activation in layers:
        kernel = glorot(s, (fan_in, units))
        z = dense(h, kernel)
        h = act[activation](z)
        out.append({"kernel": kernel.tolist(), "preActivation": z.tolist(), "output": h.tolist()})
        fan_in = units
    return {"seed": seed, "input": x.tolist(), "layers": out}


def recurr(seed=42, units=3, scale=0.0125, sequence=None):
    """The recurr record's LSTM: the post's (1, 5, 2) sequence (or the given one) times `scale`, every step's gates."""
    if sequence is None:
        x = np.vstack([np.arange(0, 10, 2), np.arange(0, 100, 20)]).T.reshape(1, 5, 2)
    else:
        x = np.array([sequence], dtype=np.float64)
    x = (x * scale).astype(np.float32).astype(np.float64)[0]
    features = x.shape[1]
    s = Seeds(seed)
    kernel, rec = glorot(s, (features, 4 * units)), orthogonal(s, (units, 4 * units))
    bias = np.r_[np.zeros(units), np.ones(units), np.zeros(2 * units)]
    h, c, steps = np.zeros(units), np.zeros(units), []
    for xt in x:
        z = xt @ kernel.astype(np.float64) + h @ rec.astype(np.float64) + bias
        i, f = sigmoid(z[:units]), sigmoid(z[units:2 * units])
        g, o = np.tanh(z[2 * units:3 * units]), sigmoid(z[3 * units:])
        c = f * c + i * g
        h = o * np.tanh(c)
        steps.append({k: v.tolist() for k, v in dict(i=i, f=f, g=g, o=o, c=c, h=h).items()})
    return {"seed": seed, "units": units, "inputScale": scale, "kernel": kernel.tolist(),
            "recurrentKernel": rec.tolist(), "steps": steps}


def volume(seed=42, sample=0, window=(0, 27)):
    """The volume record: the conv example on x[sample], then conv2 = Conv2D(8, (3, 3), relu)
    added after its last layer line, so conv2's kernel is the fourth op-seeded draw. The filter
    followed: of the maps with both signs, the one with the most positive cells (ties: lower index)."""
    np.random.seed(seed)
    s = Seeds(seed)
    x = np.random.rand(4, 32, 32, 3).astype(np.float32).astype(np.float64)[sample]
    kc = glorot(s, (3, 3, 3, 8))
    glorot(s, (7200, 8))
    glorot(s, (7200, 2))
    k2 = glorot(s, (3, 3, 8, 8)).astype(np.float64)
    conv = lambda v, k: np.einsum("hwcij,ijco->hwo", np.lib.stride_tricks.sliding_window_view(v, (3, 3), axis=(0, 1)), k)
    maps = np.maximum(conv(x, kc.astype(np.float64)), 0)  # (30, 30, 8)
    every = conv(maps, k2)  # (28, 28, 8), zero bias
    positive = (every > 0).sum(axis=(0, 1))
    mixed = (positive > 0) & (positive < every[:, :, 0].size)
    filt = int(np.argmax(np.where(mixed, positive, -1)) if mixed.any() else np.argmax(positive))
    z = every[:, :, filt]
    r, c = window
    products = maps[r:r + 3, c:c + 3, :] * k2[:, :, :, filt]
    return {"seed": seed, "sample": sample, "window": [r, c], "filter": filt,
            "conv2Kernel": k2.tolist(), "probeValues": maps[r + 1, c + 1, :].tolist(),
            "partialSums": products.sum(axis=(0, 1)).tolist(), "total": float(products.sum()),
            "positiveCells": positive.tolist(), "nextPreActivation": z.tolist()}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--recurr", action="store_true", help="the recurr record's LSTM (seed 42) instead")
    parser.add_argument("--volume", action="store_true", help="the volume record's conv and conv2 (seed 42) instead")
    parser.add_argument("--dense", action="store_true", help="the dense animation's network for --seed instead")
    parser.add_argument("--layers", type=json.loads, help='with --dense: [[units, "activation"], ...]')
    parser.add_argument("--input", type=json.loads, help="with --dense: the input vector instead of np.random.rand(1, 4)")
    parser.add_argument("--units", type=int, help="with --recurr: the LSTM's units (default 3)")
    parser.add_argument("--sequence", type=json.loads, help="with --recurr: the sequence; its scale maps the largest value to 1")
    args = parser.parse_args()
    if args.dense:
        result = dense_animation(args.seed, [tuple(layer) for layer in args.layers] if args.layers else ((6, "relu"), (2, "linear")), args.input)
    elif args.recurr:
        largest = max(abs(v) for row in args.sequence for v in row) if args.sequence else None
        scale = (1 / largest if largest > 1 else 1.0) if largest is not None else 0.0125
        result = recurr(args.seed, args.units or 3, scale, args.sequence)
    elif args.volume:
        result = volume(args.seed)
    else:
        result = run(args.seed)
    print(json.dumps(result))
