#!/usr/bin/python3
"""Writes the sgemm table of bench/RESULTS.md from a JMH JSON result and the peers' JSON.

The table goes between the markers <!-- sgemm:start --> and <!-- sgemm:end -->; the rest of
RESULTS.md (notes, other benchmarks) is kept. Used by bench/run-sgemm.sh.
"""
import argparse
import datetime
import json
import re
import statistics

START, END = "<!-- sgemm:start -->", "<!-- sgemm:end -->"


def flops(shape):
    if shape.isdigit():
        return 2.0 * int(shape) ** 3
    m, k, n = (int(g) for g in re.match(r"(\d+)x(\d+)x(\d+)", shape).groups())
    return 2.0 * m * n * k


def describe(shape):
    """The product as op(A) · op(B) with stored shapes: 784x32x100tA → (32×784)ᵀ · 32×100."""
    if shape.isdigit():
        return f"{shape}×{shape} · {shape}×{shape}"
    m, k, n, t = re.fullmatch(r"(\d+)x(\d+)x(\d+)(tA|tB)?", shape).groups()
    a = f"({k}×{m})ᵀ" if t == "tA" else f"{m}×{k}"
    b = f"({n}×{k})ᵀ" if t == "tB" else f"{k}×{n}"
    return f"{a} · {b}"


def jmh_gflops(path):
    """Median over the measurement iterations of each benchmark's µs per product, as GFLOP/s."""
    rates = {}
    for run in json.load(open(path)):
        shape = run["params"]["shape"]
        assert run["primaryMetric"]["scoreUnit"] == "us/op", run["primaryMetric"]["scoreUnit"]
        times = [t for fork in run["primaryMetric"]["rawData"] for t in fork]
        rates[shape] = flops(shape) / (statistics.median(times) * 1e3)
    return rates


def cell(x):
    return "" if x is None else f"{x:.1f}"


def ratio(x, y):
    return "" if x is None or not y else f"{x / y:.2f}"


def main():
    p = argparse.ArgumentParser()
    for name in ("results", "threads", "nabla", "naive", "jdk", "cpu", "load", "command"):
        p.add_argument("--" + name, required=True)
    p.add_argument("--peers", nargs="+", required=True)
    args = p.parse_args()

    nabla, naive = jmh_gflops(args.nabla), jmh_gflops(args.naive)
    peers = [json.load(open(f)) for f in args.peers]
    config = peers[0]["config"]

    def peer(lib, shape):
        values = [run[lib][shape] for run in peers if shape in run[lib]]
        return statistics.mean(values) if values else None

    lines = [START, "",
             f"Measured {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC with `{args.command}`.",
             "",
             f"- CPU: {args.cpu}; a shared virtual machine, load average {args.load}.",
             f"- JDK: {args.jdk}. nabla threads: {args.threads}; naive triple loop: 1 thread.",
             f"- numpy {config['numpy']} on OpenBLAS (OPENBLAS_CORETYPE={config['OPENBLAS_CORETYPE']}, "
             f"OPENBLAS_NUM_THREADS={config['OPENBLAS_NUM_THREADS']}); torch {config['torch']} "
             f"(set_num_threads({config['torch_threads']})).",
             "- nabla, naive: JMH, median of 7 one-second iterations after 4 of warm-up (2 and 5 for naive). "
             "Peers: median of 7 timed loops of about 0.1 s, run before and after JMH; the figure is the mean of the two.",
             "- GFLOP/s = 2·m·n·k / time. Ratios above 1 mean nabla is faster.",
             "",
             "| shape | product | nabla GFLOP/s | naive | numpy/OpenBLAS | torch.mm | nabla/OpenBLAS | nabla/torch |",
             "|---|---|---:|---:|---:|---:|---:|---:|"]
    for shape, rate in nabla.items():
        blas, torch = peer("numpy", shape), peer("torch", shape)
        lines.append(f"| `{shape}` | {describe(shape)} | {cell(rate)} | {cell(naive.get(shape))} | "
                     f"{cell(blas)} | {cell(torch)} | {ratio(rate, blas)} | {ratio(rate, torch)} |")
    lines += ["", END]
    table = "\n".join(lines)

    try:
        text = open(args.results).read()
    except FileNotFoundError:
        text = "# Benchmark results\n\n## sgemm\n\n" + START + "\n" + END + "\n"
    if START in text and END in text:
        text = text[:text.index(START)] + table + text[text.index(END) + len(END):]
    else:
        text = text.rstrip("\n") + "\n\n## sgemm\n\n" + table + "\n"
    open(args.results, "w").write(text)


if __name__ == "__main__":
    main()
