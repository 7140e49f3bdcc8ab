#!/usr/bin/env bash
# End-to-end checks of `cxbench kpi` as a user runs it: the three input
# formats, the output formats, bad lines skipped or fatal, exit codes.
# Expected numbers are worked out by hand in the comments.
source "$(dirname "$0")/test_lib.sh"

# Two calls in queue sales at 08:00 Oslo time (+01:00): one answered after
# 10 s (talk 60 s, wrap-up 20 s), one abandoned after 30 s.
# offered 2, answered 1, abandoned 1, abandon rate 1/2, ASA 10,
# service level (short-excluded) 1 / (1 + 1) = 0.5, AHT 60 + 20 = 80.
cat >"$work/c.csv" <<'CSV'
contact_id,channel,queue,customer_id,case_id,offered,answered,ended,hold_s,wrap_s,agent,outcome
1,voice,sales,u1,,2026-02-02T08:00:00+01:00,2026-02-02T08:00:10+01:00,2026-02-02T08:01:10+01:00,0,20,ann,resolved
2,voice,sales,u2,,2026-02-02T08:05:00+01:00,,2026-02-02T08:05:30+01:00,0,0,,abandoned
CSV
check csv_json 0 "$cx" kpi --input "$work/c.csv" --format csv --format-out json
expect_in csv_json_start "$work/out" '"interval_start": "2026-02-02T08:00:00+01:00"'
expect_in csv_json_offered "$work/out" '"offered": 2'
expect_in csv_json_rate "$work/out" '"abandon_rate": 0.5'
expect_in csv_json_asa "$work/out" '"asa_s": 10.0'
expect_in csv_json_sl "$work/out" '"service_level": 0.5'
expect_in csv_json_aht "$work/out" '"aht_s": 80.0'
expect_in csv_json_fcr "$work/out" '"fcr": 1.0'
expect_in csv_summary "$work/err" "kpi: 3 lines, 2 contacts, 1 rows; 0 bad lines skipped"
check csv_out 0 "$cx" kpi --input "$work/c.csv" --format csv --format-out csv --out "$work/k.csv" \
  --by queue,agent --interval day
expect_in csv_out_header "$work/k.csv" "queue,agent,interval_start,offered"
expect_in csv_out_ann "$work/k.csv" "sales,ann,2026-02-02T00:00:00+01:00,1,1,0,0,0,0,10,1,yes,80"
# Two reports from one pass: by queue and day to --out, by agent and
# 15 minutes to a second file (ann's call at 08:00; the abandoned call has
# no agent and a row of its own at 08:00 too).
check csv_reports 0 "$cx" kpi --input "$work/c.csv" --format csv --format-out csv \
  --by queue --interval day --out "$work/q.csv" --report "agent:15m:$work/a.csv"
expect_in csv_reports_queue "$work/q.csv" "sales,2026-02-02T00:00:00+01:00,2,1,1,0,0,0.5,10,0.5,no,80"
expect_in csv_reports_agent "$work/a.csv" "ann,2026-02-02T08:00:00+01:00,1,1,0,0,0,0,10,1,yes,80"
expect_in csv_reports_summary "$work/err" "1 rows + 2; 0 bad lines"
check report_bad_spec 2 "$cx" kpi --input "$work/c.csv" --format csv --report "agent:day"
expect_in report_bad_spec_message "$work/err" "expected BY:INTERVAL:FILE"
check report_same_file 2 "$cx" kpi --input "$work/c.csv" --format csv --out "$work/x.csv" \
  --report "agent:day:$work/x.csv"
[[ -e "$work/x.csv" ]] && fail "report_same_file: output written" || pass
# --out - is standard output; two reports cannot both go there.
check csv_out_dash 0 "$cx" kpi --input "$work/c.csv" --format csv --format-out csv --out - \
  --by queue,agent --interval day
expect_in csv_out_dash_rows "$work/out" "sales,ann,2026-02-02T00:00:00+01:00,1,1,0,0,0,0,10,1,yes,80"
check report_dash_twice 2 "$cx" kpi --input "$work/c.csv" --format csv --report "agent:day:-"
expect_in report_dash_twice_message "$work/err" "standard output is written by another report"
# A file that cannot be written is an I/O failure (exit 1), not bad input;
# the other report is not left behind either.
check out_unwritable 1 "$cx" kpi --input "$work/c.csv" --format csv --format-out csv \
  --out "$work/q2.csv" --report "agent:day:$work/no/such/folder/a.csv"
