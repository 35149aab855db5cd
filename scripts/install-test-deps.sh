#!/usr/bin/env bash
# Installs everything the five test tiers need on a fresh Debian machine: Debian packages
# (Chromium for the webview and e2e tiers; libkrb5-dev and ripgrep for the VS Code host) when
# run as root — otherwise it names what is missing —, the npm packages from the lock file, and
# the VS Code host (code-server 4.100.3 = VS Code 1.100.3). Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

debs=(chromium libkrb5-dev ripgrep)
missing=()
for deb in "${debs[@]}"; do
  dpkg -s "$deb" >/dev/null 2>&1 || missing+=("$deb")
done
if ((${#missing[@]})); then
  if [[ $(id -u) -eq 0 ]]; then
    echo "install-test-deps: apt-get install ${missing[*]}"
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
  else
    echo "install-test-deps: missing Debian packages: ${missing[*]}" >&2
    echo "  install them with: sudo apt-get install ${missing[*]}" >&2
    exit 2
  fi
fi

echo "install-test-deps: npm ci"
npm ci --no-audit --no-fund

echo "install-test-deps: VS Code host"
bash scripts/install-vscode-host.sh >/dev/null
echo "install-test-deps: done"
