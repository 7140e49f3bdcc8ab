#!/usr/bin/env bash
# The QA workbench at the size of a study (issue 15): for the demo study and
# for ten times it, the size and time of the replies the dashboard and the
# QA queue ask for, and the time until each screen shows its figures in
# Debian's Chromium (playwright-core, Performance API: first contentful paint
# and the moment the view's content is on screen). Not a test: it prints.
#   bench/qa.sh [scale ...]     (default: 1 10; scale k = 180k participants,
#                                120k shoppers, as `cxbench demo` takes them)
# CXBENCH_BUILD picks the build (default build/release), or CXBENCH the
# binary itself; CXBENCH_WEB the built front end (default web/dist: run
# `make web`). To compare with an older version, point both at that
# version's binary and web/dist. CXBENCH_QA_DBS: a folder of ready
# databases demo-<scale>.db to copy instead of generating them (the same
# data for both versions, and a debug build need not generate 10x).
#
# Measured 2026-12-02 on the shared 2-core machine (load ~11), Debug+ASan
# build (no release build was at hand: absolute times are inflated, sizes
# exact), same databases for both (10x = the demo's contacts copied ten
# times by SQL, 45,000 contacts), before = main at 7bd6092:
#   scale 1:  GET /qa 2,490,322 B 7.4 s -> 21,320 B 0.8 s (one page of 50);
#             /assignments 2.49 MB 6.5 s -> 26 kB 1.0 s; /qa/counts 16.9 kB 0.26 s;
#             dashboard content shown 12.9 s -> 5.1 s, QA queue 7.9 s -> 1.7 s
#             (first contentful paint 0.4-0.9 s both).
#   scale 10: GET /qa 24,984,121 B 177 s -> 21,368 B 0.8 s; /assignments 25 MB
#             279 s -> 26 kB 0.4 s; /qa/counts 17 kB 0.3 s; /progress (not
#             paged: loads every contact) 42 s -> 7.2 s; the dashboard did not
#             show within 120 s -> 11.2 s (held up by /progress), QA queue 2.1 s.
#
# List rows without "answers"/"comments" (issue 13), 2026-12-02, the demo
# study (4,500 submitted), main's Debug+ASan build before, h/tsan's TSan
# build after, same database, bytes by curl as below: GET /qa?per_page=200
# 102,333 -> 96,933 B (200 rows x 27 B of ',"answers":[],"comments":[]');
# GET /qa?limit=200 (limit is no parameter: the default page of 50)
# 25,921 -> 24,571 B; GET /assignments?per_page=200 145,664 -> 140,264 B.
set -euo pipefail
cd "$(dirname "$0")/.."
build="${CXBENCH_BUILD:-build/release}"
cx="${CXBENCH:-$build/src/cli/cxbench}"
web="${CXBENCH_WEB:-$PWD/web/dist}"
[[ -x "$cx" ]] || { echo "bench/qa.sh: $cx not found; run make build" >&2; exit 1; }
[[ -f "$web/index.html" ]] || { echo "bench/qa.sh: no front end in $web; run make web" >&2; exit 1; }
scales=("$@")
[[ ${#scales[@]} -gt 0 ]] || scales=(1 10)
work=$(mktemp -d)
server=
trap '[[ -n $server ]] && kill $server 2>/dev/null; rm -rf "$work"' EXIT

for k in "${scales[@]}"; do
  db="$work/demo-$k.db"
  if [[ -n "${CXBENCH_QA_DBS:-}" && -f "$CXBENCH_QA_DBS/demo-$k.db" ]]; then
    cp "$CXBENCH_QA_DBS/demo-$k.db" "$db"
  else
    "$cx" demo --db "$db" --participants $((180 * k)) --shoppers $((120 * k)) --format json >/dev/null
  fi
  "$cx" user add --db "$db" --email manager@bench.no --role manager --password bench-pass-1 >/dev/null
  "$cx" serve --db "$db" --listen 127.0.0.1:0 --web "$web" --resamples 200 >"$work/serve.log" 2>&1 &
  server=$!
  port=
  for _ in $(seq 1 300); do
    port=$(sed -n 's/.*listening on http:\/\/127.0.0.1:\([0-9]*\).*/\1/p' "$work/serve.log")
    [[ -n "$port" ]] && break
    sleep 0.1
  done
  [[ -n "$port" ]] || { cat "$work/serve.log"; exit 1; }
  base="http://127.0.0.1:$port"
  curl -s -c "$work/jar" -o /dev/null -H 'Content-Type: application/json' \
    -d '{"email":"manager@bench.no","password":"bench-pass-1"}' "$base/api/v1/session"
  contacts=$(sqlite3 "$db" "SELECT count(*) FROM contact")
  echo "scale $k: $contacts contacts, $(sqlite3 "$db" "SELECT count(*) FROM contact WHERE status = 'submitted'") waiting for QA"
  printf '  %-28s %6s %12s %9s\n' "reply" "status" "bytes" "seconds"
  # Warm the results cache first: the dashboard asks for them too.
  curl -s -b "$work/jar" -o /dev/null "$base/api/v1/results"
  for path in qa qa/counts progress results assignments audit users; do
    curl -s -b "$work/jar" -o /dev/null -w "%{http_code} %{size_download} %{time_total}\n" \
      "$base/api/v1/$path" | awk -v p="$path" '{ printf "  %-28s %6s %12s %9s\n", p, $1, $2, $3 }'
  done
  node bench/qa_paint.mjs "$base" manager@bench.no bench-pass-1
  kill $server; wait $server 2>/dev/null || true
  server=
done
