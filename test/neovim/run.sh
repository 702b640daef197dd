#!/usr/bin/env bash
# Neovim (headless) as a second LSP client of the govsec language server.
# Usage: bash test/neovim/run.sh        (npm run test:neovim; needs a build: dist/server.js)
# Prints PASS/FAIL lines and a final summary line "neovim: N passed, M failed"; exits non-zero on any failure.
# Without nvim on PATH the test is skipped (exit 0) unless GOVSEC_REQUIRE_NEOVIM or CI is set, which makes a
# missing nvim a failure.
set -u

case "${BASH_SOURCE[0]}" in */*) here=${BASH_SOURCE[0]%/*} ;; *) here=. ;; esac
here=$(cd "$here" && pwd)
repo=$(cd "$here/../.." && pwd)

summary_fail() { # message → one FAIL line and the summary, exit 1
  echo "FAIL $1"
  echo "neovim: 0 passed, 1 failed"
  exit 1
}

if ! command -v nvim >/dev/null 2>&1; then
  if [ -z "${GOVSEC_REQUIRE_NEOVIM+set}" ] && [ -z "${CI:-}" ]; then
    echo "SKIP nvim is not installed: Neovim client test skipped, nothing ran (set GOVSEC_REQUIRE_NEOVIM=1 to make this a failure)"
    echo "neovim: 0 passed, 0 failed"
    exit 0
  fi
  summary_fail "nvim is not installed but GOVSEC_REQUIRE_NEOVIM or CI is set"
fi
command -v node >/dev/null 2>&1 || summary_fail "node is not on PATH"
command -v timeout >/dev/null 2>&1 || summary_fail "timeout (coreutils) is not on PATH"
[ -f "$repo/dist/server.js" ] && [ -f "$repo/dist/glossary-index.json" ] ||
  summary_fail "dist/server.js or dist/glossary-index.json is missing; run npm run build first"

work=$(mktemp -d /tmp/govsec-nvim.XXXXXX) || summary_fail "mktemp failed"
trap 'rm -rf "$work"' EXIT

# Hermetic Neovim: its cache/log, data (swap, shada) and state under the scratch folder.
export XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state"
cp "$here/doc.md" "$work/doc.md" # the test edits the buffer (never saved); keep the fixture untouched anyway
# The server's language falls back to the environment (Neovim sends no locale): make it English, whatever the
# machine's locale; the Japanese client asks for ja through its settings.
unset LC_ALL LC_MESSAGES
export LANG=C.UTF-8
export GOVSEC_SERVER="$repo/bin/govsec-language-server.js" GOVSEC_DOC="$work/doc.md" GOVSEC_OUT="$work/result.txt"

start=$(date +%s%N)
# Load test.lua through pcall(dofile): a syntax error then ends nvim at once (a bare `luafile` would leave headless
# nvim running until `timeout`); test.lua itself always leaves through qall!/cquit.
load_test="local ok, err = pcall(dofile, 'test.lua'); if not ok then io.stderr:write('test.lua: ', tostring(err), '\\n'); vim.cmd('cquit 3') end"
(cd "$here" && timeout -k 5 60 nvim --headless -u NONE -i NONE -n -c "lua $load_test" </dev/null >"$work/nvim.out" 2>&1)
rc=$?
wall_ms=$(( ($(date +%s%N) - start) / 1000000 ))

[ -f "$work/result.txt" ] && grep -E '^(PASS|FAIL|INFO)' "$work/result.txt"
passed=$(grep -c '^PASS' "$work/result.txt" 2>/dev/null)
failed=$(grep -c '^FAIL' "$work/result.txt" 2>/dev/null)
passed=${passed:-0}
failed=${failed:-0}

if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # nvim died or hung without recording a failure (timeout gives 124/137).
  echo "FAIL nvim exited with status $rc without reporting a failure$([ "$rc" -ge 124 ] && echo ' (timeout)')"
  failed=1
fi
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then
  echo "FAIL no checks ran"
  failed=1
fi
echo "INFO nvim exit=$rc wall=${wall_ms}ms"
if [ "$failed" -ne 0 ]; then
  if [ -s "$work/nvim.out" ]; then
    echo "---- nvim output (tail) ----"
    tail -n 20 "$work/nvim.out"
  fi
  for log in "$XDG_CACHE_HOME/nvim/lsp.log" "$XDG_STATE_HOME/nvim/lsp.log"; do
    if [ -s "$log" ]; then
      echo "---- $log (tail) ----"
      tail -n 20 "$log"
    fi
  done
fi
echo "neovim: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
