#!/usr/bin/python3
"""Writes one table per model of bench/TRAINING.md (blocks "stacked", "recurrent", "conv" and "aul-ex23" of this
machine's section, machine.py) from the EPOCH_SECONDS lines that bench/run-training.sh collected:
DIR/MODEL-nabla-T.txt and DIR/MODEL-torch-T.txt for each thread count T, one line per epoch of
every run. The figure of a run is the median of its epochs after the first (the first includes
the JIT's and the allocator's warm-up and is shown in parentheses), or of all its epochs when it
has one. The ratios are against PyTorch at its best thread count.
    training_report.py --results FILE --work DIR --models stacked recurrent --threads 2 1
                       --machine-info FILE --load-before L --load-after L --command CMD
"""
import json
import os
import statistics

import machine

MODELS = {
    "stacked": ("Stacked autoencoder", "784-100-30-100-784 (gelu, sigmoid output)",
                "StackedAutoencoderEpoch", "stacked_ae_epoch.py"),
    "recurrent": ("Recurrent autoencoder", "LSTM(100, sequences) → LSTM(30) → RepeatVector(28) → "
                  "LSTM(100, sequences) → TimeDistributed(Dense(28, sigmoid)), rows as steps",
                  "RecurrentAutoencoderEpoch", "recurrent_ae_epoch.py"),
    "conv": ("Convolutional autoencoder", "3 × (Conv2D 3×3 same, gelu → MaxPool2D 2) → 3 × Conv2DTranspose 3×3 "
             "stride 2 (gelu, gelu, sigmoid), homl-conv", "ConvAutoencoderEpoch", "conv_ae_epoch.py"),
    "aul-ex23": ("AUL-5 Exercise 23, convolutional autoencoder on CIFAR-10",
                 "Conv2D(32, 3×3, relu, same) → MaxPool2D 2 → Conv2D(32, 3×3, relu, same) → UpSampling2D 2 → "
                 "Conv2D(3, 3×3, sigmoid, same), Adadelta (Keras 2.2, lr 1.0), the 10,000 images of data_batch_1",
                 "CifarConvAutoencoderEpoch", "aul_ex23_epoch.py"),
}

HEADER = """# One training epoch of the exercises' autoencoders: nabla vs PyTorch CPU

Binary cross-entropy, batch 32, one epoch at a time, nabla and PyTorch alternating in one run; the
HOML models with Adam on 55,000 Fashion-MNIST rows, AUL-5's Exercise 23 with Adadelta on 10,000
CIFAR-10 images. One section per machine; `bench/run-training.sh` writes its own
machine's. nabla: `dev.nabla.bench.training.*Epoch`; PyTorch: `bench/peers/*_epoch.py`.
Ratio = PyTorch's time at its best thread count / nabla's time: above 1, nabla is faster.
"""


def runs(path):
    """[(epoch, seconds, loss)] from EPOCH_SECONDS lines."""
    out = []
    if os.path.exists(path):
        for line in open(path):
            _, epoch, seconds, _, loss = line.split()
            out.append((int(epoch), float(seconds), loss))
    return out


def figure(epochs):
    counted = [s for e, s, _ in epochs if e > 1] or [s for _, s, _ in epochs]
    return statistics.median(counted) if counted else None


def cells(epochs):
    return " ".join(f"({s:.2f})" if e == 1 and len(epochs) > 1 else f"{s:.2f}" for e, s, _ in epochs)


def table(work, model, threads):
    title, shape, java, peer = MODELS[model]
    rows = {(impl, t): runs(f"{work}/{model}-{impl}-{t}.txt") for impl in ("nabla", "torch") for t in threads}
    torch_best = min(((figure(rows["torch", t]), t) for t in threads if figure(rows["torch", t])), default=None)
    lines = [f"### {title}", "", f"{shape}; nabla `{java}`, PyTorch `bench/peers/{peer}`.", "",
             "| | seconds per epoch, each | figure | last loss | PyTorch best / this |",
             "|---|---|---:|---:|---:|"]
    for impl, name in (("nabla", "nabla"), ("torch", "PyTorch")):
        for t in threads:
            epochs = rows[impl, t]
            f = figure(epochs)
            r = f"{torch_best[0] / f:.2f}" if f and torch_best else ""
            lines.append(f"| {name}, {t} thread{'s' if t != '1' else ''} | {cells(epochs)} | "
                         f"{f:.2f} | {epochs[-1][2]} | {r} |" if epochs else f"| {name}, {t} threads | not run | | | |")
    nabla_best = min(((figure(rows["nabla", t]), t) for t in threads if figure(rows["nabla", t])), default=None)
    if torch_best and nabla_best:
        lines += ["", f"PyTorch is at its best on {torch_best[1]} thread(s), {torch_best[0]:.2f} s; nabla at its "
                  f"best on {nabla_best[1]}, {nabla_best[0]:.2f} s: **{torch_best[0] / nabla_best[0]:.2f}×** "
                  "(above 1: nabla is faster)."]
    return "\n".join(lines)


def peer_description(work):
    for name in sorted(os.listdir(work)):
        if name.endswith(".peer"):
            return json.load(open(os.path.join(work, name)))
    return None


def main():
    p = machine.report_parser("work")
    p.add_argument("--models", nargs="+", required=True, choices=sorted(MODELS))
    p.add_argument("--threads", nargs="+", required=True)
    p.add_argument("--nabla-flags", default="", help="JVM flags beyond machine.py's")
    args = p.parse_args()
    head = machine.report_head(args, peer_description(args.work), args.nabla_flags.split())
    for model in args.models:
        label = machine.write_block(args.results, model, head + "\n\n" + table(args.work, model, args.threads), HEADER)
        print(f"wrote the {model} table of '{label}' in {args.results}")


if __name__ == "__main__":
    main()
