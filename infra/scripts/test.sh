#!/usr/bin/env bash
# Sets everything up (toolchain, dependencies, local services) and runs the
# whole test suite: type check, unit and integration tests.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
infra/scripts/setup.sh
infra/scripts/services.sh
# S3 for the storage tests (Ceph RGW); s3.sh prints the HDS_TEST_S3_* variables as KEY=value lines.
s3_env="$(infra/scripts/s3.sh start)"
while IFS= read -r kv; do export "$kv"; done <<<"$s3_env"
source infra/scripts/toolchain.sh
pnpm test
