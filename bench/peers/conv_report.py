#!/usr/bin/python3
"""Writes the convolution and LSTM tables (one per thread count) of bench/RESULTS-conv.md as the
block "conv" of this machine's section (machine.py), from the JMH JSON results and the PyTorch
peer's outputs (torch_conv_lstm.py), which ran before and after each JMH run. Used by
bench/run-conv.sh:
    conv_report.py --results FILE --work DIR --threads 2 1 --machine-info FILE --load-before L
                   --load-after L --command CMD
DIR holds jmh-T.json and torch-T-before.jsonl, torch-T-after.jsonl for each thread count T.
"""
import json
import statistics

import machine

HEADER = """# Convolution, resampling and LSTM: nabla vs PyTorch CPU

Forward + backward (gradients of input, weights and bias), batch 32, milliseconds per pass. One
section per machine; `bench/run-conv.sh` writes its own machine's.

- nabla: JMH average time (± 99.9% error) of `dev.nabla.bench.conv` (ConvBench,
  ConvTransposeBench, ResamplingBench, LstmBench) with `-Dnabla.threads=N`: multi-threaded sgemm and im2col.
- PyTorch CPU: `bench/peers/torch_conv_lstm.py N`: torch.set_num_threads(N); median of 7 samples,
  mean of one run before and one after the JMH run.
- Conv: 3×3, stride 1, 'same'. Transposed conv: the HOML decoder's 3×3 stride 2 (PyTorch's 'same' is
  padding=1, output_padding=1: same size and work). Resampling: 2×2 max pooling, stride 2, 'valid'
  ("max-…"), and 2×2 nearest-neighbour upsampling ("up-…"). LSTM: 100 units, 28 steps of 28 features.
- ratio = PyTorch time / nabla time: above 1 means nabla is faster.
"""


def main():
    p = machine.report_parser("work")
    p.add_argument("--threads", nargs="+", required=True)
    args = p.parse_args()
    lines, description = [], None
    for t in args.threads:
        peer = {}
        for run in ("before", "after"):
            for line in open(f"{args.work}/torch-{t}-{run}.jsonl"):
                r = json.loads(line)
                if "bench" in r:
                    peer.setdefault((r["bench"], r["shape"]), []).append(r["ms"])
                else:
                    description = r
        lines += ["", f"### {t} thread{'s' if t != '1' else ''}", "",
                  "| benchmark | shape | nabla ms | PyTorch ms | ratio |", "|---|---|---:|---:|---:|"]
        for r in json.load(open(f"{args.work}/jmh-{t}.json")):
            bench = r["benchmark"].split(".")[-2]
            shape = r.get("params", {}).get("shape", "32x28x28-100")
            ms, err = r["primaryMetric"]["score"], r["primaryMetric"]["scoreError"]
            torch_ms = statistics.mean(peer[(bench, shape)])
            # JMH writes the error as "NaN" when there is a single iteration
            err_text = f" ± {err:.3f}" if isinstance(err, float) and err == err else ""
            lines.append(f"| {bench} | {shape} | {ms:.3f}{err_text} | {torch_ms:.3f} | {torch_ms / ms:.2f}× |")
    head = machine.report_head(args, description)
    label = machine.write_block(args.results, "conv", head + "\n" + "\n".join(lines), HEADER)
    print(f"wrote the convolution tables of '{label}' in {args.results}")


if __name__ == "__main__":
    main()
