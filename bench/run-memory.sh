#!/usr/bin/env bash
# The memory of training, written into bench/TRAINING.md's memory section (one for all machines:
# the byte counts do not depend on the CPU's speed):
# - bytes allocated per training step in steady state, all threads together, for the HOML
#   stacked, convolutional and recurrent autoencoders trained by fit with batch 32
#   (dev.nabla.bench.training.StepAllocation: the median, least and most of the last 200 of
#   2,000 steps), each in its own JVM with the launcher's collector, ROUNDS times (default 2);
# - the peak resident memory (/usr/bin/time -v) of `./nabla run homl-stacked --epochs 1` and of
#   PyTorch training the same model for one epoch on the same 55,000 images
#   (bench/peers/stacked_ae_epoch.py, at its best thread count, 1).
#   bench/run-memory.sh
# The data: as bench/run-training.sh's. About 3 minutes.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[ -x /usr/bin/time ] || { echo "the peak memory needs GNU time: apt-get install time" >&2; exit 1; }
ROUNDS=${ROUNDS:-2}
out=$(work_dir memory)
check_peers
check_fashion_mnist
build_jar
machine_info "$out/machine.txt"

for _ in $(seq "$ROUNDS"); do
  "$JAVA" "${NABLA_JVM[@]/-XX:+UseParallelGC/-XX:+UseSerialGC}" -cp "$JAR" dev.nabla.bench.training.StepAllocation | tee -a "$out/allocation.txt"
done
peak() { /usr/bin/time -v "$@" 2> "$out/time.txt" > /dev/null; sed -n 's/^\s*Maximum resident set size (kbytes): //p' "$out/time.txt"; }
nabla_kb=$(peak ./nabla run homl-stacked --epochs 1 --out "$out/homl-stacked")
torch_kb=$(peak "$PY" bench/peers/stacked_ae_epoch.py 1 1)
echo "peak resident memory: nabla $nabla_kb kB, PyTorch $torch_kb kB"

"$PY" - "$RESULTS_DIR/TRAINING.md" "$out" "$nabla_kb" "$torch_kb" "$(command_line bench/run-memory.sh "$@")" "$LABEL" <<'PY'
import re, sys, datetime, pathlib
results, out, nabla_kb, torch_kb, command, cpu = sys.argv[1:]
rows = {}
for line in pathlib.Path(out, "allocation.txt").read_text().split("\n"):
    if line.startswith("ALLOCATION "):
        _, model, median, low, high = line.split()
        rows.setdefault(model, []).append((int(median), int(low), int(high)))
machine = pathlib.Path(out, "machine.txt").read_text().strip().replace("\n", "; ")
now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
names = {"stacked": "stacked (homl-stacked)", "conv": "convolutional (homl-conv)", "recurrent": "recurrent (homl-recurrent)"}
lines = ["<!-- memory:start -->", "", f"- Measured {now} with `{command}`.", f"- CPU: {cpu}.", f"- MachineInfo: {machine}.", "",
         "| model | bytes allocated per step, median of the last 200 steps, each run | least – most |", "|---|---|---|"]
for model, runs in rows.items():
    lines.append(f"| {names.get(model, model)} | {' / '.join(f'{m:,}' for m, _, _ in runs)} "
                 f"| {min(l for _, l, _ in runs):,} – {max(h for _, _, h in runs):,} |")
lines += ["", f"Peak resident memory of one epoch of the stacked autoencoder: `./nabla run homl-stacked --epochs 1` "
          f"**{int(nabla_kb) / 1024:.0f} MiB**; PyTorch (`bench/peers/stacked_ae_epoch.py 1 1`) **{int(torch_kb) / 1024:.0f} MiB**.",
          "", "<!-- memory:end -->"]
text = pathlib.Path(results).read_text()
block = "\n".join(lines)
if "<!-- memory:start -->" in text:
    text = re.sub(r"<!-- memory:start -->.*?<!-- memory:end -->", lambda m: block, text, flags=re.S)
else:
    text += "\n## Memory: allocation per training step and peak resident memory\n\n" + block + "\n"
pathlib.Path(results).write_text(text)
PY
echo "wrote $RESULTS_DIR/TRAINING.md"
