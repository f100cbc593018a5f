#!/usr/bin/env bash
# Measures nabla's sgemm (JMH) and its peers, numpy on OpenBLAS and torch.mm, in one run on the
# same machine, and writes the table into bench/RESULTS.md.
#   bench/run-sgemm.sh [THREADS]          THREADS defaults to 2, for nabla and the peers alike
# The peers run before and after the JMH run; their figure is the mean of the two medians, so a
# change in the machine's load during the run hits both sides. Takes about 10 minutes.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
threads="${1:-2}"
if [ -z "${JAVA_HOME:-}" ] && [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; fi
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
export MAVEN_OPTS="${MAVEN_OPTS:-} -XX:+IgnoreUnrecognizedVMOptions --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow"
py=/usr/bin/python3
out=bench/target/sgemm-run
mkdir -p "$out"

# numpy and torch take sgemm from the system BLAS; Debian's reference BLAS is ~50x slower.
blas="$(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3 || true)"
case "$blas" in
  *openblas*) ;;
  *) echo "the system BLAS is $blas, not OpenBLAS: apt-get install libopenblas0-pthread" >&2; exit 1 ;;
esac

./mvnw -q -B -pl bench -am package -DskipTests
jar=bench/target/benchmarks.jar
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"

"$py" bench/peers/sgemm_peers.py --threads "$threads" > "$out/peers-before.json"
"$java" --add-modules=jdk.incubator.vector -jar "$jar" 'SgemmBench.nabla' -p threads="$threads" \
  -rf json -rff "$out/nabla.json" | tee "$out/nabla.log" | grep -E '^(# Run progress|Benchmark|SgemmBench)' || true
"$java" --add-modules=jdk.incubator.vector -jar "$jar" 'NaiveSgemmBench.naive' \
  -rf json -rff "$out/naive.json" | tee "$out/naive.log" | grep -E '^(# Run progress|Benchmark|NaiveSgemmBench)' || true
"$py" bench/peers/sgemm_peers.py --threads "$threads" > "$out/peers-after.json"

"$py" bench/peers/sgemm_report.py --results bench/RESULTS.md --threads "$threads" \
  --nabla "$out/nabla.json" --naive "$out/naive.json" \
  --peers "$out/peers-before.json" "$out/peers-after.json" \
  --jdk "$("$java" -version 2>&1 | head -1)" \
  --cpu "$(lscpu | sed -n 's/^Model name: *//p') ($(nproc) cores)" \
  --load "before $load_before, after $(cut -d' ' -f1-3 /proc/loadavg)" \
  --command "bench/run-sgemm.sh${*:+ $*}"
echo "wrote bench/RESULTS.md"
