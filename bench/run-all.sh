#!/usr/bin/env bash
# Every comparison of nabla with its peers on this machine, one after the other, each writing its
# own machine's section of the results files (other machines' sections are kept):
#   bench/run-sgemm.sh     sgemm vs numpy/OpenBLAS and torch.mm, 1 and 2 threads  → bench/RESULTS.md
#   bench/run-micro.sh     kernel-thread hand-off, exp/log/tanh                   → bench/RESULTS.md
#   bench/run-conv.sh      conv, transposed conv, LSTM vs PyTorch, 2 and 1 threads → bench/RESULTS-conv.md
#   bench/run-training.sh  stacked, recurrent, conv and aul-ex23 epochs vs PyTorch  → bench/TRAINING.md
# About 42 minutes on a 2-core machine; keep the machine otherwise idle.
#   bench/run-all.sh
#   NABLA_ISA=avx2 bench/run-all.sh       # an emulated AVX2 section on an AVX-512 machine
#   QUICK=1 bench/run-all.sh              # smoke run (about 5 minutes), results in bench/target/quick
# Needs Debian's python3-numpy, python3-torch, python3-threadpoolctl, libopenblas0-pthread, and
# Fashion-MNIST ($NABLA_FASHION_MNIST or /usr/share/datasets/fashion-mnist) and CIFAR-10's python
# batches ($NABLA_CIFAR10 or /usr/share/datasets/cifar-10-batches-py). Other knobs: bench/lib.sh.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
if [ "$QUICK" = 1 ]; then minutes="about 5 minutes (QUICK=1: smallest settings, figures meaningless)"
else minutes="about 42 minutes: sgemm 10, micro 2, conv 6, training 24"; fi
cat <<TEXT
Benchmarks on: $LABEL
nabla JVM flags: ${NABLA_JVM[*]}
Will run, $minutes:
  bench/run-sgemm.sh     -> $RESULTS_DIR/RESULTS.md
  bench/run-micro.sh     -> $RESULTS_DIR/RESULTS.md
  bench/run-conv.sh      -> $RESULTS_DIR/RESULTS-conv.md
  bench/run-training.sh  -> $RESULTS_DIR/TRAINING.md
TEXT
# Stop now rather than half an hour in when a peer package or the data is missing.
check_peers
check_fashion_mnist
check_cifar10
start=$SECONDS
for script in run-sgemm.sh run-micro.sh run-conv.sh run-training.sh; do
  echo "== bench/$script ($(( (SECONDS - start) / 60 )) min so far)"
  "bench/$script"
done
echo "all done in $(( (SECONDS - start) / 60 )) min; results in $RESULTS_DIR/RESULTS.md, RESULTS-conv.md, TRAINING.md"
