#!/usr/bin/env bash
# Installs the Debian packages of an editor test (test/editors/), the way scripts/e2e/setup.sh installs Chromium:
# apt-get, through sudo unless root. Quick when they are all installed already.
#
#   scripts/editors/install.sh neovim
#   scripts/editors/install.sh emacs-nox elpa-eglot elpa-yaml-mode
#
# Exit 0: every package is installed. Exit 3: some are missing and apt-get is not available here (the test then
# skips, printing this script's message). Any other failure exits non-zero with apt's output.
set -euo pipefail

log() { printf '[editors-setup] %s\n' "$*" >&2; }

# The editor tests run at once (node --test): one apt-get at a time.
exec 9>"${TMPDIR:-/tmp}/imm-highlight-editors-install.lock"
flock 9

need=()
for package in "$@"; do
  dpkg -s "$package" >/dev/null 2>&1 || need+=("$package")
done
[ ${#need[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null; then
  log "${need[*]} not installed and apt-get is not available: install them with this system's package manager"
  exit 3
fi
SUDO=()
[ "$(id -u)" = 0 ] || SUDO=(sudo)
log "apt-get install ${need[*]}"
t0=$(date +%s)
# Another install (scripts/e2e/setup.sh, a developer) may hold dpkg's lock: wait for it rather than fail.
"${SUDO[@]}" apt-get -o DPkg::Lock::Timeout=300 update -q >&2
DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get -o DPkg::Lock::Timeout=300 install -y -q --no-install-recommends "${need[@]}" >&2
log "apt done in $(($(date +%s) - t0))s"
