#!/usr/bin/env bash
# make bench: runs every benchmark under bench/ against the release build.
# Each bench/<name>.sh prints its own figures and ratios against its peer.
set -euo pipefail
cd "$(dirname "$0")/.."
export CXBENCH_BUILD=build/release
status=0
for script in bench/*.sh; do
  [[ -e "$script" ]] || continue
  echo "=== $(basename "$script" .sh)"
  bash "$script" || status=1
done
exit $status
