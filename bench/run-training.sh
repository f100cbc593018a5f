#!/usr/bin/env bash
# Times epochs of the HOML stacked autoencoder in nabla and in PyTorch (CPU, 2 threads) in one
# run, alternating them (both also on one thread, which suffers less on a busy machine), and
# writes bench/TRAINING.md with per-epoch seconds, medians and the ratio.
# Usage: bench/run-training.sh [epochs per run, default 3] [rounds, default 1]
set -euo pipefail
cd "$(dirname "$0")/.."
EPOCHS=${1:-3}
ROUNDS=${2:-1}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export OPENBLAS_CORETYPE=SkylakeX OPENBLAS_NUM_THREADS=2
./mvnw -q -B -pl bench -am compile
CP=engine/target/classes:optim/target/classes:layers/target/classes:bench/target/classes
# A small young generation (64 MiB) keeps the allocation area in cache: a training step
# allocates its activations and gradients afresh. Measured with StackedAutoencoderEpoch on
# 2026-11-24, 2 threads: 2.0-2.3 s per epoch with it, 2.5-2.9 s without.
JVM=(--add-modules=jdk.incubator.vector -XX:+UseParallelGC -Xmn64m)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
nabla=() nabla1=() torch=() torch1=()
for r in $(seq "$ROUNDS"); do
  while read -r _ _ s _; do nabla+=("$s"); done < <("$JAVA_HOME/bin/java" "${JVM[@]}" \
      -cp "$CP" dev.nabla.bench.training.StackedAutoencoderEpoch "$EPOCHS" 2>/dev/null | grep '^EPOCH_SECONDS')
  while read -r _ _ s _; do nabla1+=("$s"); done < <(NABLA_THREADS=1 "$JAVA_HOME/bin/java" "${JVM[@]}" \
      -cp "$CP" dev.nabla.bench.training.StackedAutoencoderEpoch "$EPOCHS" 2>/dev/null | grep '^EPOCH_SECONDS')
  while read -r _ _ s _; do torch+=("$s"); done < <(/usr/bin/python3 bench/peers/stacked_ae_epoch.py "$EPOCHS" | grep '^EPOCH_SECONDS')
  while read -r _ _ s _; do torch1+=("$s"); done < <(OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/peers/stacked_ae_epoch.py "$EPOCHS" 1 | grep '^EPOCH_SECONDS')
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
mn=$(median "${nabla[@]}"); mt=$(median "${torch[@]}"); mt1=$(median "${torch1[@]}"); mn1=$(median "${nabla1[@]}")
ratio=$(awk -v a="$mt" -v b="$mn" 'BEGIN {printf "%.2f", a / b}')
ratio1=$(awk -v a="$mt1" -v b="$mn1" 'BEGIN {printf "%.2f", a / b}')
{
  echo "# One training epoch of the HOML stacked autoencoder: nabla vs PyTorch CPU"
  echo
  echo "Model 784-100-30-100-784 (gelu, sigmoid output), binary cross-entropy, Adam, batch 32,"
  echo "55,000 Fashion-MNIST rows. nabla: \`dev.nabla.bench.training.StackedAutoencoderEpoch\` (java ${JVM[*]}, JDK $("$JAVA_HOME/bin/java" -version 2>&1 | head -1 | cut -d'"' -f2))."
  echo "PyTorch $(/usr/bin/python3 -c 'import torch; print(torch.__version__)'): \`bench/peers/stacked_ae_epoch.py\`, torch.set_num_threads(2),"
  echo "OPENBLAS_CORETYPE=SkylakeX OPENBLAS_NUM_THREADS=2. Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores"
  echo "(shared machine, load average $load_before before and $(cut -d' ' -f1-3 /proc/loadavg) after the run: compare the two"
  echo "columns, not absolute times; on an oversubscribed machine PyTorch's OpenMP threads slow down far more than"
  echo "nabla's). Command: \`bench/run-training.sh $EPOCHS $ROUNDS\`"
  echo
  echo "| | seconds per epoch (each) | median |"
  echo "|---|---|---|"
  echo "| nabla, 2 threads | ${nabla[*]} | $mn |"
  echo "| nabla, 1 thread (NABLA_THREADS=1) | ${nabla1[*]} | $mn1 |"
  echo "| PyTorch, 2 threads | ${torch[*]} | $mt |"
  echo "| PyTorch, 1 thread (for reference) | ${torch1[*]} | $mt1 |"
  echo
  echo "PyTorch time / nabla time on 2 threads = **$ratio** (above 1: nabla is faster); on 1 thread each: $ratio1."
} > bench/TRAINING.md
cat bench/TRAINING.md
