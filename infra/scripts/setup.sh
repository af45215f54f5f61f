#!/usr/bin/env bash
# Sets up a fresh clone: Node >= 22.13 and pnpm (provisioned into .tools/ when
# missing), then the workspace's dependencies. Safe to run again.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
# shellcheck source=toolchain.sh
source infra/scripts/toolchain.sh
if [ "${CI:-}" = "true" ]; then
  pnpm install --frozen-lockfile --reporter=silent
else
  pnpm install --reporter=silent
fi
