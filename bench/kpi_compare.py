"""bench/kpi.sh: checks that cxbench, DuckDB and pandas agree on every number.

Usage: /usr/bin/python3 bench/kpi_compare.py GROUP CXBENCH.csv DUCKDB.csv PANDAS.csv
GROUP is the grouping column (queue or agent). cxbench labels intervals with
their offset ("2026-02-16T07:00:00+01:00"); the peers with local wall-clock
time ("2026-02-16 07:00:00"): the first 19 characters are compared.
Numbers agree when equal to a relative 1e-8 (cxbench prints 10 digits);
empty (no denominator) agrees only with empty.
"""
import csv
import math
import sys

COLUMNS = ["offered", "answered", "abandoned", "short_abandoned", "abandon_rate", "asa_s",
           "service_level", "aht_s", "longest_wait_s", "transfer_rate", "fcr", "fcr_contacts"]


def load(path, group):
    rows = {}
    with open(path, newline="") as handle:
        for row in csv.DictReader(handle):
            key = (row[group], row["interval_start"][:19].replace("T", " "))
            rows[key] = row
    return rows


def number(text):
    return math.nan if text in ("", "NULL", "nan", "NaN") else float(text)


def same(left, right):
    if math.isnan(left) or math.isnan(right):
        return math.isnan(left) and math.isnan(right)
    return abs(left - right) <= 1e-8 * max(1.0, abs(left), abs(right))


def main():
    group, *paths = sys.argv[1:]
    names = ["cxbench", "duckdb", "pandas"]
    tables = [load(path, group) for path in paths]
    problems = 0
    for name, table in zip(names[1:], tables[1:]):
        if set(table) != set(tables[0]):
            print(f"  {name}: groups x intervals differ from cxbench's "
                  f"({len(table)} against {len(tables[0])})")
            problems += 1
            continue
        for key, row in tables[0].items():
            for column in COLUMNS:
                if not same(number(row[column]), number(table[key][column])):
                    problems += 1
                    if problems <= 10:
                        print(f"  {name} {key} {column}: {table[key][column]} "
                              f"against cxbench {row[column]}")
    cells = len(tables[0]) * len(COLUMNS)
    if problems == 0:
        print(f"  agree: {len(tables[0])} rows x {len(COLUMNS)} columns = {cells} numbers, "
              "all three")
    else:
        print(f"  DISAGREE: {problems} differences")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
