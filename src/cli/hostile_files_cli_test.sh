#!/usr/bin/env bash
# Hostile files through the command (docs/sources.md, "Project history"): text in another encoding
# than UTF-8 is refused with FILE:LINE:COLUMN and exit 2, writing nothing;
# implausible counts are refused by the validator; quoted line breaks in a
# contact CSV are contacts, not malformed lines.
# Run by ctest with CXBENCH set to the built binary, from the source tree.
source "$(dirname "$0")/test_lib.sh"

# The study's name with a Latin-1 byte (0xE5, "å"): line 10 is
# "  name: Kundeserviceprisen 2026"; the byte follows "  name: K" (9 characters).
sed -e '10s/^  name: Kundeserviceprisen/  name: K\xe5ndeserviceprisen/' \
  examples/kundeserviceprisen.yaml >"$work/latin1.yaml"
check study_latin1 2 "$cx" study check "$work/latin1.yaml"
expect_in study_latin1_where "$work/err" "$work/latin1.yaml:10:10: error: not valid UTF-8 (byte 0xE5)"
check study_load_latin1 2 "$cx" study load --db "$work/s.db" "$work/latin1.yaml"
expect_in study_load_latin1_where "$work/err" "$work/latin1.yaml:10:10: error: not valid UTF-8"
[[ -e "$work/s.db" ]] && fail "study_load_latin1: a database was written" || pass

# Counts no real study reaches: refused by the check, not by bad_alloc.
sed -e 's/^  contacts_per_participant: 25$/  contacts_per_participant: 2000000000/' \
  examples/kundeserviceprisen.yaml >"$work/huge.yaml"
check study_huge 2 "$cx" study check "$work/huge.yaml"
expect_in study_huge_message "$work/err" "$work/huge.yaml:17:29: error: study.contacts_per_participant: expected 1 to 1000 contacts per participant, found 2000000000"

# A shopper pool in Latin-1: line 2, the name "Kåre" after "s1," (3 characters).
check load 0 "$cx" study load --db "$work/ex.db" examples/kundeserviceprisen.yaml
printf 'id,name,age_band,gender,channels,max_per_week\ns1,K\xe5re,30-44,female,phone,3\n' \
  >"$work/pool.csv"
check shoppers_latin1 2 "$cx" shoppers import --db "$work/ex.db" "$work/pool.csv"
expect_in shoppers_latin1_where "$work/err" "$work/pool.csv:2:5: not valid UTF-8 (byte 0xE5)"
# The same pool as .xlsx: the part and its line and column.
python3 - "$work/pool.xlsx" <<'PY'
import sys, zipfile
main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
def cells(row, values):
    return '<row r="%d">' % row + "".join(
        '<c t="inlineStr"><is><t>%s</t></is></c>' % v for v in values) + "</row>"
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.writestr("_rels/.rels", '<Relationships xmlns="%s"><Relationship Id="rId1" Type="%s/officeDocument" Target="xl/workbook.xml"/></Relationships>' % (pkg, rel))
    z.writestr("xl/workbook.xml", '<workbook xmlns="%s" xmlns:r="%s"><sheets><sheet name="Pool" sheetId="1" r:id="rId1"/></sheets></workbook>' % (main, rel))
    z.writestr("xl/_rels/workbook.xml.rels", '<Relationships xmlns="%s"><Relationship Id="rId1" Type="%s/worksheet" Target="worksheets/sheet1.xml"/></Relationships>' % (pkg, rel))
    sheet = ('<worksheet xmlns="%s"><sheetData>\n' % main
             + cells(1, ["id", "name", "age_band", "gender", "channels", "max_per_week"]) + "\n"
             + cells(2, ["s1", "K\udce5re", "30-44", "female", "phone", "3"]) + "\n"
             + "</sheetData></worksheet>")
    z.writestr("xl/worksheets/sheet1.xml", sheet.encode("utf-8", "surrogateescape"))
