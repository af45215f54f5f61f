#!/usr/bin/env bash
# Sets everything up (toolchain, dependencies, local services) and runs the
# whole test suite: type check, unit and integration tests.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
infra/scripts/setup.sh
infra/scripts/services.sh
source infra/scripts/toolchain.sh
pnpm test
