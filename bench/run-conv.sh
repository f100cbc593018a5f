#!/usr/bin/env bash
# Convolution, transposed convolution, pooling, upsampling and LSTM forward+backward: nabla (JMH, dev.nabla.bench.conv)
# against PyTorch CPU, measured in the same run, for each thread count given (default 2, then 1);
# writes this machine's section of bench/RESULTS-conv.md. For each count the peer runs before and
# after the JMH run and its two medians are averaged, so slow drift of a shared machine hits both
# sides alike. About 6 minutes.
#   bench/run-conv.sh                          # 2 threads, then 1
#   JMH_ARGS="-wi 2 -i 3" bench/run-conv.sh 2  # shorter, 2 threads only
#   NABLA_ISA=avx2 bench/run-conv.sh           # emulated AVX2 section on an AVX-512 machine
#   QUICK=1 bench/run-conv.sh                  # smoke run, results in bench/target/quick
#   JMH_ARGS=-Djmh.ignoreLock=true ...         # when another JMH run holds /tmp/jmh.lock
# Other knobs (NABLA_JVM_FLAGS, NABLA_PEER_CORETYPE): bench/lib.sh.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
threads=("${@:-2 1}")
read -r -a threads <<< "${threads[*]}"
peer_args=(); [ "$QUICK" = 1 ] && peer_args=(--min-time 0.05)
out=$(work_dir conv)
echo "convolution and LSTM on $LABEL, threads ${threads[*]}"

check_peers
build_jar
machine_info "$out/machine.txt"
load_before="$(loadavg)"
for t in "${threads[@]}"; do
  "$PY" bench/peers/torch_conv_lstm.py "$t" "${peer_args[@]}" > "$out/torch-$t-before.jsonl"
  jmh "$out/jmh-$t.json" "$out/jmh-$t.log" "-Dnabla.threads=$t" 'dev\.nabla\.bench\.conv\..*'
  "$PY" bench/peers/torch_conv_lstm.py "$t" "${peer_args[@]}" > "$out/torch-$t-after.jsonl"
done

"$PY" bench/peers/conv_report.py --results "$RESULTS_DIR/RESULTS-conv.md" --work "$out" \
  --threads "${threads[@]}" --machine-info "$out/machine.txt" \
  --load-before "$load_before" --load-after "$(loadavg)" --command "$(command_line bench/run-conv.sh "$@")"
