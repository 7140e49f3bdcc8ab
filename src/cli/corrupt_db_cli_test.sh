#!/usr/bin/env bash
# End-to-end checks of a corrupt or hand-edited database (docs/sources.md, "Project history"): every
# command that reads a whole study names each corrupt row (table, row, field,
# what was expected), exits 1 and writes nothing; `cxbench check` lists them.
# Run by ctest with CXBENCH set to the built binary, from the source tree.
source "$(dirname "$0")/test_lib.sh"

expect_no_file() {  # expect_no_file NAME PATH
  if [[ -e "$2" ]]; then fail "$1: $(basename "$2") was written"; else pass; fi
}

check demo 0 "$cx" demo --db "$work/clean.db" --participants 12 --shoppers 80
check clean_check 0 "$cx" check --db "$work/clean.db"
expect_in clean_check_text "$work/out" "no corrupt rows"
check clean_check_json 0 "$cx" check --db "$work/clean.db" --format json
expect_in clean_check_json_text "$work/out" '"corrupt_rows": []'

study=$(sqlite3 "$work/clean.db" "SELECT id FROM study")
first=$(sqlite3 "$work/clean.db" "SELECT id FROM contact WHERE status IN ('submitted', 'approved') ORDER BY id LIMIT 1")
second=$(sqlite3 "$work/clean.db" "SELECT id FROM contact WHERE wait_s IS NOT NULL AND id <> '$first' ORDER BY id LIMIT 1")
answer=$(sqlite3 "$work/clean.db" "SELECT contact_id FROM answer WHERE question_id = 'rec_tone' AND number IS NOT NULL ORDER BY contact_id LIMIT 1")

# One database per kind of damage, each made by hand with SQL (foreign keys
# are off in the sqlite3 shell, as in any hand edit).
corrupt() {  # corrupt NAME SQL: $work/NAME.db, the demo with SQL applied
  cp "$work/clean.db" "$work/$1.db"
  sqlite3 "$work/$1.db" "PRAGMA foreign_keys = OFF; $2"
}
corrupt channel "UPDATE contact SET channel = 'fax' WHERE id = '$first'"
corrupt status "UPDATE contact SET status = 'lost' WHERE id = '$first'"
corrupt answer "UPDATE answer SET number = 'abc' WHERE contact_id = '$answer' AND question_id = 'rec_tone'"
participant=$(sqlite3 "$work/clean.db" "SELECT participant_id FROM contact WHERE id = '$first'")
corrupt participant "DELETE FROM participant WHERE id = '$participant'"
corrupt wait "UPDATE contact SET wait_s = -5 WHERE id = '$second'"
corrupt json "UPDATE question SET label = '{\"nb\": ' WHERE id = 'rec_tone'"

declare -A message=(
  [channel]="table contact row $study/$first field channel: expected one of phone, email_form, chat, messenger, found 'fax'"
  [status]="table contact row $study/$first field status: expected one of planned, started"
  [answer]="table answer row $study/$answer/rec_tone field number: expected a number, found a text value"
  [participant]="table contact row $study/$first field participant_id: expected the id of a row of participant of study $study, found '$participant' (no such row)"
  [wait]="table contact row $study/$second field wait_s: expected a number of 0 or more, found -5"
  [json]="table question row $study/rec_tone field label: expected JSON {language: text}"
)

for kind in channel status answer participant wait json; do
  db="$work/$kind.db"
  check "${kind}_results" 1 "$cx" results --db "$db" --resamples 50
  expect_in "${kind}_results_message" "$work/err" "cxbench: error: ${message[$kind]}"
  [[ -s "$work/out" ]] && fail "${kind}_results: stdout not empty" || pass
  check "${kind}_export" 1 "$cx" export --db "$db" --format csv --out "$work/$kind.csv"
  expect_in "${kind}_export_message" "$work/err" "${message[$kind]}"
  expect_no_file "${kind}_export_file" "$work/$kind.csv"
  check "${kind}_report" 1 "$cx" report --db "$db" --all --format html --out "$work/${kind}_reports" --resamples 50
  expect_in "${kind}_report_message" "$work/err" "${message[$kind]}"
  expect_no_file "${kind}_report_folder" "$work/${kind}_reports"
  check "${kind}_plan_check" 1 "$cx" plan check --db "$db"
  expect_in "${kind}_plan_check_message" "$work/err" "${message[$kind]}"
  check "${kind}_check" 1 "$cx" check --db "$db"
  expect_in "${kind}_check_table" "$work/out" "fault(s) in corrupt rows"
  check "${kind}_check_json" 1 "$cx" check --db "$db" --format json
  expect_in "${kind}_check_json_table" "$work/out" '"table":'
done

# Every damage at once: `check` lists each row.
cp "$work/clean.db" "$work/all.db"
sqlite3 "$work/all.db" "PRAGMA foreign_keys = OFF;
  UPDATE contact SET channel = 'fax' WHERE id = '$first';
  UPDATE contact SET wait_s = -5 WHERE id = '$second';
  UPDATE answer SET number = 'abc' WHERE contact_id = '$answer' AND question_id = 'rec_tone'"
check all_check 1 "$cx" check --db "$work/all.db" --format json
for field in '"field": "channel"' '"field": "wait_s"' '"field": "number"'; do
  expect_in "all_check_$field" "$work/out" "$field"
done
check all_results 1 "$cx" results --db "$work/all.db"
expect_in all_results_count "$work/err" "fault(s) in corrupt rows"
expect_in all_results_wait "$work/err" "field wait_s"
expect_in all_results_channel "$work/err" "field channel"

# The server names a damaged record as such, not as a generic failure.
check wait_user 0 "$cx" user add --db "$work/wait.db" --email leder@test.no --role manager --password demo-leder
"$cx" serve --db "$work/wait.db" --listen 127.0.0.1:0 --resamples 0 --web "" >"$work/serve.log" 2>&1 &
server=$!
port=
for _ in $(seq 1 200); do
  port=$(sed -n 's/.*listening on http:\/\/127.0.0.1:\([0-9]*\).*/\1/p' "$work/serve.log")
  [[ -n "$port" ]] && break
  sleep 0.1
done
base="http://127.0.0.1:$port/api/v1"
cookie=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
  -d '{"email":"leder@test.no","password":"demo-leder"}' "$base/session" |
  sed -n 's/^Set-Cookie: \(cx_session=[0-9a-f]*\).*/\1/p' | tr -d '\r')
status=$(curl -s -o "$work/damaged.json" -w '%{http_code}' -b "$cookie" "$base/assignments/$second")
kill "$server"; wait "$server" 2>/dev/null
if [[ "$status" == 500 ]]; then pass; else fail "damaged contact: status $status, not 500"; fi
# The manager's account speaks bokmål (user add's default): so does the reply.
expect_in damaged_contact_says_so "$work/damaged.json" "en lagret post er skadet (table contact row $study/$second field wait_s); administratoren kan liste alle skadde poster med cxbench check"
expect_in damaged_contact_logged "$work/serve.log" "field wait_s: expected a number of 0 or more"

finish "corrupt database cli"
