#!/usr/bin/env bash
# Installs every Debian package cxbench needs, and nothing when all are present.
# Idempotent: a second run only runs dpkg-query and exits.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config git clang-format
  # fuzzing (fuzz/, the fuzz preset): clang 14 and its libFuzzer and sanitizer runtimes
  clang-14 libclang-rt-14-dev
  # libraries (see README "Dependencies")
  libyaml-cpp-dev nlohmann-json3-dev libcli11-dev libfmt-dev libspdlog-dev
  libsqlite3-dev sqlite3 libsoci-dev libboost-dev
  # web app (src/server): HTTP, argon2id password hashes; wrk for its benchmark
  libcpp-httplib-dev libsodium-dev wrk
  # passwords (src/auth): cracklib and its dictionary of easily guessed words
  libcrack2-dev cracklib-runtime
  # messages in the interface's languages (src/i18n): gettext catalogues
  # compiled by msgfmt, read by Boost.Locale; ICU matches Accept-Language
  gettext libboost-locale-dev libicu-dev
  # the fieldwork planner (src/plan): GLPK for its integer programmes
  libglpk-dev
  libhowardhinnant-date-dev tzdata
  # exports (src/export): Excel and SPSS, and the tools tests read them back with
  libxlsxwriter-dev libreadstat-dev readstat python3-openpyxl
  # .xlsx shopper pools (src/core/xlsx_reader.cc): the ZIP archive and its XML
  libzip-dev libexpat1-dev
  # reports (src/report): PDF through headless Chromium, fonts with Æ Ø Å,
  # and poppler-utils (pdftotext, pdftoppm) that tests read PDFs back with
  chromium fonts-dejavu-core poppler-utils
  # tests and benchmarks (bench/kpi.sh: pandas as a peer, /usr/bin/time -v
  # for peak memory; node with npm, for DuckDB's @duckdb/node-api)
  libgtest-dev libgmock-dev libbenchmark-dev python3-pandas time nodejs
  # the shell tests of `cxbench serve` talk HTTP with curl
  curl
)

missing=()
for pkg in "${packages[@]}"; do
  # dpkg-query prints "install ok installed" only for a fully installed package.
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

echo "setup: installing ${missing[*]}" >&2
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "setup: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get -o DPkg::Lock::Timeout=300 update -qq
"${sudo_cmd[@]}" apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "setup: done" >&2