expect_in out_unwritable_message "$work/err" "$work/no/such/folder/a.csv: cannot write the file"
[[ -e "$work/q2.csv" || -e "$work/q2.csv.tmp" ]] && fail "out_unwritable: q2.csv left" || pass
check csv_table 0 "$cx" kpi --input "$work/c.csv" --format csv --sl 90/5 --sl-variant answered-only
expect_in csv_table_sl "$work/out" "0.000"
expect_in csv_table_sl_met "$work/out" " no "

# A mapping file (YAML) for a CSV with other names and a named zone.
printf 'Skill;Start;Answer;End\nbilling;2026-03-29 08:00:00;2026-03-29 08:00:04;2026-03-29 08:02:00\n' \
  >"$work/s.csv"
printf 'columns:\n  queue: Skill\n  offered: Start\n  answered: Answer\n  ended: End\ndelimiter: ";"\n' \
  >"$work/m.yaml"
check mapping 0 "$cx" kpi --input "$work/s.csv" --format csv --mapping "$work/m.yaml" --format-out json
expect_in mapping_dst "$work/out" '"interval_start": "2026-03-29T08:00:00+02:00"'

# Bad lines: reported with their number, skipped, summarised; fatal with --strict.
cp "$work/c.csv" "$work/bad.csv"
printf '3,voice,sales,u3,,2026-03-29 02:30:00,,2026-03-29 03:31:00,0,0,,\n4,voice,sal' >>"$work/bad.csv"
check bad_skipped 0 "$cx" kpi --input "$work/bad.csv" --format csv
expect_in bad_dst "$work/err" "bad.csv:4: error: '2026-03-29 02:30:00' does not exist in time zone Europe/Oslo"
expect_in bad_truncated "$work/err" "bad.csv:5: error: expected 12 fields, found 3 (truncated line?)"
expect_in bad_summary "$work/err" "2 bad lines skipped"
check bad_strict 2 "$cx" kpi --input "$work/bad.csv" --format csv --strict --out "$work/strict.csv"
[[ -e "$work/strict.csv" ]] && fail "bad_strict: output written" || pass

# queue_log: one call answered after 12 s (talk 200 s), one with a trailing
# '|' that never ends. offered 1, ASA 12, AHT 200.
cat >"$work/queue_log" <<'LOG'
1770015600|1.1|sales|NONE|ENTERQUEUE||5551001
1770015612|1.1|sales|PJSIP/ann|CONNECT|12|1.1b|3
1770015620|1.2|sales|NONE|ENTERQUEUE||5551002|
1770015812|1.1|sales|PJSIP/ann|COMPLETEAGENT|12|200|1
LOG
check queue_log 0 "$cx" kpi --input "$work/queue_log" --format queue_log --format-out json
expect_in queue_log_asa "$work/out" '"asa_s": 12.0'
expect_in queue_log_aht "$work/out" '"aht_s": 200.0'
expect_in queue_log_trailing "$work/err" "queue_log:3: warning: trailing '|'"
expect_in queue_log_open "$work/err" "never ended: left out"

# CDR CSV: one answered call, 15 s to answer, billsec 180.
printf '"","5551001","600","from-queue","","SIP/t-1","SIP/1001-2a","Queue","600","2026-02-02 08:00:00","2026-02-02 08:00:15","2026-02-02 08:03:15",195,180,"ANSWERED","DOCUMENTATION"\n' \
  >"$work/Master.csv"
check cdr 0 "$cx" kpi --input "$work/Master.csv" --format cdr --by agent --format-out csv
expect_in cdr_agent "$work/out" "SIP/1001,2026-02-02T08:00:00+01:00,1,1,0,0,0,0,15,1,yes,180"

# Usage errors.
check bad_interval 2 "$cx" kpi --input "$work/c.csv" --format csv --interval 7m
check bad_sl 2 "$cx" kpi --input "$work/c.csv" --format csv --sl 80
expect_in bad_sl_message "$work/err" "--sl: expected PERCENT/SECONDS such as 80/20"
check sl_hundred 0 "$cx" kpi --input "$work/c.csv" --format csv --sl 100/20
check bad_variant 2 "$cx" kpi --input "$work/c.csv" --format csv --sl-variant best
check bad_by 2 "$cx" kpi --input "$work/c.csv" --format csv --by shoe
check bad_tz 2 "$cx" kpi --input "$work/c.csv" --format csv --tz Mars/Olympus
check bad_input_format 2 "$cx" kpi --input "$work/c.csv" --format xml
check missing_file 1 "$cx" kpi --input "$work/none.csv" --format csv
check missing_mapping 1 "$cx" kpi --input "$work/c.csv" --format csv --mapping "$work/none.yaml"

finish kpi_cli_end_to_end
