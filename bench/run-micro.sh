#!/usr/bin/env bash
# The kernel-thread hand-off (JMH HandOffBench: nabla's spinning team against a
# ThreadPoolExecutor) and the element-wise functions (TranscendentalBench: VectorMath against the
# Vector API's own exp, log, tanh; GELU's forward and backward alone); writes the block "micro" of this machine's section of
# bench/RESULTS.md. About 2 minutes.
#   bench/run-micro.sh
#   NABLA_ISA=avx2 bench/run-micro.sh     # emulated AVX2 section on an AVX-512 machine
#   QUICK=1 bench/run-micro.sh            # smoke run, results in bench/target/quick
# Other knobs (NABLA_JVM_FLAGS, JMH_ARGS): bench/lib.sh.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
out=$(work_dir micro)
echo "hand-off and element-wise micro-benchmarks on $LABEL"

build_jar
machine_info "$out/machine.txt"
load_before="$(loadavg)"
jmh "$out/jmh.json" "$out/jmh.log" "" 'HandOffBench|TranscendentalBench'
"$PY" bench/peers/micro_report.py --results "$RESULTS_DIR/RESULTS.md" --jmh "$out/jmh.json" \
  --machine-info "$out/machine.txt" --load-before "$load_before" --load-after "$(loadavg)" \
  --command "$(command_line bench/run-micro.sh "$@")"
