#!/usr/bin/env bash
# `boussole lsp` under Neovim's own LSP client, headless (tests/nvim/lsp_e2e.lua): diagnostics
# equal to `boussole lint` on opening and after edits across files (typed keys included),
# positions after emoji, go to definition into another file, completing an owner, a rename across
# files saved and linted, a quick fix applied, the README's set-up for Neovim 0.7. Neovim 0.7 or
# later (Debian 12's is 0.7.2, installed by .ci/deps); a missing nvim is a failure, not a skip.
#
# With --session, the seeded editing session instead (tests/nvim/session.lua): SECONDS of edits,
# every diagnostic compared with `boussole lint` on the saved files; SEED defaults to 1, the
# binary to build/boussole and the source tree to the one holding this script.
# usage: tests/nvim/run.sh BOUSSOLE_BINARY SOURCE_DIR
#        tests/nvim/run.sh --session SECONDS [SEED] [BOUSSOLE_BINARY [SOURCE_DIR]]
set -euo pipefail
script=lsp_e2e.lua
if [ "${1:-}" = --session ]; then
  script=session.lua
  export BOUSSOLE_SESSION_SECONDS=${2:?--session needs a number of seconds}
  shift 2
  if [[ "${1:-}" =~ ^[0-9]+$ ]]; then
    export BOUSSOLE_SESSION_SEED=$1
    shift
  fi
  here=$(cd "$(dirname "$0")/../.." && pwd)
  boussole=${1:-$here/build/boussole}
  source_dir=${2:-$here}
else
  boussole=$1
  source_dir=$2
fi
if ! command -v nvim >/dev/null 2>&1; then
  echo "nvim is not installed: the end-to-end test of boussole lsp needs Neovim 0.7 or later (.ci/deps installs Debian's neovim)"
  echo "0 passed, 1 failed"
  exit 1
fi
# A home of its own: no user configuration, shada or log is read or written.
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export HOME=$home XDG_CONFIG_HOME=$home/config XDG_DATA_HOME=$home/data XDG_STATE_HOME=$home/state \
  XDG_CACHE_HOME=$home/cache TMPDIR=$home
export BOUSSOLE=$boussole BOUSSOLE_SOURCE=$source_dir
# The script ends nvim itself; an error it did not catch (a Lua error outside a step) would
# leave nvim waiting: it is said and ends nvim with a failure too. ctest's TIMEOUT bounds the rest.
export BOUSSOLE_NVIM_SCRIPT=$source_dir/tests/nvim/$script
exec nvim --headless --clean -u NONE -i NONE </dev/null -c "lua
  local ok, err = pcall(dofile, os.getenv('BOUSSOLE_NVIM_SCRIPT'))
  if not ok then
    io.stdout:write('FAIL the script itself: ' .. tostring(err) .. '\n0 passed, 1 failed\n')
    vim.cmd('cquit 1')
  end"
