#!/usr/bin/env bash
# End-to-end checks of the cxbench command as a user runs it: exit codes,
# where messages go, and that bad input loses nothing. Run by ctest with
# CXBENCH set to the built binary, from the source tree.
source "$(dirname "$0")/test_lib.sh"

check help 0 "$cx" --help
expect_in help_exit_codes "$work/out" "Exit codes: 0 ok, 1 failure, 2 bad input or usage."
check no_subcommand 2 "$cx"
check unknown_subcommand 2 "$cx" frobnicate
check study_help 0 "$cx" study check --help

check example_valid 0 "$cx" study check examples/kundeserviceprisen.yaml
expect_in example_summary "$work/out" "study 'ksp2026'"
# What a chat contact's phone is sent: the English labels, and the chatbot
# hand-over question's condition read into a link (docs/study-format.md).
check questionnaire_chat 0 "$cx" study questionnaire examples/kundeserviceprisen.yaml --channel chat --language en
expect_in questionnaire_label "$work/out" '"label": "Were you handed over to a person when the chatbot could not help you?"'
expect_in questionnaire_link "$work/out" '"question": "rec_responder"'
check questionnaire_phone 0 "$cx" study questionnaire examples/kundeserviceprisen.yaml --channel phone
expect_not_in questionnaire_phone_no_chat "$work/out" '"id": "rec_handover"'
check questionnaire_bad_channel 2 "$cx" study questionnaire examples/kundeserviceprisen.yaml --channel fax
expect_in questionnaire_bad_channel_message "$work/err" "--channel: 'fax' is not a channel of study 'ksp2026'; it has: phone email_form chat messenger"
check questionnaire_bad_language 2 "$cx" study questionnaire examples/kundeserviceprisen.yaml --channel chat --language fi

# A bad file: every error on stderr as FILE:LINE:COLUMN: error: MESSAGE, exit 2.
sed -e 's/    industry: bank$/    industry: banks/' -e 's/^    max: 6$/    max: 0/' \
  examples/kundeserviceprisen.yaml >"$work/bad.yaml"
check bad_study 2 "$cx" study check "$work/bad.yaml"
expect_in bad_industry "$work/err" "$work/bad.yaml:276:15: error: participants[0].industry: unknown industry 'banks'"
expect_in bad_scale "$work/err" "error: questions[9].max: impossible scale: max must be above min"
[[ -s "$work/out" ]] && fail "bad_study: stdout not empty" || pass
check bad_study_json 2 "$cx" study check --format json "$work/bad.yaml"
expect_in bad_study_json_valid "$work/out" '"valid": false'
check missing_file 2 "$cx" study check "$work/nothing.yaml"

# Load, refuse a second load, replace, list.
check load 0 "$cx" study load --db "$work/s.db" examples/kundeserviceprisen.yaml
check load_again 1 "$cx" study load --db "$work/s.db" examples/kundeserviceprisen.yaml
expect_in load_again_message "$work/err" "use --replace"
check load_replace 0 "$cx" study load --db "$work/s.db" --replace examples/kundeserviceprisen.yaml
check list_json 0 "$cx" study list --db "$work/s.db" --format json
expect_in list_json_id "$work/out" '"id": "ksp2026"'
check list_csv 0 "$cx" study list --db "$work/s.db" --format csv
expect_in list_csv_header "$work/out" "id,name,year,participants,contacts"
check bad_format 2 "$cx" study list --db "$work/s.db" --format xml

# A bad study file loads nothing.
check load_bad 2 "$cx" study load --db "$work/s2.db" "$work/bad.yaml"
[[ -e "$work/s2.db" ]] && fail "load_bad: database created" || pass

# A file that is not ours is refused and left as it was.
printf 'Handleliste: melk, brød, ost\n%.0s' {1..40} >"$work/notes.db"
cp "$work/notes.db" "$work/notes.orig"
check foreign_file 2 "$cx" study load --db "$work/notes.db" examples/kundeserviceprisen.yaml
expect_in foreign_message "$work/err" "not a cxbench database"
cmp -s "$work/notes.db" "$work/notes.orig" && pass || fail "foreign_file: file changed"

