#!/usr/bin/env bash
# seq4j's benchmark runner for the peers harness: ./seq4j-bench.sh <startup|w1|...>  (--help for the list).
# (Named .sh because ./seq4j-bench is the Maven module's directory.)
# Builds seq4j-bench (and seq4j-core) only when the build is missing or older than the sources, so a harness run
# times the JVM, not Maven. Extra JVM flags: JAVA_OPTS (e.g. JAVA_OPTS=-Dseq4j.threads=1).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/java-env.sh

stamp=seq4j-bench/target/classpath.txt
needs_build() {
  [ -d seq4j-bench/target/classes ] && [ -f "$stamp" ] || return 0
  [ -n "$(find pom.xml seq4j-core/pom.xml seq4j-bench/pom.xml seq4j-core/src/main seq4j-bench/src/main \
      -newer "$stamp" -print -quit)" ]
}
if needs_build; then
  echo "seq4j-bench: building (mvn package -pl seq4j-bench -am)" >&2
  # Maven's own output goes to stderr: stdout carries only the contract lines.
  if ! mvn -B -ntp -q -o package -DskipTests -pl seq4j-bench -am >&2; then
    mvn -B -ntp -q package -DskipTests -pl seq4j-bench -am >&2
  fi
  touch "$stamp"
fi

# GC: until C2 has compiled the Vector API kernels, every vector op allocates a box (~100 MB per early 256³
# product). The serial collector sheds that garbage without growing the heap: w1 peaks at ~230 MB RSS, against
# ~900 MB with the parallel collector, at the same speed. Training workloads keep the parallel collector.
# Heap: a training step allocates far more than it keeps (every op returns a new tensor), so with -Xmx4g the heap
# grows to GBs of garbage before collecting (w2 1.8-2 GB RSS, w4 3.6 GB). Capped near the live set instead so that
# peak RSS stays within PyTorch's (w2 407, w4 778 MB): w2 at 288 MB gives ~390 MB RSS. The cap costs time (more
# collections; on a quiet machine w2 ran ~105 ms per step at 4 GB, ~125-140 ms at 256-320 MB). At w4's 640 MB the
# parallel collector ran back-to-back full GCs; G1 reclaims the large dead arrays at young collections instead.
case "${1:-}" in
  startup|w1) gc="-XX:+UseSerialGC -Xmx4g" ;;
  w2|w3) gc="-XX:+UseParallelGC -Xmx288m" ;;
  w5) gc="-XX:+UseParallelGC -Xmx256m" ;;
  w4) gc="-XX:+UseG1GC -Xmx640m" ;;
  *) gc="-XX:+UseParallelGC -Xmx4g" ;;
esac
exec java --add-modules jdk.incubator.vector $gc ${JAVA_OPTS:-} \
  -cp "seq4j-bench/target/classes:$(cat "$stamp")" org.seq4j.bench.BenchMain "$@"
