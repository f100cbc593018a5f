#!/usr/bin/env bash
# nabla's sgemm (JMH SgemmBench, NaiveSgemmBench) against numpy on OpenBLAS and torch.mm, on 1 and
# 2 threads, measured in one run; writes the tables into this machine's section of
# bench/RESULTS.md. The peers run before and after JMH and their figure is the mean of the two,
# so a change of the machine's load during the run hits both sides. About 10 minutes.
#   bench/run-sgemm.sh                    # threads 1 and 2
#   bench/run-sgemm.sh 1 2 4              # other thread counts
#   NABLA_ISA=avx2 bench/run-sgemm.sh     # an AVX2 section on an AVX-512 machine (emulated)
#   NABLA_PEER_CORETYPE=Zen bench/run-sgemm.sh   # the peers on another OpenBLAS kernel
#   QUICK=1 bench/run-sgemm.sh            # smoke run: two shapes, 100 ms, results in bench/target/quick
# Other knobs (NABLA_JVM_FLAGS, JMH_ARGS): bench/lib.sh.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
threads=("${@:-1 2}")
read -r -a threads <<< "${threads[*]}"
shapes=()
[ "$QUICK" = 1 ] && shapes=(128 32x784x100)
peer_args=(); [ "$QUICK" = 1 ] && peer_args=(--runs 1)
jmh_shapes=(); [ ${#shapes[@]} -gt 0 ] && jmh_shapes=(-p "shape=$(IFS=,; echo "${shapes[*]}")")
out=$(work_dir sgemm)
echo "sgemm on $LABEL, threads ${threads[*]}"

check_peers
build_jar
machine_info "$out/machine.txt"
load_before="$(loadavg)"
peers() {
  for t in "${threads[@]}"; do
    "$PY" bench/peers/sgemm_peers.py --threads "$t" "${peer_args[@]}" "${shapes[@]}" > "$out/peers-$t-$1.json"
  done
}
peers before
jmh "$out/nabla.json" "$out/nabla.log" "" 'SgemmBench.nabla' -p threads="$(IFS=,; echo "${threads[*]}")" "${jmh_shapes[@]}"
jmh "$out/naive.json" "$out/naive.log" "" 'NaiveSgemmBench.naive' "${jmh_shapes[@]}"
peers after

"$PY" bench/peers/sgemm_report.py --results "$RESULTS_DIR/RESULTS.md" \
  --nabla "$out/nabla.json" --naive "$out/naive.json" --peers "$out"/peers-*.json \
  --machine-info "$out/machine.txt" --load-before "$load_before" --load-after "$(loadavg)" \
  --command "$(command_line bench/run-sgemm.sh "$@")"
