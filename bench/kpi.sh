#!/usr/bin/env bash
# cxbench kpi against DuckDB (@duckdb/node-api, bench/kpi.sql) and pandas
# (bench/kpi_pandas.py) on a 10-million-contact CSV: the KPIs per queue x 15
# minutes and per agent x day, with FCR. Checks that all three agree on every
# number, and prints wall time, peak memory (/usr/bin/time -v) and MB/s of
# each, the ratio to DuckDB, and the time of `wc -l` (reading the file once
# from the page cache) as the limit. Also times cxbench on a queue_log of the
# same calls.
# Usage: bench/kpi.sh [contacts]   (data cached under build/kpi-bench/)
set -euo pipefail
cd "$(dirname "$0")/.."
build="${CXBENCH_BUILD:-build/release}"
cxbench="$build/src/cli/cxbench"
generator="$build/bench/kpi/gen_kpi_data"
for binary in "$cxbench" "$generator"; do
  if [[ ! -x "$binary" ]]; then
    echo "bench/kpi.sh: $binary not found; build first (make build)" >&2
    exit 1
  fi
done
contacts="${1:-10000000}"
data="build/kpi-bench"
mkdir -p "$data"
csv="$data/contacts-$contacts.csv"
log="$data/contacts-$contacts.queue_log"
if [[ ! -s "$csv" || ! -s "$log" ]]; then
  echo "generating $contacts contacts (once; cached in $data/)"
  "$generator" "$contacts" "$csv.tmp" "$log.tmp"
  mv "$log.tmp" "$log"
  mv "$csv.tmp" "$csv"
fi
if [[ ! -d bench/node_modules/@duckdb/node-api ]]; then
  (cd bench && npm ci --no-audit --no-fund >/dev/null)
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
bytes=$(stat -c %s "$csv")
megabytes=$(awk -v b="$bytes" 'BEGIN { printf "%.0f", b / 1e6 }')

# measure NAME COMMAND...: runs it under /usr/bin/time -v; sets seconds, peak_mb.
measure() {
  local name=$1
  shift
  if ! /usr/bin/time -v -o "$out/$name.time" "$@" >"$out/$name.stdout" 2>"$out/$name.stderr"; then
    echo "bench/kpi.sh: $name failed:" >&2
    tail -5 "$out/$name.stderr" >&2
    exit 1
  fi
  seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ {
    n = split($2, part, ":"); s = 0; for (i = 1; i <= n; ++i) s = s * 60 + part[i]; print s }' \
    "$out/$name.time")
  peak_mb=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$out/$name.time")
}

cat "$csv" >/dev/null  # into the page cache, for every contender alike
measure wc wc -l "$csv"
wc_s=$seconds

# cxbench: both reports from one pass over the file, on both cores (as
# DuckDB computes both from one load).
measure cx "$cxbench" kpi --input "$csv" --format csv --by queue --interval 15m \
  --format-out csv --out "$out/cx_queue.csv" --report "agent:day:$out/cx_agent.csv"
cx_s=$seconds cx_mb=$peak_mb

measure duckdb node bench/kpi_duckdb.mjs "$csv" "$out/duck_queue.csv" "$out/duck_agent.csv"
duck_s=$seconds duck_mb=$peak_mb
measure pandas /usr/bin/python3 bench/kpi_pandas.py "$csv" "$out/pandas_queue.csv" \
  "$out/pandas_agent.csv"
pandas_s=$seconds pandas_mb=$peak_mb

cat "$log" >/dev/null
measure cx_log "$cxbench" kpi --input "$log" --format queue_log --by queue --interval 15m \
  --format-out csv --out "$out/cx_log.csv"
log_s=$seconds log_mb=$peak_mb
log_megabytes=$(awk -v b="$(stat -c %s "$log")" 'BEGIN { printf "%.0f", b / 1e6 }')

echo "KPIs of $contacts contacts ($megabytes MB CSV): per queue x 15 min and per agent x day, FCR 7 days"
echo "agreement, queue x 15 min:"
status=0
/usr/bin/python3 bench/kpi_compare.py queue "$out/cx_queue.csv" "$out/duck_queue.csv" \
  "$out/pandas_queue.csv" || status=1
echo "agreement, agent x day:"
/usr/bin/python3 bench/kpi_compare.py agent "$out/cx_agent.csv" "$out/duck_agent.csv" \
  "$out/pandas_agent.csv" || status=1

row() {  # row NAME SECONDS PEAK_MB MEGABYTES_READ
  awk -v n="$1" -v s="$2" -v m="$3" -v mb="$4" -v duck="$duck_s" -v wc="$wc_s" 'BEGIN {
    printf "  %-28s %8.2f s %8d MB %8.0f MB/s %9.2fx %9.1fx\n", n, s, m, mb / s, duck / s, s / wc }'
}
printf "  %-28s %10s %11s %13s %10s %10s\n" "" "wall" "peak RSS" "throughput" "vs DuckDB" "vs wc -l"
row "wc -l (the read limit)" "$wc_s" 0 "$megabytes"
row "cxbench, both reports" "$cx_s" "$cx_mb" "$megabytes"
row "DuckDB $(node -p "require('./bench/node_modules/@duckdb/node-api/package.json').version")" \
  "$duck_s" "$duck_mb" "$megabytes"
row "pandas $(/usr/bin/python3 -c 'import pandas; print(pandas.__version__)')" \
  "$pandas_s" "$pandas_mb" "$megabytes"
row "cxbench queue_log ($log_megabytes MB)" "$log_s" "$log_mb" "$log_megabytes"
awk -v cx="$cx_s" -v duck="$duck_s" -v mb="$cx_mb" 'BEGIN {
  printf "target: 5x faster than DuckDB: %s (%.1fx); peak < 500 MB: %s (%d MB)\n",
    (duck / cx >= 5 ? "met" : "NOT met"), duck / cx, (mb < 500 ? "met" : "NOT met"), mb }'
exit $status
