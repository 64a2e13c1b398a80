#!/usr/bin/env bash
# The test command from the README: builds every module and runs every module's unit tests (the bench module has
# none), then prints one total over all modules' Surefire reports.
set -uo pipefail
cd "$(dirname "$0")/.."
source ./scripts/java-env.sh
stamp=$(mktemp)
mvn -B -ntp ${MAVEN_ARGS_EXTRA:-} verify "$@"
rc=$?
STAMP="$stamp" python3 - <<'PY' || true
import glob, os, re
since = os.path.getmtime(os.environ['STAMP'])
t = f = e = s = 0
for p in glob.glob('*/target/surefire-reports/TEST-*.xml'):
    if os.path.getmtime(p) < since:
        continue  # a report left by an earlier run, not this one
    head = open(p, encoding='utf-8', errors='replace').read(4000)
    m = re.search(r'<testsuite[^>]*>', head)
    if not m:
        continue
    attr = dict(re.findall(r'(\w+)="([^"]*)"', m.group(0)))
    t += int(attr.get('tests', 0)); f += int(attr.get('failures', 0))
    e += int(attr.get('errors', 0)); s += int(attr.get('skipped', 0))
print(f"Total: {t - f - e - s} passed, {f + e} failed, {s} skipped")
PY
rm -f "$stamp"
exit $rc
