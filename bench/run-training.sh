#!/usr/bin/env bash
# Times epochs of the HOML stacked autoencoder in nabla and in PyTorch (CPU, 2 threads) in one
# run, alternating them, and writes bench/TRAINING.md with per-epoch seconds, medians and the ratio.
# Usage: bench/run-training.sh [epochs per run, default 3] [rounds, default 1]
set -euo pipefail
cd "$(dirname "$0")/.."
EPOCHS=${1:-3}
ROUNDS=${2:-1}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export OPENBLAS_CORETYPE=SkylakeX OPENBLAS_NUM_THREADS=2
./mvnw -q -B -o -pl layers -am test-compile >/dev/null
CP=engine/target/classes:optim/target/classes:layers/target/classes:layers/target/test-classes
nabla=() torch=()
for r in $(seq "$ROUNDS"); do
  while read -r _ _ s _; do nabla+=("$s"); done < <("$JAVA_HOME/bin/java" --add-modules=jdk.incubator.vector -XX:+UseParallelGC \
      -cp "$CP" dev.nabla.layers.training.StackedAutoencoderEpoch "$EPOCHS" 2>/dev/null | grep '^EPOCH_SECONDS')
  while read -r _ _ s _; do torch+=("$s"); done < <(/usr/bin/python3 bench/peers/stacked_ae_epoch.py "$EPOCHS" | grep '^EPOCH_SECONDS')
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
mn=$(median "${nabla[@]}"); mt=$(median "${torch[@]}")
ratio=$(awk -v a="$mt" -v b="$mn" 'BEGIN {printf "%.2f", a / b}')
{
  echo "# One training epoch of the HOML stacked autoencoder: nabla vs PyTorch CPU"
  echo
  echo "Model 784-100-30-100-784 (gelu, sigmoid output), binary cross-entropy, Adam, batch 32,"
  echo "55,000 Fashion-MNIST rows. nabla: \`dev.nabla.layers.training.StackedAutoencoderEpoch\` (JDK $("$JAVA_HOME/bin/java" -version 2>&1 | head -1 | cut -d'"' -f2))."
  echo "PyTorch $(/usr/bin/python3 -c 'import torch; print(torch.__version__)'): \`bench/peers/stacked_ae_epoch.py\`, torch.set_num_threads(2),"
  echo "OPENBLAS_CORETYPE=SkylakeX OPENBLAS_NUM_THREADS=2. Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores"
  echo "(shared machine: compare the two columns, not absolute times). Command: \`bench/run-training.sh $EPOCHS $ROUNDS\`"
  echo
  echo "| | seconds per epoch (each) | median |"
  echo "|---|---|---|"
  echo "| nabla | ${nabla[*]} | $mn |"
  echo "| PyTorch | ${torch[*]} | $mt |"
  echo
  echo "PyTorch time / nabla time = **$ratio** (above 1: nabla is faster)."
} > bench/TRAINING.md
cat bench/TRAINING.md
