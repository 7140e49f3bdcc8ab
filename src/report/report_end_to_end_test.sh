#!/usr/bin/env bash
# End to end: `cxbench report` on a small demo study, read back as a person
# would see it. PDF text with pdftotext (name, score as the results engine
# gives it, Norwegian letters), pages rendered with pdftoppm (none blank,
# charts present), the HTML report opened in headless Chromium with a network
# log (nothing requested from any host) and a screenshot kept under build/.
set -u
cx="${CXBENCH:?set CXBENCH to the cxbench binary}"
shots="${CXBENCH_SCREENSHOTS:-build/screenshots}"
mkdir -p "$shots"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL $*"; }

"$cx" demo --db "$work/d.db" --participants 24 --shoppers 60 >/dev/null || bad "demo"
"$cx" results --db "$work/d.db" --resamples 500 --format json >"$work/results.json" || bad "results"

# A participant with Æ, Ø or Å in its name, and its total as the engine gives it.
read -r pid name score < <(/usr/bin/python3 - "$work/results.json" <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))
rows = data["participants"]
pick = next((p for p in rows if any(c in p["name"] for c in "æøåÆØÅ")), rows[0])
print(pick["id"], pick["name"].replace(" ", "\u00a0"), "%.1f" % pick["score"])
PY
)
name=${name//$'\u00a0'/ }
score_nb=${score/./,}

"$cx" report --db "$work/d.db" --participant "$pid" --format pdf --out "$work/r.pdf" --resamples 500 >/dev/null \
  && ok || bad "report pdf"
text=$(pdftotext -layout "$work/r.pdf" - 2>/dev/null)
grep -qF -- "$name" <<<"$text" && ok || bad "pdf lacks the name '$name'"
grep -qF -- "$score_nb" <<<"$text" && ok || bad "pdf lacks the score $score_nb"
grep -qF -- "Følte du deg verdsatt" <<<"$text" && ok || bad "pdf lacks Norwegian letters"

# Every page has ink; the chart colour (#1f5f99) is on the pages with charts.
pdftoppm -r 30 "$work/r.pdf" "$work/page"
pages=$(ls "$work"/page-*.ppm | wc -l)
[[ $pages -ge 3 ]] && ok || bad "only $pages pages"
/usr/bin/python3 - "$work" <<'PY' && ok || bad "blank page or no chart"
import glob, sys
charts = 0
for path in sorted(glob.glob(sys.argv[1] + "/page-*.ppm")):
    data = open(path, "rb").read()
    header, width, height, maxval, pixels = data.split(b"\n", 3)[0], None, None, None, None
    parts = data.split(maxsplit=4)
    pixels = parts[4]
    ink = sum(1 for i in range(0, len(pixels) - 2, 3) if pixels[i] < 200 or pixels[i + 1] < 200)
    if ink < 50:
        print("blank:", path); sys.exit(1)
    blue = sum(1 for i in range(0, len(pixels) - 2, 3)
               if abs(pixels[i] - 0x1f) < 14 and abs(pixels[i + 1] - 0x5f) < 14 and abs(pixels[i + 2] - 0x99) < 14)
    charts += blue > 20
sys.exit(0 if charts >= 2 else 1)
PY

# The HTML report in Chromium: its network log shows no request the page
# made to any host. Requests the page starts carry initiator "null" (the
# opaque origin of a file:// page); Chromium's own background fetches do not.
"$cx" report --db "$work/d.db" --participant "$pid" --format html --out "$work/r.html" --resamples 500 --language en \
  >/dev/null && ok || bad "report html"
grep -qF "Total result" "$work/r.html" && ok || bad "html not in English"
open_page() {  # open_page FILE NETLOG [SCREENSHOT]
  /usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/profile-$(basename "$2")" --log-net-log="$2" --window-size=900,2400 \
    --screenshot="${3:-$work/ignored.png}" "file://$1" >/dev/null 2>&1
}
page_requests() {  # page_requests NETLOG: the hosts' URLs the page asked for
  /usr/bin/python3 - "$1" <<'PY'
import json, sys
for event in json.load(open(sys.argv[1]))["events"]:
    params = event.get("params", {})
    url = params.get("url", "")
    if params.get("initiator") == "null" and not url.startswith(("file:", "data:")):
        print(url)
PY
}
open_page "$work/r.html" "$work/net.json" "$shots/participant_report.png"
[[ -s "$shots/participant_report.png" ]] && ok || bad "no screenshot"
requested=$(page_requests "$work/net.json")
[[ -z "$requested" ]] && ok || bad "the HTML report requested: $requested"
# The control: a page that loads an image from a host is caught.
printf '<!doctype html><img src="http://127.0.0.1:9/x.png">' >"$work/control.html"
open_page "$work/control.html" "$work/control.json"
[[ -n "$(page_requests "$work/control.json")" ]] && ok || bad "the network check cannot see requests"

# --all: every participant and the ranking.
"$cx" report --db "$work/d.db" --all --format html --out "$work/all" --resamples 200 >/dev/null && ok || bad "report --all"
[[ $(ls "$work/all"/*.html | wc -l) -eq 25 ]] && ok || bad "--all wrote $(ls "$work/all" | wc -l) files, expected 24 + ranking"
grep -qF "Resultater" "$work/all/ranking.html" && ok || bad "ranking page"

# Bad input: unknown participant, neither --participant nor --all.
"$cx" report --db "$work/d.db" --participant nobody --out "$work/x.pdf" >/dev/null 2>&1
[[ $? -eq 2 ]] && ok || bad "unknown participant not exit 2"
[[ ! -e "$work/x.pdf" ]] && ok || bad "file written for an unknown participant"
"$cx" report --db "$work/d.db" --out "$work/x.pdf" >/dev/null 2>&1
[[ $? -eq 2 ]] && ok || bad "missing --participant/--all not exit 2"

echo "report: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
