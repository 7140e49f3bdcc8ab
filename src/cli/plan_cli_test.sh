#!/usr/bin/env bash
# End-to-end checks of the fieldwork planner's commands: shoppers import,
# plan, plan check, plan repair (with its change log) and plan export.
# Run by ctest with CXBENCH set to the built binary, from the source tree.
source "$(dirname "$0")/test_lib.sh"

# A shopper pool from CSV, planned against the example study (6 centres).
{
  echo "id,name,age_band,gender,region,languages,channels,max_per_week,away_dates"
  for i in $(seq 1 60); do
    band=$([[ $((i % 3)) -eq 0 ]] && echo "60+" || echo "30-44")
    echo "p$i,Shopper $i,$band,$([[ $((i % 2)) -eq 0 ]] && echo female || echo male),Oslo,nb;en,phone;email_form;chat;messenger,3,2026-02-02..2026-02-04"
  done
} >"$work/pool.csv"
check study_load 0 "$cx" study load --db "$work/ex.db" examples/kundeserviceprisen.yaml
check shoppers_import 0 "$cx" shoppers import --db "$work/ex.db" "$work/pool.csv"
expect_in shoppers_import_count "$work/out" "Imported 60 shoppers"
check plan_example 0 "$cx" plan --db "$work/ex.db" --seed 3
expect_in plan_example_count "$work/out" "Planned 150 contacts"
check plan_example_check 0 "$cx" plan check --db "$work/ex.db"
# Away dates hold: nobody works 2 to 4 February.
[[ $(sqlite3 "$work/ex.db" "SELECT count(*) FROM contact WHERE substr(planned_at, 1, 10) BETWEEN '2026-02-02' AND '2026-02-04'") -eq 0 ]] && pass || fail "plan_away"
check plan_again 0 "$cx" plan --db "$work/ex.db" --seed 3
expect_in plan_logged "$work/out" "Planned 150 contacts"
[[ $(sqlite3 "$work/ex.db" "SELECT count(*) FROM change_log WHERE field = 'plan'") -eq 2 ]] && pass || fail "plan_change_log"

# Import errors name file:line:column.
printf 'id,age_band,gender,channels,max_per_week\ns1,17,female,phone,3\n' >"$work/bad.csv"
check import_bad 2 "$cx" shoppers import --db "$work/ex.db" "$work/bad.csv"
expect_in import_bad_where "$work/err" "$work/bad.csv:2:4: age band '17' is not 18-29, 30-44, 45-59 or 60+"
printf 'id,age_band,gender,channels,max_per_week,colour\n' >"$work/bad2.csv"
check import_bad_column 2 "$cx" shoppers import --db "$work/ex.db" "$work/bad2.csv"
expect_in import_bad_column_where "$work/err" "$work/bad2.csv:1:42: unknown column 'colour'"

# The same pool as an .xlsx written by another program (openpyxl): shared
# strings, numbers, and away dates as typed dates (serials) and as text.
/usr/bin/python3 - "$work/pool.csv" "$work/pool.xlsx" <<'PY'
import csv, datetime, sys, openpyxl
book = openpyxl.Workbook()
sheet = book.active
sheet.title = "Pool"
for number, row in enumerate(csv.reader(open(sys.argv[1], encoding="utf-8"))):
    if number > 0:
        row[7] = int(row[7])  # max_per_week as a number
        if number % 2 == 0:   # away: three typed dates in place of the range
            row[8] = datetime.date(2026, 2, 2)
            sheet.append(row)
            for day in (3, 4):
                sheet.append([row[0] + "-x" + str(day)] + row[1:8] + [datetime.date(2026, 2, day)])
            continue
    sheet.append(row)