# The demo: a small one, twice with the same seed gives the same summary.
check demo_small 0 "$cx" demo --db "$work/demo.db" --participants 24 --shoppers 60 --format json
cp "$work/out" "$work/demo1.json"
expect_in demo_contacts "$work/out" '"contacts": 600'
check demo_again_conflict 1 "$cx" demo --db "$work/demo.db" --participants 24 --shoppers 60
check demo_replace 0 "$cx" demo --db "$work/demo.db" --participants 24 --shoppers 60 --format json --replace
cmp -s "$work/out" "$work/demo1.json" && pass || fail "demo_deterministic"
check demo_too_few_shoppers 2 "$cx" demo --db "$work/demo2.db" --participants 12 --shoppers 5
expect_in demo_too_few_message "$work/err" "contacts from distinct shoppers"
check demo_bad_number 2 "$cx" demo --db "$work/demo3.db" --participants -4

# Exports of the demo: every format, and a bad format refused.
for format in csv xlsx sav; do
  check "export_$format" 0 "$cx" export --db "$work/demo.db" --format $format --out "$work/demo.$format"
  expect_in "export_${format}_count" "$work/out" "wrote 600 contacts"
done
[[ $(wc -l <"$work/demo.csv") -eq 601 ]] && pass || fail "export_csv_rows"
# The per-contact score columns docs/cli.md promises: the total and each scored area.
head -1 "$work/demo.csv" >"$work/header.csv"
expect_in export_csv_score_total "$work/header.csv" "responder,score_total,score_wait,score_reception,score_agent,score_area_total,"
check export_stdout 0 "$cx" export --db "$work/demo.db" --format csv --out -
cmp -s "$work/out" "$work/demo.csv" && pass || fail "export_stdout: not the same bytes as the file"
expect_in export_stdout_note "$work/err" "wrote 600 contacts"
check export_bad_format 2 "$cx" export --db "$work/demo.db" --format pdf --out "$work/x.pdf"
check export_unknown_study 2 "$cx" export --db "$work/demo.db" --study nope --format csv --out "$work/x.csv"
expect_in export_unknown_study_message "$work/err" "no study 'nope'"

# The automatic QA flags (docs/quality-flags.md): the demo's comments come from
# a few fixed sentences, so repeated comments are flagged, each explained.
check qa_flags 0 "$cx" qa flags --db "$work/demo.db" --format json --language en
expect_in qa_flags_repeated "$work/out" '"code": "repeated_comment"'
expect_in qa_flags_message "$work/out" "is word for word the same in"
check qa_flags_only 0 "$cx" qa flags --db "$work/demo.db" --flag wait_out_of_range --format csv
expect_not_in qa_flags_only_filter "$work/out" "repeated_comment"
check qa_flags_table 0 "$cx" qa flags --db "$work/demo.db" --language nb
expect_in qa_flags_table_count "$work/out" " reports"
check qa_flags_bad_flag 2 "$cx" qa flags --db "$work/demo.db" --flag sloppy
expect_in qa_flags_bad_flag_message "$work/err" "unknown flag 'sloppy'"

# Erlang C: 100 calls in 30 min at AHT 180 s is 10 Erlangs; 80/20 needs 14 agents
# (13 give 79.6 %); with 30 % shrinkage 14 / 0.7 = 20 heads.
check erlang 0 "$cx" erlang --volume 100 --interval 30m --aht 3m --shrinkage 0.3 --format json
expect_in erlang_agents "$work/out" '"agents": 14'
expect_in erlang_heads "$work/out" '"heads": 20'
printf 'interval,volume\n08:00,100\n08:30,250\n' >"$work/volumes.csv"
check erlang_table 0 "$cx" erlang --volumes "$work/volumes.csv" --aht 180 --format csv
[[ $(wc -l <"$work/out") -eq 3 ]] && pass || fail "erlang_table rows"
printf '08:00,100\n08:30,lots\n' >"$work/bad_volumes.csv"
check erlang_bad_row 2 "$cx" erlang --volumes "$work/bad_volumes.csv" --aht 180
expect_in erlang_bad_row_message "$work/err" "bad_volumes.csv:2: expected INTERVAL,VOLUME"
check erlang_bad_target 2 "$cx" erlang --volume 100 --aht 180 --target 80
check erlang_hundred 2 "$cx" erlang --volume 100 --aht 180 --target 100/20
expect_in erlang_hundred_message "$work/err" "a PERCENT below 100"
check erlang_no_volume 2 "$cx" erlang --aht 180

