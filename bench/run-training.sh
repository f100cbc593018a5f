#!/usr/bin/env bash
# Times training epochs of the HOML stacked, recurrent and convolutional autoencoders and of AUL-5's
# Exercise 23 (a convolutional autoencoder on CIFAR-10) in nabla and in PyTorch (CPU), each on 2
# and on 1 thread, alternating them in one run, and writes one table per model into this
# machine's section of bench/TRAINING.md: seconds per epoch, and the ratio against PyTorch at its
# best thread count. About 2 minutes for the stacked model, 15 for the recurrent, 5 for the
# convolutional one, 4 for aul-ex23.
#   bench/run-training.sh                        # all four models
#   bench/run-training.sh conv                   # some models: stacked, recurrent, conv (homl-conv), aul-ex23
#   EPOCHS=5 ROUNDS=2 bench/run-training.sh      # epochs per run (default 3 stacked, 2 for the others), rounds
#   NABLA_ISA=avx2 bench/run-training.sh         # emulated AVX2 section on an AVX-512 machine
#   QUICK=1 bench/run-training.sh                # smoke run: 1 epoch of 640 rows, results in bench/target/quick
# The data: $NABLA_FASHION_MNIST (the folder holding Fashion-MNIST's four .gz files), else
# /usr/share/datasets/fashion-mnist; for aul-ex23 $NABLA_CIFAR10 (the cifar-10-batches-py folder),
# else /usr/share/datasets/cifar-10-batches-py. Other knobs (NABLA_JVM_FLAGS, NABLA_PEER_CORETYPE): bench/lib.sh.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
models=("${@:-stacked recurrent conv aul-ex23}")
read -r -a models <<< "${models[*]}"
threads=(2 1)
ROUNDS=${ROUNDS:-1}
limit=(); [ "$QUICK" = 1 ] && limit=(--limit 640)
# model_run MODEL: sets class, peer, data (the check of its data set) and default_epochs for MODEL,
# or stops. (A step recycles its arrays, see bench/run-memory.sh, so the heap needs no per-model sizing.)
model_run() {
  peer="$1_ae_epoch.py"; data=check_fashion_mnist
  case "$1" in
    stacked) class=StackedAutoencoderEpoch; default_epochs=3 ;;
    recurrent) class=RecurrentAutoencoderEpoch; default_epochs=2 ;;
    conv) class=ConvAutoencoderEpoch; default_epochs=2 ;;
    aul-ex23) class=CifarConvAutoencoderEpoch; default_epochs=2; peer=aul_ex23_epoch.py; data=check_cifar10 ;;
    *) echo "unknown model '$1': use stacked, recurrent, conv and/or aul-ex23" >&2; exit 1 ;;
  esac
}
check_peers
for model in "${models[@]}"; do model_run "$model"; "$data"; done   # stop early: an unknown model, missing data
out=$(work_dir training)
echo "training epochs (${models[*]}) on $LABEL, threads ${threads[*]}, $ROUNDS round(s)"

build_jar
machine_info "$out/machine.txt"
load_before="$(loadavg)"
for model in "${models[@]}"; do
  model_run "$model"
  epochs=${EPOCHS:-$default_epochs}; [ "$QUICK" = 1 ] && epochs=1
  for _ in $(seq "$ROUNDS"); do
    for t in "${threads[@]}"; do
      echo "  $model: nabla, $t thread(s), $epochs epoch(s)"
      NABLA_THREADS=$t "$JAVA" "${NABLA_JVM[@]}" -cp "$JAR" "dev.nabla.bench.training.$class" \
        "$epochs" "${limit[@]}" | grep '^EPOCH_SECONDS' | tee -a "$out/$model-nabla-$t.txt"
    done
    for t in "${threads[@]}"; do
      echo "  $model: PyTorch, $t thread(s), $epochs epoch(s)"
      "$PY" "bench/peers/$peer" "$epochs" "$t" "${limit[@]}" > "$out/$model-torch-$t.log"
      sed -n 's/^PEER //p' "$out/$model-torch-$t.log" > "$out/$model-$t.peer"
      grep '^EPOCH_SECONDS' "$out/$model-torch-$t.log" | tee -a "$out/$model-torch-$t.txt"
    done
  done
done

"$PY" bench/peers/training_report.py --results "$RESULTS_DIR/TRAINING.md" --work "$out" \
  --models "${models[@]}" --threads "${threads[@]}" \
  --machine-info "$out/machine.txt" --load-before "$load_before" --load-after "$(loadavg)" \
  --command "$(command_line bench/run-training.sh "$@")"
