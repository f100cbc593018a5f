# Shared by bench/run-*.sh (sourced, not run): the JDK, nabla's JVM flags for the machine and the
# emulated ISA (bench/peers/machine.py decides them), the build, JMH, MachineInfo, and the quick
# smoke-run settings.
#   NABLA_ISA=avx2|avx512|sse  emulate that ISA (nabla -XX:UseAVX=N, OpenBLAS and ATen to match)
#   NABLA_JVM_FLAGS="..."      extra JVM flags for nabla
#   NABLA_PEER_CORETYPE=Zen    OpenBLAS core type for the peers ("auto": OpenBLAS's own detection)
#   JMH_ARGS="..."             extra JMH options (e.g. "-wi 2 -i 3")
#   QUICK=1                    smallest settings, to check that a script runs to its end; the
#                              figures mean nothing and the results files are left alone
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ -z "${JAVA_HOME:-}" ] && [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
PY=/usr/bin/python3
[ -x "$PY" ] || { echo "the peers need Debian's /usr/bin/python3: apt-get install python3" >&2; exit 1; }
QUICK=${QUICK:-0}
JAR=bench/target/benchmarks.jar

"$PY" bench/peers/machine.py check
mapfile -t NABLA_JVM < <("$PY" bench/peers/machine.py jvm-flags)
LABEL="$("$PY" bench/peers/machine.py label)"
if [ "$QUICK" = 1 ]; then
  read -r -a JMH_EXTRA <<< "-f 1 -wi 1 -i 1 -w 200ms -r 200ms ${JMH_ARGS:-}"
else
  read -r -a JMH_EXTRA <<< "${JMH_ARGS:-}"
fi
# In a quick run the results go to bench/target/quick/ instead of bench/.
RESULTS_DIR=bench
[ "$QUICK" = 1 ] && RESULTS_DIR=bench/target/quick
mkdir -p "$RESULTS_DIR"

# A scratch folder for one script's raw outputs, kept in bench/target/<name>-run for inspection.
work_dir() { local d="bench/target/$1-run"; rm -rf "$d"; mkdir -p "$d"; echo "$d"; }

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

build_jar() {
  export MAVEN_OPTS="${MAVEN_OPTS:-} -XX:+IgnoreUnrecognizedVMOptions --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow"
  ./mvnw -q -B -pl bench -am package -DskipTests
}

# Fails early, with the package to install, when the peers cannot load numpy, torch or OpenBLAS.
check_peers() { "$PY" bench/peers/blas.py 1 > /dev/null; }

# Fails early when the training benchmarks' data is missing (the peers' own lookup, ae_epochs.py).
check_fashion_mnist() { PYTHONPATH=bench/peers "$PY" -c 'import ae_epochs; ae_epochs.images_file(None)'; }
check_cifar10() { PYTHONPATH=bench/peers "$PY" -c 'import aul_ex23_epoch as p; p.batch_file(None)'; }

# machine_info OUT [JVM flag ...]: MachineInfo under nabla's flags plus the given ones.
machine_info() {
  local out=$1; shift
  "$JAVA" "${NABLA_JVM[@]}" "$@" -cp "$JAR" dev.nabla.bench.MachineInfo > "$out"
}

# jmh JSON LOG "EXTRA JVM FLAGS" JMH-ARG ...: runs JMH with nabla's JVM flags in the forks (one
# -jvmArgsAppend, which replaces the benchmarks' own @Fork flags, so it repeats them).
jmh() {
  local json=$1 log=$2 extra=$3; shift 3
  "$JAVA" -jar "$JAR" "$@" -jvmArgsAppend "${NABLA_JVM[*]}${extra:+ $extra}" \
    "${JMH_EXTRA[@]}" -rf json -rff "$json" > "$log" 2>&1 \
    || { tail -30 "$log" >&2; echo "JMH failed, log: $log" >&2; return 1; }
  grep -E '^# VM options' "$log" | head -1
}

# The exact command line of the calling script, with the variables that change what it measures.
command_line() {
  local vars="" v
  for v in NABLA_ISA NABLA_JVM_FLAGS NABLA_PEER_CORETYPE JMH_ARGS QUICK; do
    [ -n "${!v:-}" ] && vars+="$v=${!v@Q} "
  done
  echo "$vars$*"
}
