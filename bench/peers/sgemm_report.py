#!/usr/bin/python3
"""Writes the sgemm tables (one per thread count) of bench/RESULTS.md from a JMH JSON result and
the peers' JSON outputs, as the block "sgemm" of this machine's section (machine.py); other
machines' sections and the notes beside the block are kept. Used by bench/run-sgemm.sh.
"""
import json
import re
import statistics

import machine

HEADER = "# Benchmark results\n\nOne section per machine; bench/run-sgemm.sh writes its own machine's.\n"


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
    """{(threads, shape): GFLOP/s}, from the median over the measurement iterations of each
    benchmark's µs per product (threads 1 where the benchmark has no such parameter)."""
    rates = {}
    for run in json.load(open(path)):
        shape = run["params"]["shape"]
        threads = int(run["params"].get("threads", 1))
        assert run["primaryMetric"]["scoreUnit"] == "us/op", run["primaryMetric"]["scoreUnit"]
        times = [t for fork in run["primaryMetric"]["rawData"] for t in fork]
        rates[threads, shape] = flops(shape) / (statistics.median(times) * 1e3)
    return rates


def cell(x):
    return "" if x is None else f"{x:.1f}"


def ratio(x, y):
    return "" if x is None or not y else f"{x / y:.2f}"


def main():
    p = machine.report_parser("nabla", "naive")
    p.add_argument("--peers", nargs="+", required=True, help="sgemm_peers.py outputs, any thread counts")
    args = p.parse_args()

    nabla, naive = jmh_gflops(args.nabla), jmh_gflops(args.naive)
    peers = [json.load(open(f)) for f in args.peers]

    def peer(lib, threads, shape):
        values = [run[lib][shape] for run in peers
                  if run["config"]["openblas"]["threads"] == threads and shape in run[lib]]
        return statistics.mean(values) if values else None

    lines = [machine.report_head(args, peers[0]["config"]),
             "- nabla, naive: JMH, median of the measurement iterations (SgemmBench, NaiveSgemmBench; "
             "the naive triple loop on 1 thread). Peers: numpy and torch.mm, median of 7 timed loops "
             "of about 0.1 s, run before and after JMH; the figure is the mean of the two.",
             "- GFLOP/s = 2·m·n·k / time. Ratios above 1 mean nabla is faster."]
    for threads in sorted({t for t, _ in nabla}):
        lines += ["", f"{'#' * 3} {threads} thread{'s' if threads != 1 else ''}", "",
                  "| shape | product | nabla GFLOP/s | naive | numpy/OpenBLAS | torch.mm | nabla/OpenBLAS | nabla/torch |",
                  "|---|---|---:|---:|---:|---:|---:|---:|"]
        for (t, shape), rate in nabla.items():
            if t != threads:
                continue
            blas, torch = peer("numpy", threads, shape), peer("torch", threads, shape)
            naive_rate = next((r for (_, s), r in naive.items() if s == shape), None)
            lines.append(f"| `{shape}` | {describe(shape)} | {cell(rate)} | {cell(naive_rate)} | "
                         f"{cell(blas)} | {cell(torch)} | {ratio(rate, blas)} | {ratio(rate, torch)} |")
    label = machine.write_block(args.results, "sgemm", "\n".join(lines), HEADER)
    print(f"wrote the sgemm table of '{label}' in {args.results}")


if __name__ == "__main__":
    main()
