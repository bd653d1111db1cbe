#!/bin/sh
# issue 15: every golden SVG chart (tests/golden/charts/*.svg) read by xmllint, a real XML parser:
# well-formed, on its own. Fails when there is none to read (a moved folder, a renamed suffix).
set -eu
dir="$1/tests/golden/charts"
count=0
for f in "$dir"/*.svg; do
    [ -e "$f" ] || break
    xmllint --noout "$f"
    count=$((count + 1))
done
if [ "$count" -lt 14 ]; then
    echo "charts_xmllint: expected at least 14 golden SVGs in $dir, found $count" >&2
    exit 1
fi
echo "charts_xmllint: $count SVGs well-formed"
