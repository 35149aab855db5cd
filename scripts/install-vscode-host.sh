#!/usr/bin/env bash
# Installs a real VS Code (code-server 4.100.3 = VS Code 1.100.3) for the extension-host and
# end-to-end test tiers, from the npm registry and Debian packages only. Idempotent: a marker
# keyed on the version makes a second run a no-op. Prints the code-server binary path last.
set -euo pipefail

version=4.100.3
host_dir=${MLGUIDE_HOST_DIR:-$HOME/.cache/mlguide/code-server-$version}
bin="$host_dir/node_modules/.bin/code-server"
marker="$host_dir/.mlguide-installed-$version"

if [[ -f $marker && -x $bin ]]; then
  echo "$bin"
  exit 0
fi

need_debs=()
command -v rg >/dev/null || need_debs+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_debs+=(libkrb5-dev)
if ((${#need_debs[@]})); then
  if [[ $(id -u) -eq 0 ]]; then
    apt-get update -q >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need_debs[@]}" >&2
  else
    echo "install-vscode-host: missing Debian packages: ${need_debs[*]} (run: sudo apt-get install ${need_debs[*]})" >&2
    exit 2
  fi
fi

mkdir -p "$host_dir"
cd "$host_dir"
[[ -f package.json ]] || echo '{"name":"mlguide-vscode-host","private":true}' >package.json
export npm_config_unsafe_perm=true npm_config_yes=true npm_config_audit=false npm_config_fund=false

echo "install-vscode-host: installing code-server@$version into $host_dir" >&2
npm install --no-save --ignore-scripts "code-server@$version" >&2

# code-server's own postinstall downloads ripgrep from GitHub; do its steps by hand instead.
vs="$host_dir/node_modules/code-server/lib/vscode"
(
  cd "$vs"
  npm install --omit=dev --ignore-scripts >&2
  npm rebuild @parcel/watcher @vscode/spdlog kerberos native-watchdog node-pty @vscode/deviceid >&2
  mkdir -p node_modules/@vscode/ripgrep/bin
  cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
  (cd extensions && npm install --omit=dev --ignore-scripts >&2)
  ln -sfn node_modules node_modules.asar
  (cd bin/remote-cli && ln -sfn code-linux.sh code-server)
  (cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
)
npm rebuild argon2 >&2
"$bin" --version >&2
touch "$marker"
echo "$bin"
