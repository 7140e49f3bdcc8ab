#!/usr/bin/env bash
# The fieldwork planner's speed: `cxbench plan` on the default demo (180
# participants, 4,500 contacts, 120 shoppers, 17 weeks) and on a study ten
# times that (1,800 participants, 45,000 contacts, 1,200 shoppers), with wall
# time and peak memory from /usr/bin/time -v, and the independent checker's
# verdict on both. Targets (issue 4): 10 s and 2 min on this 2-core machine.
# Usage: bench/plan.sh
set -euo pipefail
cd "$(dirname "$0")/.."
build="${CXBENCH_BUILD:-build/release}"
cx="$build/src/cli/cxbench"
if [[ ! -x "$cx" ]]; then
  echo "bench/plan.sh: $cx not found; build first (make build)" >&2
  exit 1
fi
if [[ ! -x /usr/bin/time ]]; then
  echo "bench/plan.sh: /usr/bin/time not found (Debian package time; make setup)" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0

run() {
  local name=$1 participants=$2 shoppers=$3 target=$4
  "$cx" demo --db "$work/$name.db" --participants "$participants" --shoppers "$shoppers" \
    --no-fieldwork >/dev/null
  if ! /usr/bin/time -v -o "$work/$name.time" "$cx" plan --db "$work/$name.db" >"$work/$name.out" 2>&1; then
    echo "$name: cxbench plan failed:"; cat "$work/$name.out"; status=1; return
  fi
  local wall memory verdict seconds
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/$name.time")
  memory=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/$name.time")
  seconds=$(awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }' <<<"$wall")
  if "$cx" plan check --db "$work/$name.db" >"$work/$name.check" 2>&1; then
    verdict="every hard constraint holds"
  else
    verdict="$(tail -n +1 "$work/$name.check" | grep '^plan check' || true)"; status=1
  fi
  sed -n '1,2p' "$work/$name.out" | sed "s/^/$name: /"
  awk -v n="$name" -v s="$seconds" -v t="$target" -v m="$memory" \
    'BEGIN { printf "%s: wall %.2f s (target %d s, %.0f%% of it), peak memory %.0f MB\n", n, s, t, 100 * s / t, m / 1024 }'
  echo "$name: plan check: $verdict"
  awk -v s="$seconds" -v t="$target" 'BEGIN { exit !(s <= t) }' || { echo "$name: OVER TARGET"; status=1; }
}

run default 180 120 10
run ten_times 1800 1200 120
exit $status
