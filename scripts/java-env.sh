# Sourced by the launchers: points JAVA_HOME at a JDK 25 (Temurin's on the project machines), installing nothing.
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -q '"25'; then
  for candidate in "${JAVA_HOME_25:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*25*; do
    if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && "$candidate/bin/java" -version 2>&1 | grep -q '"25'; then
      export JAVA_HOME="$candidate"
      break
    fi
  done
fi
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -q '"25'; then
  echo "seq4j needs a JDK 25: set JAVA_HOME (or JAVA_HOME_25) to one" >&2
  exit 2
fi
export PATH="$JAVA_HOME/bin:$PATH"
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
