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
invitation_url() {  # invitation_url EMAIL: the url of a new invitation of EMAIL, made by leder@test.no
  local base="http://127.0.0.1:$port/api/v1" cookie csrf
  cookie=$(curl -s -D - -o "$work/login.json" -H 'Content-Type: application/json' \
    -d '{"email":"LEDER@test.no","password":"demo-leder"}' "$base/session" |
    sed -n 's/^Set-Cookie: \(cx_session=[0-9a-f]*\).*/\1/p' | tr -d '\r')
  csrf=$(sed -n 's/.*"csrf_token":"\([0-9a-f]*\)".*/\1/p' "$work/login.json")
  curl -s -b "$cookie" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"role\":\"manager\"}" "$base/invitations" |
    sed -n 's/.*"url":"\([^"]*\)".*/\1/p'
}

serve
url=$(invitation_url ny@test.no)
# SIGTERM stops it cleanly (exit 0, "stopped"), not the signal's default.
kill "$server"; wait "$server" 2>/dev/null
code=$?
if [[ $code -eq 0 ]] && grep -q "cxbench serve: stopped" "$work/serve.log"; then pass; else
  fail "SIGTERM: exit $code, $(tail -1 "$work/serve.log")"
fi
if [[ "$port" != 0 && "$url" == "http://127.0.0.1:$port/#/invite/"* ]]; then pass; else fail "link from the bound port $port: '$url'"; fi

serve --public-url https://cx.example.no/
# Another e-mail: ny@test.no's invitation is pending, and a second is refused.
url=$(invitation_url ny2@test.no)
kill "$server"; wait "$server" 2>/dev/null
if [[ "$url" == "https://cx.example.no/#/invite/"* ]]; then pass; else fail "link from --public-url: '$url'"; fi
# Evidence end to end: a shopper attaches a recording to a report QA sent
# back; it lands beside the database under a generated name, is served with
# its name encoded (RFC 8187), and goes when the study is deleted.
login() {  # login EMAIL PASSWORD: sets $cookie and $csrf
  cookie=$(curl -s -D - -o "$work/login.json" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"$2\"}" "$base/session" |
    sed -n 's/^Set-Cookie: \(cx_session=[0-9a-f]*\).*/\1/p' | tr -d '\r')
  csrf=$(sed -n 's/.*"csrf_token":"\([0-9a-f]*\)".*/\1/p' "$work/login.json")
}
serve
base="http://127.0.0.1:$port/api/v1"
login LEDER@test.no demo-leder
report=$(curl -s -b "$cookie" "$base/assignments?status=submitted&per_page=1" | grep -o '"id":"[^"]*"' | head -1 | sed 's/"id":"\(.*\)"/\1/')
shopper=$(curl -s -b "$cookie" "$base/assignments/$report" | sed -n 's/.*"shopper":"\([^"]*\)".*/\1/p' | head -1)
curl -s -o /dev/null -b "$cookie" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
  -d '{"message":"legg ved opptaket"}' "$base/contacts/$report/return"
curl -s -o /dev/null -b "$cookie" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
  -d "{\"email\":\"shopper@test.no\",\"role\":\"shopper\",\"shopper\":\"$shopper\",\"password\":\"demo-shopper\"}" "$base/users"
login shopper@test.no demo-shopper
printf 'RIFF\x24\x00\x00\x00WAVEfmt \x10\x00\x00\x00\x01\x00\x01\x00\x40\x1f\x00\x00\x40\x1f\x00\x00\x01\x00\x08\x00data\x00\x00\x00\x00' >"$work/call.wav"
status=$(curl -s -o "$work/upload.json" -w '%{http_code}' -b "$cookie" -H "X-CSRF-Token: $csrf" \
  --data-binary @"$work/call.wav" "$base/assignments/$report/evidence?name=samtale%20%C3%B8.wav")
evidence_url=$(sed -n 's/.*"url":"\([^"]*\)".*/\1/p' "$work/upload.json")
if [[ $status == 201 && -n $evidence_url ]]; then pass; else fail "evidence upload to $report: $status $(cat "$work/upload.json")"; fi
stored=$(find "$db.evidence" -type f 2>/dev/null)
if [[ $(echo "$stored" | wc -l) == 1 && $(basename "$stored") =~ ^[0-9a-f]{32}$ ]] && cmp -s "$stored" "$work/call.wav"; then pass; else fail "evidence file beside the database: '$stored'"; fi
curl -s -D "$work/headers" -o "$work/served.wav" -b "$cookie" "http://127.0.0.1:$port$evidence_url"
expect_in "evidence served with its name encoded" "$work/headers" "filename*=UTF-8''samtale%20%C3%B8.wav"
expect_in "evidence served as its content's type" "$work/headers" "Content-Type: audio/wav"
if cmp -s "$work/served.wav" "$work/call.wav"; then pass; else fail "evidence served as uploaded"; fi
kill "$server"; wait "$server" 2>/dev/null
study_id=$("$cx" study list --db "$db" --format csv | sed -n '2s/,.*//p')
check "study delete" 0 "$cx" study delete --db "$db" --study "$study_id"
expect_in "study delete says what went" "$work/out" "evidence files"
if [[ -z $(find "$db.evidence" -type f 2>/dev/null) ]]; then pass; else fail "evidence files left after study delete"; fi
check "study delete: gone already" 2 "$cx" study delete --db "$db" --study "$study_id"
expect_in "study delete: says none" "$work/err" "no study"
finish serve_cli
