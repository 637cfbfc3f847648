#!/usr/bin/env bash
# Installs Debian's Neovim for test/editors/neovim.test.ts, the way scripts/e2e/setup.sh installs Chromium:
# apt-get, through sudo unless root. Quick when nvim is already there.
#
# Exit 0: nvim is on PATH (printed on the last line). Exit 3: apt-get is not available here, so the test cannot
# install it (the test then skips with that message). Any other failure exits non-zero with apt's output.
set -euo pipefail

log() { printf '[editors-setup] %s\n' "$*" >&2; }

if command -v nvim >/dev/null; then
  command -v nvim
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  log "nvim is not installed and apt-get is not available: install Neovim with this system's package manager"
  exit 3
fi
SUDO=()
[ "$(id -u)" = 0 ] || SUDO=(sudo)
log "apt-get install neovim"
t0=$(date +%s)
# Another install (scripts/e2e/setup.sh, a developer) may hold dpkg's lock: wait for it rather than fail.
"${SUDO[@]}" apt-get -o DPkg::Lock::Timeout=300 update -q >&2
DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get -o DPkg::Lock::Timeout=300 install -y -q --no-install-recommends neovim >&2
log "apt done in $(($(date +%s) - t0))s"
command -v nvim
