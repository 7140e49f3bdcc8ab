#!/usr/bin/env bash
# End-to-end checks of `cxbench results` as a user runs it: formats, filters,
# exit codes, no NaN, and clear messages for bad input. Run by ctest with
# CXBENCH set to the built binary, from the source tree.
source "$(dirname "$0")/test_lib.sh"

expect_no_nan() {  # expect_no_nan NAME FILE: no nan or inf as a word
  if grep -qiwE -- 'nan|inf|infinity' "$2"; then
    fail "$1: NaN or infinity in $(basename "$2")"
  else
    pass
  fi
}

check results_help 0 "$cx" results --help
expect_in results_help_text "$work/out" "docs/scoring.md"

# A study without contacts: a clear message, exit 2, nothing on stdout.
check load 0 "$cx" study load --db "$work/empty.db" examples/kundeserviceprisen.yaml
check no_contacts 2 "$cx" results --db "$work/empty.db"
expect_in no_contacts_message "$work/err" "no completed contacts"
[[ -s "$work/out" ]] && fail "no_contacts: stdout not empty" || pass

# A small demo: every format, filters, the winners.
check demo 0 "$cx" demo --db "$work/d.db" --participants 36 --shoppers 80
check table 0 "$cx" results --db "$work/d.db" --resamples 300
expect_in table_block "$work/out" "rank 95%"
expect_in table_winner "$work/out" "winner "
expect_no_nan table_nan "$work/out"
check json 0 "$cx" results --db "$work/d.db" --resamples 300 --format json
for field in '"score_answered"' '"agent_score"' '"rank_ci"' '"p_best"' '"winner_clear"' '"reference"' \
  '"nps"' '"csat"' '"ces"' '"channels"' '"areas"' '"n_answered"'; do
  expect_in "json_$field" "$work/out" "$field"
done
expect_no_nan json_nan "$work/out"
cp "$work/out" "$work/first.json"
check json_again 0 "$cx" results --db "$work/d.db" --resamples 300 --format json
cmp -s "$work/out" "$work/first.json" && pass || fail "json_reproducible"
check csv 0 "$cx" results --db "$work/d.db" --resamples 300 --format csv
expect_in csv_header "$work/out" "industry,rank,rank_best,rank_worst,id,name,n,n_answered,score"
check winners 0 "$cx" results --db "$work/d.db" --resamples 300 --winners
expect_in winners_bank "$work/out" "Bank: winner"
check winners_no_resamples 0 "$cx" results --db "$work/d.db" --resamples 0 --winners
expect_in winners_no_resamples_text "$work/out" "lead not tested (no bootstrap resamples: --resamples 0)"
expect_not_in winners_no_resamples_dash "$work/out" "only - %"
check industry 0 "$cx" results --db "$work/d.db" --resamples 300 --industry bank --format json
expect_not_in industry_only "$work/out" '"industry": "insurance"'
check channel 0 "$cx" results --db "$work/d.db" --resamples 0 --channel phone --format json
expect_not_in channel_only "$work/out" '"messenger": {'
check bad_channel 2 "$cx" results --db "$work/d.db" --channel fax
expect_in bad_channel_message "$work/err" "unknown channel 'fax'"
check bad_industry 2 "$cx" results --db "$work/d.db" --industry nope
expect_in bad_industry_message "$work/err" "no industry 'nope'"
check bad_resamples 2 "$cx" results --db "$work/d.db" --resamples -1

# An answer outside its scale in the store: the contact is named and left out.
contact=$(sqlite3 "$work/d.db" "SELECT contact_id FROM answer WHERE question_id = 'rec_tone' ORDER BY contact_id LIMIT 1")
sqlite3 "$work/d.db" "UPDATE answer SET number = 9 WHERE question_id = 'rec_tone' AND contact_id = '$contact'"
check out_of_scale 0 "$cx" results --db "$work/d.db" --resamples 100 --format json
expect_in out_of_scale_message "$work/err" "contact $contact, question rec_tone: answer 9 is outside the scale 1..6; contact left out"
expect_in out_of_scale_json "$work/out" '"question": "rec_tone"'

finish "results cli"
