#!/usr/bin/env bash
# editors/vscode, the VS Code extension that runs `boussole lsp` (issue 18): compiled with tsc and
# packaged with @vscode/vsce as a user would (npm run compile, npm run package), in a copy of
# the folder; the .vsix (a zip) must hold the compiled extension, its package.json and its
# runtime dependency (vscode-languageclient), and not the sources or build tools. Its command
# module (out/server.js) is then run under Node.js against the real binary, a missing program
# and one that is not boussole. The npm packages (pinned by editors/vscode/package-lock.json)
# are installed by .ci/test (npm ci in editors/vscode), as tests/js's are.
# usage: tests/vscode_test.sh BOUSSOLE_BINARY SOURCE_DIR
set -euo pipefail
boussole=$1
ext=$(cd "$2/editors/vscode" && pwd)
if [ ! -x "$ext/node_modules/.bin/tsc" ] || [ ! -x "$ext/node_modules/.bin/vsce" ] ||
  [ ! -d "$ext/node_modules/vscode-languageclient" ]; then
  echo "the extension's npm packages are missing: run (cd editors/vscode && npm ci)"
  echo "0 passed, 1 failed"
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
copy=$work/vscode
mkdir "$copy"
cp -r "$ext/package.json" "$ext/package-lock.json" "$ext/tsconfig.json" "$ext/.vscodeignore" "$ext/README.md" \
  "$ext/src" "$copy/"
ln -s "$ext/node_modules" "$copy/node_modules"
# Prompts (a missing field) would wait for an answer: there is none to give.
(cd "$copy" && npm run --silent compile && npm run --silent package -- --out "$work/boussole.vsix") </dev/null \
  >"$work/build.log" 2>&1 || {
  cat "$work/build.log"
  echo "FAIL npm run compile / npm run package"
  echo "0 passed, 1 failed"
  exit 1
}
python3 - "$work/boussole.vsix" "$ext/package.json" "$work/unpacked" <<'PY'
import json, os, sys, zipfile
vsix, source_json, unpacked = sys.argv[1:4]
failed = []
def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failed.append(what)
with zipfile.ZipFile(vsix) as z:
    check(z.testzip() is None, "the .vsix is a sound zip")
    names = set(z.namelist())
    for need in ("extension.vsixmanifest", "[Content_Types].xml", "extension/package.json", "extension/readme.md",
                 "extension/out/extension.js", "extension/out/server.js",
                 "extension/node_modules/vscode-languageclient/node.js"):
        check(need in names, f"the .vsix holds {need}")
    packed = json.loads(z.read("extension/package.json"))
    source = json.load(open(source_json, encoding="utf-8"))
    for key in ("name", "publisher", "version", "main", "engines", "activationEvents", "contributes", "dependencies"):
        check(packed.get(key) == source.get(key), f"its package.json keeps {key} of editors/vscode/package.json")
    main = "extension/" + os.path.normpath(packed["main"])
    check(main in names, f"its main ({packed['main']}) is in the .vsix")
    for name in names:
        if name.endswith(".ts") or name.startswith("extension/src/") or \
                name.startswith(("extension/node_modules/typescript/", "extension/node_modules/@vscode/vsce")):
            check(False, f"no source or build tool in the .vsix: {name}")
            break
    z.extractall(unpacked)
print(f"{'vsix checks failed' if failed else 'vsix checks passed'}")
sys.exit(1 if failed else 0)
PY
# The compiled extension's own requires resolve inside the package (all but `vscode`, which the
# editor provides), and its command module behaves against real programs.
node - "$work/unpacked/extension" "$boussole" "$work" <<'JS'
const path = require("path");
const fs = require("fs");
const [root, boussole, work] = process.argv.slice(2);
let failed = 0;
const check = (ok, what) => { console.log((ok ? "ok   " : "FAIL ") + what); if (!ok) failed++; };
const out = path.join(root, "out");
for (const file of ["extension.js", "server.js"]) {
  const code = fs.readFileSync(path.join(out, file), "utf8");
  for (const [, dep] of code.matchAll(/require\("([^"]+)"\)/g)) {
    if (dep === "vscode") continue;
    let ok = true;
    try { require.resolve(dep, { paths: [out] }); } catch { ok = false; }
    check(ok, `out/${file}: require("${dep}") resolves inside the .vsix`);
  }
}
const server = require(path.join(out, "server.js"));
const cmd = server.serverCommand("  ", "/home/ann/repo");
check(JSON.stringify(cmd) === JSON.stringify({ command: "boussole", args: ["lsp"], options: { cwd: "/home/ann/repo" } }),
  `an empty boussole.path runs 'boussole lsp' in the workspace folder: ${JSON.stringify(cmd)}`);
const init = server.initializationOptions("plans/roadmap", "/home/ann/repo");
check(init && init.path === "/home/ann/repo/plans/roadmap", `boussole.roadmap is resolved from the workspace folder: ${JSON.stringify(init)}`);
check(server.initializationOptions("", "/home/ann/repo") === undefined, "no boussole.roadmap: no initializationOptions");
check(server.problemWith(boussole) === undefined, `the real binary is accepted: ${server.problemWith(boussole)}`);
const missing = server.problemWith(path.join(work, "no-such-boussole"));
check(/was not found \(boussole\.path\)/.test(missing || ""), `a missing program is said with the setting to change: ${missing}`);
const other = server.problemWith("/bin/true");
check(/did not answer as boussole does/.test(other || ""), `a program that is not boussole is refused: ${other}`);
process.exit(failed ? 1 : 0);
JS
echo "1 passed, 0 failed"
