#!/usr/bin/python3
"""PyTorch CPU peer for the convolution and LSTM benchmarks (forward + backward).

Usage: torch_conv_lstm.py [threads, default 2] [--min-time SECONDS, default 3.5 per shape].
OpenBLAS's core type and threads are set by blas.py.
Prints one JSON object per line: first blas.describe(), then {"bench": ..., "shape": ..., "ms":
median milliseconds per forward+backward}, with the benchmark class and shape parameter of the
matching JMH benchmark in dev.nabla.bench.conv (ConvBench, ConvTransposeBench, ResamplingBench,
LstmBench).
"""
import argparse
import json
import statistics
import time

import blas

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("threads", nargs="?", type=int, default=2)
parser.add_argument("--min-time", type=float, default=3.5)
ARGS = parser.parse_args()
_, torch = blas.load(ARGS.threads)
F = torch.nn.functional
torch.manual_seed(0)

BATCH = 32
# (shape, H, W, C_in, C_out): 3×3 kernels, stride 1, 'same' padding, NCHW as PyTorch prefers.
CONV = [("28x28x1-16", 28, 28, 1, 16), ("14x14x16-32", 14, 14, 16, 32), ("7x7x32-64", 7, 7, 32, 64),
        ("32x32x3-32", 32, 32, 3, 32), ("16x16x32-32", 16, 16, 32, 32), ("28x28x16-1", 28, 28, 16, 1),
        ("32x32x32-3", 32, 32, 32, 3)]
# (shape, H, W, C_in, C_out, padding, output_padding): the HOML decoder's 3×3 stride-2 transposed convolutions.
# 'same' is computed as padding=1, output_padding=1: the same size and work, shifted by one pixel from TF's.
DECONV = [("3x3x64-32-valid", 3, 3, 64, 32, 0, 0), ("7x7x32-16-same", 7, 7, 32, 16, 1, 1),
          ("14x14x16-1-same", 14, 14, 16, 1, 1, 1)]
# (shape, op, H, W, C): 2×2 max pooling, stride 2, no padding; 2×2 nearest-neighbour upsampling.
RESAMPLE = [("max-28x28x16", "max", 28, 28, 16), ("max-14x14x32", "max", 14, 14, 32), ("max-7x7x64", "max", 7, 7, 64),
            ("max-32x32x32", "max", 32, 32, 32), ("up-16x16x32", "up", 16, 16, 32)]


def median_ms(step, repeats=7):
    min_time = ARGS.min_time
    for _ in range(3):
        step()
    # iterations per sample: about min_time / repeats seconds each
    t0 = time.perf_counter()
    step()
    one = max(time.perf_counter() - t0, 1e-6)
    n = max(1, int(min_time / repeats / one))
    samples = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        for _ in range(n):
            step()
        samples.append((time.perf_counter() - t0) / n * 1e3)
    return statistics.median(samples)


def conv_step(h, w, cin, cout):
    x = torch.randn(BATCH, cin, h, w, requires_grad=True)
    k = torch.randn(cout, cin, 3, 3, requires_grad=True)
    b = torch.randn(cout, requires_grad=True)
    g = torch.randn(BATCH, cout, h, w)

    def step():
        x.grad = k.grad = b.grad = None
        F.conv2d(x, k, b, padding=1).backward(g)
    return step


def deconv_step(h, w, cin, cout, pad, out_pad):
    x = torch.randn(BATCH, cin, h, w, requires_grad=True)
    k = torch.randn(cin, cout, 3, 3, requires_grad=True)
    b = torch.randn(cout, requires_grad=True)
    y = F.conv_transpose2d(x, k, b, stride=2, padding=pad, output_padding=out_pad)
    g = torch.randn_like(y)

    def step():
        x.grad = k.grad = b.grad = None
        F.conv_transpose2d(x, k, b, stride=2, padding=pad, output_padding=out_pad).backward(g)
    return step


def resample_step(op, h, w, c):
    x = torch.randn(BATCH, c, h, w, requires_grad=True)
    forward = (lambda: F.max_pool2d(x, 2)) if op == "max" else (lambda: F.interpolate(x, scale_factor=2, mode="nearest"))
    g = torch.randn_like(forward())

    def step():
        x.grad = None
        forward().backward(g)
    return step


def lstm_step(steps=28, features=28, units=100):
    lstm = torch.nn.LSTM(features, units, batch_first=True)
    x = torch.randn(BATCH, steps, features, requires_grad=True)
    g = torch.randn(BATCH, steps, units)

    def step():
        x.grad = None
        lstm.zero_grad(set_to_none=True)
        out, _ = lstm(x)
        out.backward(g)
    return step


def report(bench, shape, step):
    print(json.dumps({"bench": bench, "shape": shape, "ms": median_ms(step)}), flush=True)


def main():
    print(json.dumps(blas.announce()), flush=True)
    for name, *shape in CONV:
        report("ConvBench", name, conv_step(*shape))
    for name, *shape in DECONV:
        report("ConvTransposeBench", name, deconv_step(*shape))
    for name, *shape in RESAMPLE:
        report("ResamplingBench", name, resample_step(*shape))
    report("LstmBench", "32x28x28-100", lstm_step())


if __name__ == "__main__":
    main()
