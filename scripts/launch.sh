# Sourced by the root launchers (./seq4j, ./seq4j-bench): builds MODULE if its classes or classpath are missing or
# older than any source, then runs MAIN_CLASS on the Temurin 25 JDK with the Vector API module.
# Expects MODULE and MAIN_CLASS to be set; the launcher's arguments are passed through.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source "$ROOT/scripts/java-env.sh"

stamp="$ROOT/$MODULE/target/classpath.txt"
if [ ! -f "$stamp" ] || [ -n "$(find "$ROOT"/seq4j-core/src/main "$ROOT/$MODULE/src/main" "$ROOT"/pom.xml \
      "$ROOT"/*/pom.xml -newer "$stamp" -print -quit 2>/dev/null)" ]; then
  echo "seq4j: building $MODULE (first use or sources changed)..." >&2
  mvn -B -ntp -q -o package -DskipTests -pl "$MODULE" -am >&2 2>&1 \
    || mvn -B -ntp -q package -DskipTests -pl "$MODULE" -am >&2
  touch "$stamp"   # the classpath file is not rewritten when unchanged, and it is the stamp of this build
fi
# The JVM announces the incubator module on every start; dropped here so that an error is the one line it should be.
set +e
{ java --add-modules jdk.incubator.vector ${SEQ4J_JAVA_OPTS:--Xmx4g} \
    -cp "$ROOT/$MODULE/target/classes:$(cat "$stamp")" "$MAIN_CLASS" "$@" 2>&1 1>&3 3>&- \
    | grep --line-buffered -v '^WARNING: Using incubator modules: jdk.incubator.vector$' >&2; } 3>&1
exit "${PIPESTATUS[0]}"
