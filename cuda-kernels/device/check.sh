#!/usr/bin/env bash
# The GPU machine's checks, run from the unpacked bundle that device/bundle.sh makes (that
# machine has CUDA and Python but no JDK). Writes everything under $OUT (default ./results):
#   machine.txt     the GPU, driver and CUDA toolkit
#   gpu-tests.txt   every test of cuda-kernels (GPU kernels against the CPU backend)
#   stacked.txt     homl-stacked for 2 epochs on the bundled Fashion-MNIST sample, CPU backend
# and prints how long it ran.
set -uo pipefail
cd "$(dirname "$0")"
out="${OUT:-results}"
mkdir -p "$out"
start=$(date +%s)
java=(runtime/bin/java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Xss8m -cp "lib/*:tests")
{
  date -u
  if command -v nvidia-smi >/dev/null; then nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv; else echo "nvidia-smi not found"; fi
  if command -v nvcc >/dev/null; then nvcc --version | tail -n 2; else echo "nvcc not found"; fi
  ls /usr/lib/x86_64-linux-gnu/libcuda.so* /usr/local/cuda/lib64/libcublas.so* 2>&1
} > "$out/machine.txt"
"${java[@]}" dev.nabla.cuda.DeviceChecks > "$out/gpu-tests.txt" 2>&1
echo "gpu tests: exit $?" >> "$out/gpu-tests.txt"
NABLA_OFFLINE=1 NABLA_FASHION_MNIST=data/fashion-mnist "${java[@]}" dev.nabla.exercises.Main run homl-stacked --epochs 2 --out "$out/stacked" > "$out/stacked.txt" 2>&1
echo "stacked: exit $?" >> "$out/stacked.txt"
echo "checks ran $(( $(date +%s) - start )) s; results in $out/"
tail -n 3 "$out/gpu-tests.txt" "$out/stacked.txt"