# Programme mode: sd 15 and +-5 points need (1.96 * 15 / 5)^2 = 34.6 -> 35 contacts;
# 50 contacts, minimum 5, sizes 7:2:1 -> 30, 12, 8.
check sample_size 0 "$cx" programme sample-size --sd 15 --margin 5 --format json
expect_in sample_size_contacts "$work/out" '"contacts": 35'
check allocate 0 "$cx" programme allocate --total 50 --min 5 --centre Oslo=7 --centre Bergen=2 --centre Tromsø=1 --format json
expect_in allocate_oslo "$work/out" '"contacts": 30'
check allocate_impossible 2 "$cx" programme allocate --total 20 --min 10 --centre A=1 --centre B=1 --centre C=1
expect_in allocate_why "$work/err" "3 centres with at least 10 contacts each need 30; the total is 20"

# Call-back samples: 2 per agent from the last 30 days; a second draw a day
# later leaves out everyone sampled in the first.
{
  echo "agent,customer,handled_at"
  for customer in 1 2 3 4 5 6; do echo "anna,k$customer,2026-11-2${customer}T09:00:00+01:00"; done
  echo "anna,old,2026-10-01"
  for customer in 7 8 9; do echo "bjorn,k$customer,2026-11-1${customer}"; done
} >"$work/handled.csv"
check callback 0 "$cx" callback-sample --contacts "$work/handled.csv" --as-of 2026-11-30 --per-agent 2 \
  --history "$work/history.csv" --out "$work/calls1.csv"
[[ $(wc -l <"$work/calls1.csv") -eq 5 ]] && pass || fail "callback: expected 4 calls"
expect_not_in callback_window "$work/calls1.csv" "old"
check callback_again 0 "$cx" callback-sample --contacts "$work/handled.csv" --as-of 2026-12-01 --per-agent 2 \
  --history "$work/history.csv" --out "$work/calls2.csv"
[[ -z $(comm -12 <(tail -n +2 "$work/calls1.csv" | cut -d, -f2 | sort) <(tail -n +2 "$work/calls2.csv" | cut -d, -f2 | sort)) ]] \
  && pass || fail "callback: a customer sampled twice within 90 days"
# --out -: the call list on standard output, the note on standard error.
check callback_stdout 0 "$cx" callback-sample --contacts "$work/handled.csv" --as-of 2026-11-30 \
  --per-agent 1 --out -
[[ $(head -1 "$work/out") == $'agent,customer,last_contact\r' && $(wc -l <"$work/out") -eq 3 ]] \
  && pass || fail "callback_stdout: expected the header and 2 calls on stdout"
expect_in callback_stdout_note "$work/err" "wrote 2 call-backs to -"
printf 'agent,nps,satisfaction\nanna,10,5\nanna,3,2\n' >"$work/answers.csv"
check callback_report 0 "$cx" callback-report --answers "$work/answers.csv" --format json
expect_in callback_report_nps "$work/out" '"nps": 0.0'
printf 'agent,nps\nanna,12\n' >"$work/bad_answers.csv"
check callback_report_bad 2 "$cx" callback-report --answers "$work/bad_answers.csv"
expect_in callback_report_bad_where "$work/err" "bad_answers.csv:2: nps"

# The plan checker: the demo's plan holds; a shopper sent twice to one company is caught.
check plan_check 0 "$cx" plan check --db "$work/demo.db"
expect_in plan_check_ok "$work/out" "every hard constraint holds"
cp "$work/demo.db" "$work/broken.db"
first=$(sqlite3 "$work/broken.db" "SELECT min(id) FROM contact WHERE id LIKE '%-01'")
sqlite3 "$work/broken.db" "UPDATE contact SET shopper_id = (SELECT shopper_id FROM contact WHERE id = '$first')
  WHERE id = '${first%01}02'"
check plan_check_broken 1 "$cx" plan check --db "$work/broken.db"
expect_in plan_check_broken_rule "$work/out" "shopper_once_per_company"

finish "cli"
