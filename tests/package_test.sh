#!/usr/bin/env bash
# Builds the .deb with CPack and checks what it holds and what it depends on.
set -euo pipefail
build=$1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# CPack's Debian generator computes the dependencies with dpkg-shlibdeps, which needs `file`.
for tool in file dpkg-shlibdeps; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    pkg=file; [ "$tool" = dpkg-shlibdeps ] && pkg=dpkg-dev
    echo "the package test needs '$tool': install the Debian package '$pkg' (.ci/deps does)"
    echo "0 passed, 1 failed"
    exit 1
  fi
done
(cd "$build" && cpack -G DEB -B "$out" >/dev/null)
deb=$(ls "$out"/boussole_*.deb)
contents=$(dpkg-deb -c "$deb")
depends=$(dpkg-deb -f "$deb" Depends)
echo "package: $(basename "$deb")"
echo "depends: $depends"
fail=0
for f in ./usr/bin/boussole ./usr/share/man/man1/boussole.1 ./usr/share/man/man5/boussole-format.5 \
         ./usr/share/boussole/schema/report.schema.json ./usr/share/boussole/schema/recap.schema.json; do
  grep -q " $f\$" <<<"$contents" || { echo "missing from the package: $f"; fail=1; }
done
# A second argument "mimalloc": the program was linked with it (BOUSSOLE_MIMALLOC).
expected=(libyaml-cpp0.7 libfmt9 libgit2-1.5 libstdc++6 libc6)
[ "${2:-}" = mimalloc ] && expected+=(libmimalloc2.0)
for d in "${expected[@]}"; do
  grep -q "$d" <<<"$depends" || { echo "missing dependency: $d"; fail=1; }
done
# The packaged binary runs.
dpkg-deb -x "$deb" "$out/root"
"$out/root/usr/bin/boussole" --version | grep -q '^boussole ' || { echo "the packaged binary does not run"; fail=1; }
[ $fail -eq 0 ] && echo "1 passed, 0 failed" || { echo "0 passed, 1 failed"; exit 1; }