PY
check shoppers_xlsx_latin1 2 "$cx" shoppers import --db "$work/ex.db" --file "$work/pool.xlsx"
expect_in shoppers_xlsx_latin1_where "$work/err" "$work/pool.xlsx: the part xl/worksheets/sheet1.xml is not well-formed XML (line 3, column 76: not well-formed (invalid token))"

# KPI inputs: refused before anything is written, no .tmp left behind.
header="contact_id,channel,queue,customer_id,case_id,offered,answered,ended,hold_s,wrap_s,agent,outcome"
times="2026-02-02T08:00:00+01:00,2026-02-02T08:00:10+01:00,2026-02-02T08:01:10+01:00"
printf '%s\n1,voice,sales,u1,,%s,0,20,ann,\n2,voice,s\xe6lg,u2,,%s,0,0,bob,\n' \
  "$header" "$times" "$times" >"$work/c.csv"
check kpi_csv_latin1 2 "$cx" kpi --input "$work/c.csv" --format csv --by queue --format-out json \
  --out "$work/k.json" --report "agent:day:$work/a.json"
expect_in kpi_csv_latin1_where "$work/err" "$work/c.csv:3:10: not valid UTF-8 (byte 0xE6)"
[[ -e "$work/k.json" || -e "$work/k.json.tmp" || -e "$work/a.json.tmp" ]] \
  && fail "kpi_csv_latin1: a file was written" || pass
printf '1770015600|NONE|sales|PJSIP/ann|ADDMEMBER|\n1770015720|c1|s\xe6lg|NONE|ENTERQUEUE||5551001\n' \
  >"$work/queue_log"
check kpi_queue_log_latin1 2 "$cx" kpi --input "$work/queue_log" --format queue_log --out "$work/q.json"
expect_in kpi_queue_log_latin1_where "$work/err" "$work/queue_log:2:16: not valid UTF-8 (byte 0xE6)"
[[ -e "$work/q.json" || -e "$work/q.json.tmp" ]] && fail "kpi_queue_log_latin1: written" || pass
printf '"","5551001","600","from-queue","K\xe5re","SIP/trunk-01"\n' >"$work/Master.csv"
check kpi_cdr_latin1 2 "$cx" kpi --input "$work/Master.csv" --format cdr
expect_in kpi_cdr_latin1_where "$work/err" "$work/Master.csv:1:35: not valid UTF-8 (byte 0xE5)"
printf 'columns:\n  queue: K\xf8\n' >"$work/m.yaml"
check kpi_mapping_latin1 2 "$cx" kpi --input "$work/c.csv" --format csv --mapping "$work/m.yaml"
expect_in kpi_mapping_latin1_where "$work/err" "$work/m.yaml:2:11: not valid UTF-8 (byte 0xF8)"

# A quoted line break in a contact CSV is part of its field (RFC 4180).
printf '%s\n1,voice,sales,u1,,%s,0,20,ann,"called back\nnext day"\n2,voice,sales,u2,,%s,0,0,bob,\n' \
  "$header" "$times" "$times" >"$work/breaks.csv"
check kpi_csv_breaks 0 "$cx" kpi --input "$work/breaks.csv" --format csv --threads 2
expect_in kpi_csv_breaks_summary "$work/err" "kpi: 4 lines, 2 contacts, 1 rows; 0 bad lines skipped"

# A queue_log line dated in 2533 is a bad line, not gigabytes of intervals.
printf '1770015600|NONE|sales|PJSIP/ann|ADDMEMBER|\n17770015600|NONE|sales|PJSIP/ann|PAUSE|\n' \
  >"$work/future_log"
check kpi_future 0 "$cx" kpi --input "$work/future_log" --format queue_log
expect_in kpi_future_line "$work/err" "$work/future_log:2: error: expected a UNIX time from 1970 to 2106, found '17770015600'"

finish hostile_files_cli_test
