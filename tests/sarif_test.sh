#!/usr/bin/env bash
# The SARIF logs boussole writes pass Microsoft's SARIF validator (sarif-multitool validate,
# npm package @microsoft/sarif-multitool) with no error and no warning: the broken example, a
# roadmap given by an absolute path outside the current directory, and file names with spaces
# and accents inside and outside the source root. The npm packages are installed by .ci/test
# (npm ci in tests/js).
set -euo pipefail
boussole=$1
here=$(cd "$(dirname "$0")" && pwd)
js=$here/js
# The package's own bin.js runs the tool through a shell, which splits arguments with spaces:
# run the platform binary it points to directly.
tool=$(cd "$js" && node -p "require('@microsoft/sarif-multitool')" 2>/dev/null) || tool=
if [ -z "$tool" ] || [ ! -f "$tool" ]; then
  echo "the SARIF validator is missing: it comes with the npm package @microsoft/sarif-multitool;"
  echo "run (cd tests/js && npm ci)"
  echo "0 passed, 1 failed"
  exit 1
fi
if [ ! -x "$tool" ]; then
  echo "$tool is not executable: the postinstall script of @microsoft/sarif-multitool-linux (chmod u+x)"
  echo "did not run; run (cd tests/js && npm ci) with install scripts allowed"
  echo "0 passed, 1 failed"
  exit 1
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
fixture=$here/rules/missing-due.yaml

cd "$here/.."
# 1. The broken example, from the source root (relative URIs under %SRCROOT%).
"$boussole" lint --format sarif -o "$out/broken.sarif" examples/broken || [ $? -eq 1 ]
# 2. A roadmap given by an absolute path outside the current directory (and the git work tree).
mkdir -p "$out/elsewhere/rö ad map"
cp "$fixture" "$out/elsewhere/rö ad map/my plan é.yaml"
"$boussole" lint --format sarif -o "$out/outside.sarif" "$out/elsewhere" || [ $? -eq 1 ]
# 3. Names with spaces and accents under the current directory, outside any git repository.
mkdir -p "$out/tree/équipe ops"
cp "$fixture" "$out/tree/équipe ops/plan Q4 été.yaml"
(cd "$out/tree" && "$boussole" lint --format sarif -o ../inside.sarif "équipe ops") || [ $? -eq 1 ]
logs=("$out/broken.sarif" "$out/outside.sarif" "$out/inside.sarif")

status=0
for log in "${logs[@]}"; do
  grep -q '"uri"' "$log" || { echo "$log: no result with a location: the test checks nothing"; status=1; }
done
# The validator's exit status does not reflect what it finds: read its own SARIF output.
(cd "$out" && "$tool" validate --level "Error;Warning" --output validation.sarif "${logs[@]}") >"$out/validator.txt" 2>&1 || {
  cat "$out/validator.txt"
  echo "sarif-multitool validate failed to run"
  status=1
}
if [ -f "$out/validation.sarif" ]; then
  node -e '
    const log = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    let bad = 0;
    for (const run of log.runs) {
      for (const n of (run.invocations || []).flatMap(i => [...(i.toolExecutionNotifications || []), ...(i.toolConfigurationNotifications || [])]))
        if (n.level === "error" || n.level === "warning") { bad++; console.log(`${n.level}: ${n.message.text}`); }
      for (const r of run.results || []) {
        if (r.level !== "error" && r.level !== "warning") continue;
        bad++;
        const where = r.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? "?";
        console.log(`${where}: ${r.level} ${r.ruleId}: ${JSON.stringify(r.message.arguments ?? r.message.text)}`);
      }
    }
    console.log(`${bad} error(s) or warning(s) from sarif-multitool validate`);
    process.exit(bad ? 1 : 0);
  ' "$out/validation.sarif" || status=1
else
  echo "sarif-multitool validate wrote no result"
  status=1
fi
[ $status -eq 0 ] && echo "1 passed, 0 failed" || echo "0 passed, 1 failed"
exit $status
