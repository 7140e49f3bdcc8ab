#!/usr/bin/env bash
# The results engine's speed: full results (10,000 bootstrap resamples) for the
# default demo (4,500 contacts) and ten times that (45,000 contacts). The issue
# names no peer, so it prints absolute times and the ratio to the targets
# (1 s and 3 s). Usage: bench/results.sh [resamples] [repeats]
set -euo pipefail
cd "$(dirname "$0")/.."
build="${CXBENCH_BUILD:-build/release}"
binary="$build/bench/results/bench_results"
if [[ ! -x "$binary" ]]; then
  echo "bench/results.sh: $binary not found; build first (make build, or cmake --build $build)" >&2
  exit 1
fi
"$binary" "${1:-10000}" "${2:-3}"