book.save(sys.argv[2])
PY
check import_xlsx 0 "$cx" shoppers import --db "$work/xl.db" --file "$work/pool.xlsx"
expect_in import_xlsx_count "$work/out" "Imported 120 shoppers"
[[ $(sqlite3 "$work/xl.db" "SELECT away_dates FROM shopper WHERE id = 'p2'") == '["2026-02-02"]' ]] && pass || fail "import_xlsx_serial_date"
[[ $(sqlite3 "$work/xl.db" "SELECT away_dates FROM shopper WHERE id = 'p1'") == '["2026-02-02","2026-02-03","2026-02-04"]' ]] && pass || fail "import_xlsx_text_range"
[[ $(sqlite3 "$work/xl.db" "SELECT max_per_week FROM shopper WHERE id = 'p1'") -eq 3 ]] && pass || fail "import_xlsx_number"
# A bad cell names the sheet and the cell, and nothing is imported.
/usr/bin/python3 - "$work/pool.xlsx" "$work/bad.xlsx" <<'PY'
import sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
book.active["D5"] = "x"
book.active["A200"] = "late"
book.save(sys.argv[2])
PY
check import_xlsx_bad 2 "$cx" shoppers import --db "$work/ex.db" --file "$work/bad.xlsx"
expect_in import_xlsx_bad_cell "$work/err" "$work/bad.xlsx: Pool!D5: gender 'x' is not female or male"
[[ $(sqlite3 "$work/ex.db" "SELECT count(*) FROM shopper") -eq 60 ]] && pass || fail "import_xlsx_bad_nothing"
touch "$work/empty.xlsx"
check import_xlsx_empty 2 "$cx" shoppers import --db "$work/ex.db" "$work/empty.xlsx"
expect_in import_xlsx_empty_why "$work/err" "not an XLSX workbook"

# The demo planned by cxbench plan; too few shoppers explained in the study's terms.
check demo_bare 0 "$cx" demo --db "$work/demo.db" --participants 24 --shoppers 60 --no-fieldwork
check plan_demo 0 "$cx" plan --db "$work/demo.db"
check plan_demo_check 0 "$cx" plan check --db "$work/demo.db"

# A participant changes its channels: checked, logged, then repaired; the
# plan meets every hard constraint again.
cp "$work/demo.db" "$work/ch.db"
audit_of() { sqlite3 "$work/ch.db" "SELECT channel, offered, ease FROM channel_audit WHERE participant_id = '$1' ORDER BY channel"; }
p=$(sqlite3 "$work/ch.db" "SELECT participant_id FROM contact WHERE channel = 'email_form' ORDER BY participant_id LIMIT 1")
check channels_show 0 "$cx" participant channels --db "$work/ch.db" --participant "$p"
expect_in channels_show_text "$work/out" "participant $p offers"
audit_of "$p" >"$work/audit_before"
log_before=$(sqlite3 "$work/ch.db" "SELECT count(*) FROM change_log")
check channels_bad 2 "$cx" participant channels --db "$work/ch.db" --participant "$p" --offers phone,fax
expect_in channels_bad_why "$work/err" "--offers: 'fax' is not a channel; expected phone, email_form, chat, messenger"
check channels_unknown 2 "$cx" participant channels --db "$work/ch.db" --participant nobody --offers phone
# Fieldwork done on a channel the change would give nothing: refused.
done_id=$(sqlite3 "$work/ch.db" "SELECT min(id) FROM contact WHERE participant_id = '$p' AND channel = 'email_form'")
sqlite3 "$work/ch.db" "UPDATE contact SET status = 'approved' WHERE id = '$done_id'"
check channels_done 2 "$cx" participant channels --db "$work/ch.db" --participant "$p" --offers phone,chat
expect_in channels_done_why "$work/err" "participant $p has 1 email_form contacts done or under way; the new channels would give that channel 0"
sqlite3 "$work/ch.db" "UPDATE contact SET status = 'planned' WHERE id = '$done_id'"
audit_of "$p" >"$work/audit_after"
cmp -s "$work/audit_before" "$work/audit_after" && pass || fail "channels_errors_write_nothing"
[[ $(sqlite3 "$work/ch.db" "SELECT count(*) FROM change_log") -eq $log_before ]] && pass || fail "channels_errors_log_nothing"
check channels_change 0 "$cx" participant channels --db "$work/ch.db" --participant "$p" --offers phone,chat --actor tester --reason "audit of 2026-02-01"
expect_in channels_change_text "$work/out" "now offers phone, chat"
[[ $(sqlite3 "$work/ch.db" "SELECT count(*) FROM change_log WHERE entity = 'participant' AND entity_id = '$p' AND field = 'channels' AND actor = 'tester' AND new_value = 'phone,chat' AND reason = 'audit of 2026-02-01' AND at != ''") -eq 1 ]] && pass || fail "channels_logged"
[[ $(sqlite3 "$work/ch.db" "SELECT group_concat(channel) FROM (SELECT channel FROM channel_audit WHERE participant_id = '$p' AND offered = 1 ORDER BY channel)") == "chat,phone" ]] && pass || fail "channels_stored"
check channels_check_before_repair 1 "$cx" plan check --db "$work/ch.db"
expect_in channels_check_split "$work/out" "channel_split"
check channels_repair 0 "$cx" plan repair --db "$work/ch.db" --actor tester
expect_in channels_repair_reason "$work/out" "$p changed its channels"
check channels_repair_check 0 "$cx" plan check --db "$work/ch.db"
[[ $(sqlite3 "$work/ch.db" "SELECT count(*) FROM contact WHERE participant_id = '$p' AND channel NOT IN ('phone', 'chat')") -eq 0 ]] && pass || fail "channels_repaired_channels"
[[ $(sqlite3 "$work/ch.db" "SELECT count(*) FROM contact WHERE participant_id = '$p'") -eq 25 ]] && pass || fail "channels_repaired_count"

