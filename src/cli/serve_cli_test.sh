#!/usr/bin/env bash
# `cxbench user add` and `cxbench serve` end to end: the e-mail and
# password rules as a user meets them, and invitation links that name the
# address users open (--public-url, else the port actually bound, never the
# "0" of --listen HOST:0). Environment: CXBENCH (the binary).
source "$(dirname "$0")/test_lib.sh"
db=$work/serve.db
"$cx" demo --db "$db" --participants 12 --shoppers 60 --format json >/dev/null || { echo "FAIL demo"; exit 1; }

check "user add: x@@y" 2 "$cx" user add --db "$db" --email 'x@@y' --role admin --password demo-admin
expect_in "user add: x@@y says why" "$work/err" "more than one '@'"
check "user add: common password" 2 "$cx" user add --db "$db" --email a@test.no --role admin --password password
expect_in "user add: common password says why" "$work/err" "too easy to guess"
check "user add: 7 characters in 9 bytes" 2 "$cx" user add --db "$db" --email a@test.no --role admin --password 'blåbær1'
expect_in "user add: characters counted" "$work/err" "at least 8 characters, not 7"
check "user add: mixed case" 0 "$cx" user add --db "$db" --email ' Leder@Test.NO ' --role admin --password demo-leder
expect_in "user add: stored normalised" "$work/out" "leder@test.no"
check "user add: same address in other case" 1 "$cx" user add --db "$db" --email 'LEDER@test.no' --role admin --password demo-leder
check "serve: bad --public-url" 2 "$cx" serve --db "$db" --listen 127.0.0.1:0 --public-url ftp://x

serve() {  # serve ARGS...: starts the server, sets $server and $port
  "$cx" serve --db "$db" --listen 127.0.0.1:0 --resamples 0 --web "" "$@" >"$work/serve.log" 2>&1 &
  server=$!
  port=
  for _ in $(seq 1 200); do
    port=$(sed -n 's/.*listening on http:\/\/127.0.0.1:\([0-9]*\).*/\1/p' "$work/serve.log")
    [[ -n "$port" ]] && return 0
    sleep 0.1
  done
  fail "the server did not start: $(cat "$work/serve.log")"
}
invitation_url() {  # the url of a new invitation, made by leder@test.no
  local base="http://127.0.0.1:$port/api/v1" cookie csrf
  cookie=$(curl -s -D - -o "$work/login.json" -H 'Content-Type: application/json' \
    -d '{"email":"LEDER@test.no","password":"demo-leder"}' "$base/session" |
    sed -n 's/^Set-Cookie: \(cx_session=[0-9a-f]*\).*/\1/p' | tr -d '\r')
  csrf=$(sed -n 's/.*"csrf_token":"\([0-9a-f]*\)".*/\1/p' "$work/login.json")
  curl -s -b "$cookie" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
    -d '{"email":"ny@test.no","role":"manager"}' "$base/invitations" |
    sed -n 's/.*"url":"\([^"]*\)".*/\1/p'
}

serve
url=$(invitation_url)
# SIGTERM stops it cleanly (exit 0, "stopped"), not the signal's default.
kill "$server"; wait "$server" 2>/dev/null
code=$?
if [[ $code -eq 0 ]] && grep -q "cxbench serve: stopped" "$work/serve.log"; then pass; else
  fail "SIGTERM: exit $code, $(tail -1 "$work/serve.log")"
fi
if [[ "$port" != 0 && "$url" == "http://127.0.0.1:$port/#/invite/"* ]]; then pass; else fail "link from the bound port $port: '$url'"; fi

serve --public-url https://cx.example.no/
url=$(invitation_url)
kill "$server"; wait "$server" 2>/dev/null
if [[ "$url" == "https://cx.example.no/#/invite/"* ]]; then pass; else fail "link from --public-url: '$url'"; fi
finish serve_cli
