#!/usr/bin/env bash
# The test command from the README: builds every module and runs the unit tests (the bench module has none).
set -euo pipefail
cd "$(dirname "$0")/.."
source ./scripts/java-env.sh
exec mvn -B -ntp ${MAVEN_ARGS_EXTRA:-} verify "$@"