check demo_few 0 "$cx" demo --db "$work/few.db" --participants 12 --shoppers 5 --no-fieldwork
check plan_few 2 "$cx" plan --db "$work/few.db"
expect_in plan_few_why "$work/err" "needs 25 contacts from distinct shoppers"
check plan_no_db 2 "$cx" plan

# Repair: the first half of the period is done; a shopper drops out.
sqlite3 "$work/demo.db" "UPDATE contact SET status = 'approved' WHERE planned_at < '2026-03-09'"
dropped=$(sqlite3 "$work/demo.db" "SELECT shopper_id FROM contact WHERE status = 'planned' GROUP BY shopper_id ORDER BY count(*) DESC LIMIT 1")
moving=$(sqlite3 "$work/demo.db" "SELECT count(*) FROM contact WHERE status = 'planned' AND shopper_id = '$dropped'")
sqlite3 "$work/demo.db" "SELECT id, shopper_id, planned_at FROM contact WHERE status = 'approved' ORDER BY id" >"$work/done_before"
check plan_refuses_done 1 "$cx" plan --db "$work/demo.db"
expect_in plan_refuses_done_hint "$work/err" "use cxbench plan repair"
check repair 0 "$cx" plan repair --db "$work/demo.db" --drop-shopper "$dropped" --actor tester
expect_in repair_reason "$work/out" "shopper $dropped dropped out"
check repair_check 0 "$cx" plan check --db "$work/demo.db"
[[ $(sqlite3 "$work/demo.db" "SELECT count(*) FROM contact WHERE status = 'planned' AND shopper_id = '$dropped'") -eq 0 ]] && pass || fail "repair_dropped_gone"
sqlite3 "$work/demo.db" "SELECT id, shopper_id, planned_at FROM contact WHERE status = 'approved' ORDER BY id" >"$work/done_after"
cmp -s "$work/done_before" "$work/done_after" && pass || fail "repair_done_unchanged"
[[ $(sqlite3 "$work/demo.db" "SELECT count(*) FROM change_log WHERE entity = 'contact' AND actor = 'tester' AND old_value = '$dropped' AND reason = 'shopper $dropped dropped out'") -eq $moving ]] && pass || fail "repair_logged"
check repair_unknown 2 "$cx" plan repair --db "$work/demo.db" --drop-shopper nobody

# A failed contact gets a replacement in its week.
failed_id=$(sqlite3 "$work/demo.db" "SELECT min(id) FROM contact WHERE status = 'planned'")
sqlite3 "$work/demo.db" "UPDATE contact SET status = 'failed' WHERE id = '$failed_id'"
check repair_failed 0 "$cx" plan repair --db "$work/demo.db"
expect_in repair_failed_created "$work/out" "$failed_id-r: created"
check repair_failed_check 0 "$cx" plan check --db "$work/demo.db"

# Export: each shopper's list, CSV and XLSX.
check export_csv 0 "$cx" plan export --db "$work/demo.db" --format csv --out "$work/plan.csv"
[[ $(sqlite3 "$work/demo.db" "SELECT count(*) FROM contact WHERE status != 'failed'") -eq 600 ]] && pass || fail "export_count_db"
expect_in export_csv_header "$work/plan.csv" "shopper,shopper_name,date,window,company"
check export_xlsx 0 "$cx" plan export --db "$work/demo.db" --format xlsx --out "$work/plan.xlsx"
/usr/bin/python3 -c "import openpyxl,sys; ws = openpyxl.load_workbook(sys.argv[1]).active; sys.exit(ws.max_row != 601)" "$work/plan.xlsx" && pass || fail "export_xlsx_rows"

finish "plan_cli"
