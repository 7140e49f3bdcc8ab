#!/usr/bin/env bash
# Issue 6 target: all 180 participant reports of the default demo as PDF in
# under 3 minutes on this 2-core machine. Prints the wall time, the rate and
# the ratio to the target. The peer is the target itself (the issue names no
# other tool).
set -euo pipefail
cd "$(dirname "$0")/.."
build="${CXBENCH_BUILD:-build/release}"
cx="$build/src/cli/cxbench"
[[ -x "$cx" ]] || { echo "bench/report.sh: $cx not found; run make build" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$cx" demo --db "$work/demo.db" >/dev/null
start=$(date +%s.%N)
"$cx" report --db "$work/demo.db" --all --format pdf --out "$work/reports" >/dev/null
end=$(date +%s.%N)
count=$(ls "$work/reports"/*.pdf | wc -l)
/usr/bin/python3 - "$start" "$end" "$count" <<'PY'
import sys
start, end, count = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
seconds = end - start
print(f"report --all (PDF): {count} files (180 participants + ranking) in {seconds:.1f} s, "
      f"{count / seconds:.2f} files/s; target 180 s; ratio to target {seconds / 180:.2f}")
PY
