#!/usr/bin/env bash
# Convolution and LSTM forward+backward: nabla (JMH) against PyTorch CPU, measured in the same run.
# Writes bench/RESULTS-conv.md. The peer runs before and after the JMH run and its two medians
# are averaged, so slow drift of a shared machine hits both sides alike.
#   bench/run-conv.sh                 # all shapes
#   JMH_ARGS="-wi 2 -i 3" bench/run-conv.sh   # shorter
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export OPENBLAS_CORETYPE=SkylakeX OPENBLAS_NUM_THREADS=2
PY=/usr/bin/python3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

./mvnw -q -B -pl bench -am package -DskipTests
jar=$(ls bench/target/*benchmarks*.jar | head -1)

$PY bench/peers/torch_conv_lstm.py > "$work/torch1.jsonl"
"$JAVA_HOME/bin/java" --add-modules=jdk.incubator.vector -jar "$jar" 'dev\.nabla\.bench\.conv\..*' \
    ${JMH_ARGS:-} -rf json -rff "$work/jmh.json" > "$work/jmh.log"
$PY bench/peers/torch_conv_lstm.py > "$work/torch2.jsonl"

$PY - "$work" "$(nproc)" "${JMH_ARGS:-}" > bench/RESULTS-conv.md <<'PYEOF'
import json, sys, statistics, datetime
work, cores, jmh_args = sys.argv[1], sys.argv[2], sys.argv[3]
peer, info = {}, {}
for f in ("torch1.jsonl", "torch2.jsonl"):
    for line in open(f"{work}/{f}"):
        r = json.loads(line)
        if "bench" in r:
            peer.setdefault((r["bench"], r["shape"]), []).append(r["ms"])
        else:
            info = r
rows = []
for r in json.load(open(f"{work}/jmh.json")):
    bench = r["benchmark"].split(".")[-2]
    shape = r["params"]["shape"] if "params" in r else "32x28x28-100"
    ms, err = r["primaryMetric"]["score"], r["primaryMetric"]["scoreError"]
    torch_ms = statistics.mean(peer[(bench, shape)])
    rows.append((bench, shape, ms, err, torch_ms, torch_ms / ms))
print("# Convolution and LSTM: nabla vs PyTorch CPU\n")
print(f"Forward + backward (gradients of input, weights and bias), batch 32, milliseconds per pass; "
      f"generated {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC by `bench/run-conv.sh`.\n")
print(f"- nabla: JMH average time (± 99.9% error), `java -jar bench/target/benchmarks.jar 'dev\\.nabla\\.bench\\.conv\\..*' {jmh_args}`; "
      f"{cores} cores, all used (multi-threaded sgemm, im2col parallel over images).")
print(f"- PyTorch {info.get('torch')} CPU: `bench/peers/torch_conv_lstm.py`, torch.set_num_threads({info.get('threads')}), "
      "OPENBLAS_CORETYPE=SkylakeX OPENBLAS_NUM_THREADS=2; median of 7 samples, mean of one run before and one after JMH.")
print("- ratio = PyTorch time / nabla time: above 1 means nabla is faster.\n")
print("| benchmark | shape | nabla ms | PyTorch ms | ratio |")
print("|---|---|---:|---:|---:|")
for bench, shape, ms, err, torch_ms, ratio in rows:
    print(f"| {bench} | {shape} | {ms:.3f} ± {err:.3f} | {torch_ms:.3f} | {ratio:.2f}× |")
PYEOF
cat bench/RESULTS-conv.md
