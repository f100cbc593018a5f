#!/usr/bin/env bash
# Makes cuda-kernels/target/gpu-bundle.tar.gz, everything the GPU machine needs to run nabla's
# device checks (device/check.sh): a jlinked Java runtime with the modules nabla uses, nabla's
# jars with JCuda's, this module's compiled tests, and the Fashion-MNIST sample the tests use
# (660 training and 100 test images, real IDX files). Run from anywhere; needs a JDK ≥ 21
# (JAVA_HOME, else one under /usr/lib/jvm).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
for c in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64; do [ -n "$c" ] && [ -x "$c/bin/jlink" ] && { JAVA_HOME="$c"; break; }; done
export JAVA_HOME
data=datasets/src/test/resources/samples/fashion-mnist

bundle=cuda-kernels/target/gpu-bundle
rm -rf "$bundle" && mkdir -p "$bundle/lib" "$bundle/data"
./mvnw -q -B -pl cuda-kernels,exercises -am package -DskipTests
./mvnw -q -B -pl cuda-kernels,exercises dependency:copy-dependencies -DincludeScope=test -DoutputDirectory="$root/$bundle/lib"
rm -f "$bundle"/lib/nabla-*.jar
cp engine/target/nabla-engine-*.jar optim/target/nabla-optim-*.jar layers/target/nabla-layers-*.jar \
   datasets/target/nabla-datasets-*.jar exercises/target/nabla-exercises-*.jar cuda-kernels/target/nabla-cuda-kernels-*.jar "$bundle/lib/"
cp -r cuda-kernels/target/test-classes "$bundle/tests"
cp -r "$data" "$bundle/data/fashion-mnist"
cp cuda-kernels/device/check.sh "$bundle/"
# The modules jdeps finds in nabla's jars and JCuda's, the Vector API, and zipfs for the test launcher.
"$JAVA_HOME/bin/jlink" --add-modules java.base,java.desktop,java.sql,jdk.management,jdk.unsupported,jdk.zipfs,jdk.incubator.vector \
  --strip-debug --no-header-files --no-man-pages --compress=zip-9 \
  --output "$bundle/runtime"
tar -C cuda-kernels/target -czf cuda-kernels/target/gpu-bundle.tar.gz gpu-bundle
echo "wrote cuda-kernels/target/gpu-bundle.tar.gz ($(du -h cuda-kernels/target/gpu-bundle.tar.gz | cut -f1)); on the GPU machine: tar xzf gpu-bundle.tar.gz && gpu-bundle/check.sh"
