#!/usr/bin/env bash
# The main job on the bundled example project: install, build, print what the CLI finds in
# examples/, then open examples/ in VS Code with mlguide loaded — the local `code` when there is
# one, otherwise a real VS Code (code-server) on a loopback URL printed below. Ctrl-C stops it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

npm ci --no-audit --no-fund
npm run --silent build
node scripts/package.mjs

echo
echo "── mlguide lint examples ──────────────────────────────────────────"
node bin/mlguide.js lint examples || true
echo
echo "── mlguide profile examples/data/churn.csv ────────────────────────"
node bin/mlguide.js profile examples/data/churn.csv
echo

if command -v code >/dev/null 2>&1 && [[ -z ${MLGUIDE_DEMO_CODE_SERVER:-} ]]; then
  echo "Opening examples/ in VS Code with mlguide loaded from this checkout."
  exec code --extensionDevelopmentPath="$root" "$root/examples"
fi

bin=$(bash scripts/install-vscode-host.sh)
state="$root/.mlguide-cache/demo"
mkdir -p "$state/extensions" "$state/user-data/User"
cat >"$state/user-data/User/settings.json" <<'JSON'
{
  "security.workspace.trust.enabled": false,
  "workbench.startupEditor": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "telemetry.telemetryLevel": "off"
}
JSON
vsix=$(ls -t "$root"/mlguide-*.vsix | head -n 1)
EXTENSIONS_GALLERY='{}' "$bin" --extensions-dir "$state/extensions" --user-data-dir "$state/user-data" \
  --install-extension "$vsix" --force >/dev/null
port=${MLGUIDE_DEMO_PORT:-8765}
echo "Open http://127.0.0.1:$port/?folder=$root/examples in a browser (Ctrl-C here stops VS Code)."
exec env EXTENSIONS_GALLERY='{}' "$bin" --auth none --bind-addr "127.0.0.1:$port" --disable-telemetry \
  --disable-update-check --extensions-dir "$state/extensions" --user-data-dir "$state/user-data" "$root/examples"
