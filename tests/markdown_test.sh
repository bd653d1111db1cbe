#!/usr/bin/env bash
# The reports pass markdownlint (markdownlint-cli2, MD013 off) and every Mermaid block parses
# with Mermaid's own parser, a gantt chart keeping every task (tests/js/check-mermaid.mjs).
# tests/data/hostile-roadmap holds every trick against Mermaid and Markdown: gantt keywords
# ("accDescr{", "click" and a no-break space), "%%{init}%%", ':' ';' '#', line breaks, raw HTML.
# The npm packages are installed by .ci/test (npm ci in tests/js).
set -euo pipefail
boussole=$1
here=$(cd "$(dirname "$0")" && pwd)
js=$here/js
if [ ! -x "$js/node_modules/.bin/markdownlint-cli2" ] || [ ! -d "$js/node_modules/mermaid" ]; then
  echo "the npm test tools are missing: run (cd tests/js && npm ci)"
  echo "0 passed, 1 failed"
  exit 1
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cd "$here/.."
for roadmap in examples/revops examples/revops-fr tests/data/report-edge tests/data/hostile-roadmap tests/data/backlog; do
  for audience in team leadership sellers; do
    "$boussole" report "$roadmap" --as-of 2026-11-23 --audience "$audience" -o "$out/$(basename "$roadmap")-$audience.md"
    # In French too: no-break spaces, guillemets, the numeric axis of the gantt chart.
    "$boussole" report "$roadmap" --as-of 2026-11-23 --audience "$audience" --lang fr \
      -o "$out/$(basename "$roadmap")-$audience-fr.md"
  done
  # issue 16: the digest, on a Monday and in both languages.
  "$boussole" digest "$roadmap" --as-of 2026-11-23 --no-history -o "$out/$(basename "$roadmap")-digest.md" 2>/dev/null
  "$boussole" digest "$roadmap" --as-of 2026-11-23 --no-history --lang fr \
    -o "$out/$(basename "$roadmap")-digest-fr.md" 2>/dev/null
done
# A fresh starter, reported on the first and last days of its quarter.
(cd "$out" && "$boussole" init starter >/dev/null && "$boussole" init --lang fr starter-fr >/dev/null)
"$boussole" report "$out/starter" -o "$out/starter-today.md"
"$boussole" report "$out/starter-fr" -o "$out/starter-fr-today.md"
# The recap and the diff comment, as the history tests pin them (tests/golden), French ones
# (quarter-fr-fr-*) included.
cp tests/golden/recap-*.md tests/golden/diff-*.md tests/golden/quarter-fr-*.md tests/golden/digest-*.md "$out"/
files=("$out"/*.md)
echo "checking ${#files[@]} reports"
status=0
(cd "$js" && node_modules/.bin/markdownlint-cli2 --config .markdownlint-cli2.jsonc "${files[@]}") || status=1
(cd "$js" && node check-mermaid.mjs "${files[@]}") || status=1
[ $status -eq 0 ] && echo "1 passed, 0 failed" || echo "0 passed, 1 failed"
exit $status
