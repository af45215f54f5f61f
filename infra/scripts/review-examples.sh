#!/usr/bin/env bash
# Sets everything up, then reviews the bundled example dossiers (examples/)
# and prints the result. Extra arguments go to `hds review`
# (e.g. --format html --out report.html).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
infra/scripts/setup.sh
source infra/scripts/toolchain.sh
# The examples were generated for this review date; a fixed date keeps the
# demonstration's verdicts stable as real time passes.
exec node services/cli/src/main.ts review examples --as-of 2026-11-29 --state-dir .hds/examples --format table "$@"
