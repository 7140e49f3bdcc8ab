#!/usr/bin/env bash
# Durability: a report is acknowledged only after its transaction commits.
# Clients submit reports while the server is killed with SIGKILL; after a
# restart every acknowledged submission is there, whole, and nothing else
# changed. Environment: CXBENCH (the binary).
set -uo pipefail
: "${CXBENCH:?set CXBENCH to the cxbench binary}"
die() { echo "FAIL $*"; exit 1; }
work=$(mktemp -d)
server=
trap '[[ -n $server ]] && kill -9 $server 2>/dev/null; rm -rf "$work"' EXIT
db=$work/d.db
"$CXBENCH" demo --db "$db" --participants 12 --shoppers 60 --open 1000 --format json >/dev/null || die "demo"
before=$(sqlite3 "$db" "SELECT count(*) FROM contact WHERE status = 'planned'")
shoppers=$(sqlite3 "$db" "SELECT DISTINCT shopper_id FROM contact ORDER BY shopper_id LIMIT 4")
for s in $shoppers; do
  "$CXBENCH" user add --db "$db" --email "$s@test.no" --role shopper --shopper "$s" --password "pass-$s-1" >/dev/null || die "user add $s"
done
start_server() {
  "$CXBENCH" serve --db "$db" --listen 127.0.0.1:0 --resamples 0 >"$work/serve.log" 2>&1 &
  server=$!
  for _ in $(seq 1 200); do
    port=$(sed -n 's/.*listening on http:\/\/127.0.0.1:\([0-9]*\).*/\1/p' "$work/serve.log")
    [[ -n "$port" ]] && return 0
    sleep 0.1
  done
  die "the server did not start: $(cat "$work/serve.log")"
}
start_server
# One client per shopper: start and submit each of its contacts, noting each acknowledgement.
client() {
  local s=$1 jar=$work/$1.jar
  local csrf
  csrf=$(curl -s -c "$jar" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$s@test.no\",\"password\":\"pass-$s-1\"}" "http://127.0.0.1:$port/api/v1/session" |
    sed -n 's/.*"csrf_token":"\([0-9a-f]*\)".*/\1/p')
  # An unanswered contact is submitted once its attempt has an outcome; an
  # e-mail's (never answered) only after 72 h, so e-mails are left out.
  for id in $(sqlite3 "$db" "SELECT id FROM contact WHERE shopper_id = '$s' AND channel <> 'email_form' ORDER BY id"); do
    curl -s -o /dev/null -b "$jar" -H "X-CSRF-Token: $csrf" -d '' "http://127.0.0.1:$port/api/v1/assignments/$id/start" || return
    curl -s -o /dev/null -b "$jar" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
      -d '{"outcome":"no_answer"}' "http://127.0.0.1:$port/api/v1/assignments/$id/outcome" || return
    code=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -H "X-CSRF-Token: $csrf" -d '' \
      "http://127.0.0.1:$port/api/v1/assignments/$id/submit") || return
    [[ "$code" == 200 ]] && echo "$id" >>"$work/acked.$s"
  done
}
pids=()
for s in $shoppers; do client "$s" & pids+=($!); done
# Kill mid-stream: once some submissions are acknowledged, while others are in flight.
for _ in $(seq 1 300); do
  [[ $(cat "$work"/acked.* 2>/dev/null | wc -l) -ge 3 ]] && break
  sleep 0.1
done
kill -9 "$server"
wait "${pids[@]}" 2>/dev/null
acked=$(cat "$work"/acked.* 2>/dev/null | sort -u)
n_acked=$(echo -n "$acked" | grep -c . || true)
[[ $n_acked -gt 0 ]] || die "no submission was acknowledged before the kill (too slow a machine?)"
# Restart: the database opens (WAL recovered) and holds every acknowledged report, whole.
start_server
for id in $acked; do
  row=$(sqlite3 "$db" "SELECT status, started_at IS NOT NULL FROM contact WHERE id = '$id'")
  [[ "$row" == "submitted|1" ]] || die "acknowledged $id is '$row' after the kill, not submitted"
done
# Nothing else changed: only the four shoppers' contacts moved, and only to started or submitted.
others=$(sqlite3 "$db" "SELECT count(*) FROM contact WHERE status <> 'planned' AND shopper_id NOT IN ($(printf "'%s'," $shoppers | sed 's/,$//'))")
[[ "$others" == 0 ]] || die "$others contacts of other shoppers changed"
odd=$(sqlite3 "$db" "SELECT count(*) FROM contact WHERE status NOT IN ('planned', 'started', 'submitted')")
[[ "$odd" == 0 ]] || die "$odd contacts in an unexpected state"
after=$(sqlite3 "$db" "SELECT count(*) FROM contact")
[[ "$after" == "$before" ]] || die "contacts: $before before, $after after"
kill "$server"
echo "durability: $n_acked acknowledged submissions all present after SIGKILL"
