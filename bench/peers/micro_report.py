#!/usr/bin/python3
"""Writes the table of the kernel-thread and element-wise micro-benchmarks (JMH HandOffBench,
TranscendentalBench) as the block "micro" of this machine's section of bench/RESULTS.md
(machine.py): each nabla kernel beside its reference, measured in the same run.
Used by bench/run-micro.sh:
    micro_report.py --results FILE --jmh JSON --machine-info FILE --load-before L --load-after L --command CMD
"""
import json

import machine
from sgemm_report import HEADER

# (class, nabla's method, the reference's method, what it measures, what the reference is)
PAIRS = [
    ("HandOffBench", "nabla", "threadPoolExecutor", "hand-off of two tasks to two threads",
     "`ThreadPoolExecutor` + `Future`"),
    ("TranscendentalBench", "expVectorMath", "expVectorApi", "exp of 32×784 floats", "Vector API `EXP`"),
    ("TranscendentalBench", "logVectorMath", "logVectorApi", "log of 32×784 floats", "Vector API `LOG`"),
    ("TranscendentalBench", "tanhVectorMath", "tanhVectorApi", "tanh of 32×784 floats", "Vector API `TANH`"),
    # no reference in the JVM: GELU's kernels alone (ElementWise, on VectorMath's erf and exp)
    ("TranscendentalBench", "geluForward", None, "GELU forward of 32×784 floats", None),
    ("TranscendentalBench", "geluBackward", None, "GELU backward of 32×784 floats", None),
]


def main():
    p = machine.report_parser("jmh")
    args = p.parse_args()
    scores = {}
    for r in json.load(open(args.jmh)):
        cls, method = r["benchmark"].split(".")[-2:]
        m = r["primaryMetric"]
        err = m["scoreError"] if isinstance(m["scoreError"], float) and m["scoreError"] == m["scoreError"] else None
        scores[cls, method] = (m["score"], err, m["scoreUnit"].split("/")[0])

    def cell(score):
        value, err, unit = score
        return f"{value:.3f}" + (f" ± {err:.3f}" if err is not None else "") + f" {unit}"

    lines = [machine.report_head(args, None),
             "- JMH average time, ± the 99.9 % interval.", "",
             "| benchmark | nabla | reference | reference / nabla |", "|---|---:|---:|---:|"]
    for cls, mine, ref, what, ref_name in PAIRS:
        if (cls, mine) in scores and ref is None:
            lines.append(f"| {what} (`{cls}`) | {cell(scores[cls, mine])} | — | — |")
        elif (cls, mine) in scores and (cls, ref) in scores:
            a, b = scores[cls, mine], scores[cls, ref]
            lines.append(f"| {what} (`{cls}`) | {cell(a)} | {cell(b)} ({ref_name}) | {b[0] / a[0]:.2f}× |")
    label = machine.write_block(args.results, "micro", "\n".join(lines), HEADER)
    print(f"wrote the micro-benchmark table of '{label}' in {args.results}")


if __name__ == "__main__":
    main()
