#!/usr/bin/env bash
# The web app's speed, measured with wrk (Debian) on loopback against a running
# `cxbench serve` over the default demo (180 participants, 4,500 contacts),
# both sides sharing the machine's cores:
#   - durable report writes per second: a shopper's draft saved again and
#     again (each one transaction with synchronous=FULL, acknowledged only
#     after COMMIT: the same write a submission makes);
#   - a participant's results page: requests per second and p99 latency;
#   - durable report writes per second while four readers ask for the
#     results page (each write moves the change log, so the results are
#     stale again: before issue 12 they were recomputed under the store's
#     lock and the writes waited).
# The issue names no peer: the figures are compared with a study's busiest
# day (see docs/web.md). Usage: bench/server.sh [seconds per run]
set -euo pipefail
cd "$(dirname "$0")/.."
build="${CXBENCH_BUILD:-build/release}"
cx="$build/src/cli/cxbench"
seconds="${1:-10}"
[[ -x "$cx" ]] || { echo "bench/server.sh: $cx not found; run make build" >&2; exit 1; }
command -v wrk >/dev/null || { echo "bench/server.sh: wrk not found; run make setup" >&2; exit 1; }
work=$(mktemp -d)
server=
trap '[[ -n $server ]] && kill $server 2>/dev/null; rm -rf "$work"' EXIT
db=$work/bench.db
"$cx" demo --db "$db" --open 2 --format json >/dev/null
contact=$(sqlite3 "$db" "SELECT id FROM contact WHERE status = 'planned' ORDER BY id LIMIT 1")
shopper=$(sqlite3 "$db" "SELECT shopper_id FROM contact WHERE id = '$contact'")
participant=$(sqlite3 "$db" "SELECT participant_id FROM contact WHERE status = 'submitted' LIMIT 1")
"$cx" user add --db "$db" --email shopper@bench.no --role shopper --shopper "$shopper" --password bench-pass-1 >/dev/null
"$cx" user add --db "$db" --email viewer@bench.no --role participant --participant "$participant" --password bench-pass-2 >/dev/null
"$cx" serve --db "$db" --listen 127.0.0.1:0 --web "" >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do
  port=$(sed -n 's/.*listening on http:\/\/127.0.0.1:\([0-9]*\).*/\1/p' "$work/serve.log")
  [[ -n "$port" ]] && break
  sleep 0.1
done
[[ -n "${port:-}" ]] || { cat "$work/serve.log"; exit 1; }
base="http://127.0.0.1:$port/api/v1"
login() {  # login EMAIL PASSWORD -> "COOKIE CSRF"
  local headers body
  headers=$(curl -s -D - -o "$work/login.json" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"$2\"}" "$base/session")
  echo "$(echo "$headers" | sed -n 's/^Set-Cookie: \(cx_session=[0-9a-f]*\).*/\1/p' | tr -d '\r') $(sed -n 's/.*"csrf_token":"\([0-9a-f]*\)".*/\1/p' "$work/login.json")"
}
read -r shopper_cookie shopper_csrf < <(login shopper@bench.no bench-pass-1)
read -r viewer_cookie _ < <(login viewer@bench.no bench-pass-2)
curl -s -o /dev/null -b "$shopper_cookie" -H "X-CSRF-Token: $shopper_csrf" -d '' "$base/assignments/$contact/start"
# A realistic draft: the first twenty questions of the contact's channel answered.
curl -s -b "$shopper_cookie" "$base/assignments/$contact" >"$work/assignment.json"
/usr/bin/python3 - "$work/assignment.json" >"$work/draft.json" <<'PY'
import json, sys
a = json.load(open(sys.argv[1]))
answers = []
for q in a["questionnaire"]["questions"]:
    if q["type"] in ("duration", "text") or "relevance" in q: continue
    if q["type"] == "choice": answers.append({"question": q["id"], "text": q["options"][0]["id"]})
    else: answers.append({"question": q["id"], "number": q["max"]})
    if len(answers) == 20: break
print(json.dumps({"answers": answers, "comments": [{"area": "agent", "text": "Hyggelig og kunnskapsrik – svarte på alt"}]}))
PY
cat >"$work/put.lua" <<LUA
wrk.method = "PUT"
wrk.body = io.open("$work/draft.json"):read("*a")
wrk.headers["Content-Type"] = "application/json"
LUA

echo "cxbench serve, release build, $(nproc) cores shared by wrk and the server; ${seconds} s per run"
echo "--- durable report writes (PUT draft, one COMMIT each), 1 thread, 4 connections"
wrk -t1 -c4 -d"${seconds}s" --latency -s "$work/put.lua" -H "Cookie: $shopper_cookie" \
  -H "X-CSRF-Token: $shopper_csrf" "$base/assignments/$contact/draft" | tee "$work/put.txt" |
  grep -E "Requests/sec|Non-2xx|99%|50%"
# The writes moved the change log: the next results page recomputes the
# study's results (bootstrap); time that once (?fresh=1 waits for it), then
# measure the cached page.
curl -s -o /dev/null -w "results recomputed after a change: %{time_total} s\n" -b "$viewer_cookie" \
  "$base/participants/$participant/results?fresh=1"
echo "--- a participant's results page (GET), 1 thread, 8 connections"
wrk -t1 -c8 -d"${seconds}s" --latency -H "Cookie: $viewer_cookie" \
  "$base/participants/$participant/results" | tee "$work/get.txt" | grep -E "Requests/sec|Non-2xx|99%|50%"
echo "--- durable report writes (1 connection) while 4 connections read the results page"
wrk -t1 -c4 -d"${seconds}s" --latency -H "Cookie: $viewer_cookie" \
  "$base/participants/$participant/results" >"$work/readers.txt" &
readers=$!
wrk -t1 -c1 -d"${seconds}s" --latency -s "$work/put.lua" -H "Cookie: $shopper_cookie" \
  -H "X-CSRF-Token: $shopper_csrf" "$base/assignments/$contact/draft" | tee "$work/put_read.txt" |
  grep -E "Requests/sec|Non-2xx|99%|50%"
wait $readers
echo "    the readers meanwhile:"
grep -E "Requests/sec|Non-2xx|99%|50%" "$work/readers.txt"
writes=$(sed -n 's/Requests\/sec: *\([0-9.]*\)/\1/p' "$work/put.txt")
# The contest's busiest day: 4,500 contacts over 17 weeks of weekdays is about
# 53 reports a day; even if all 4,500 came in one 8-hour day, with a draft
# save per answer (40 per report), that is 180,000 writes in 28,800 s = 6.25/s.
/usr/bin/python3 -c "import sys; w=float(sys.argv[1]); print(f'headroom: {w:.0f} durable writes/s against 6.25/s if a whole study reported in one 8-hour day ({w/6.25:.0f}x)')" "$writes"
