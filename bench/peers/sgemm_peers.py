#!/usr/bin/python3
"""sgemm peers: numpy (OpenBLAS) and torch.mm on the shapes of SgemmBench, in GFLOP/s.

Run with Debian's interpreter, /usr/bin/python3 (python3-numpy, python3-torch):
    /usr/bin/python3 bench/peers/sgemm_peers.py [--threads 2] [--runs 7] [SHAPE ...] > peers.json

Shapes use SgemmBench's names: "1024" is square, "MxKxN" is op(A) MxK times op(B) KxN, with tA or
tB when that operand is stored transposed. Each operand is stored as nabla's benchmark stores it
and handed to the library as a transposed view, so both libraries call sgemm with the transpose
flag rather than copying. Each figure is the median of --runs timings of a loop of about 0.1 s.
Prints one JSON object: {"numpy": {shape: GFLOP/s}, "torch": {...}, "config": blas.describe()}.
OpenBLAS's core type and threads are set by blas.py.
"""
import argparse
import json
import re
import sys
import time

import blas

np = torch = None  # loaded by main(), after OpenBLAS's settings are made

DEFAULT_SHAPES = ["128", "256", "512", "1024", "2048",
                  "32x784x100", "784x32x100tA", "32x100x784tB",
                  "32x100x784", "100x32x784tA", "32x784x100tB",
                  "32x1024x500", "1024x32x500tA", "32x500x1024tB"]


def parse(shape):
    if shape.isdigit():
        n = int(shape)
        return n, n, n, False, False
    match = re.fullmatch(r"(\d+)x(\d+)x(\d+)(tA|tB)?", shape)
    if not match:
        raise SystemExit(f"shape '{shape}' is neither N nor MxKxN with an optional tA or tB")
    m, k, n = (int(g) for g in match.group(1, 2, 3))
    return m, n, k, match.group(4) == "tA", match.group(4) == "tB"


def operands(shape):
    """A and B as stored (contiguous float32), their transpose flags, and the flop count."""
    m, n, k, trans_a, trans_b = parse(shape)
    rng = np.random.default_rng(42)
    a = rng.uniform(-1, 1, (k, m) if trans_a else (m, k)).astype(np.float32)
    b = rng.uniform(-1, 1, (n, k) if trans_b else (k, n)).astype(np.float32)
    return a, b, trans_a, trans_b, 2.0 * m * n * k


def op(x, trans):
    """op(x): a transposed view (no copy) when trans, numpy or torch alike."""
    return x.T if trans else x


def median_gflops(product, flops, runs):
    product()
    start = time.perf_counter()
    product()
    once = max(time.perf_counter() - start, 1e-7)
    reps = max(1, int(0.1 / once))
    rates = []
    for _ in range(runs):
        start = time.perf_counter()
        for _ in range(reps):
            product()
        rates.append(flops * reps / (time.perf_counter() - start) / 1e9)
    rates.sort()
    return rates[len(rates) // 2]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("shapes", nargs="*", default=DEFAULT_SHAPES)
    args = parser.parse_args()
    global np, torch
    np, torch = blas.load(args.threads)
    result = {"numpy": {}, "torch": {}, "config": blas.announce()}
    for shape in args.shapes:
        a, b, trans_a, trans_b, flops = operands(shape)
        na, nb = op(a, trans_a), op(b, trans_b)
        ta, tb = op(torch.from_numpy(a), trans_a), op(torch.from_numpy(b), trans_b)
        with torch.no_grad():
            result["numpy"][shape] = median_gflops(lambda: np.matmul(na, nb), flops, args.runs)
            result["torch"][shape] = median_gflops(lambda: torch.mm(ta, tb), flops, args.runs)
        print(f"{shape:>14}  numpy {result['numpy'][shape]:7.1f}  torch {result['torch'][shape]:7.1f} GFLOP/s",
              file=sys.stderr)
    json.dump(result, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
