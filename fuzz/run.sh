#!/usr/bin/env bash
# Runs one fuzz target for a bounded time (ctest calls this; docs/fuzzing.md):
#   fuzz/run.sh BINARY NAME MAX_LEN
# FUZZ_SECONDS (default 20) bounds the run. FUZZ_SEED fixes libFuzzer's seed
# (make test sets 1, so a run there tries the same inputs in the same order
# and a failure in CI is one anyone can repeat); unset, each run draws anew
# (make fuzz), which is how new crashers are found. New inputs go to a work corpus
# under the build tree, never into fuzz/corpus/ (which is only read); a crash
# is saved as $CXBENCH_FUZZ_WORK/NAME/crash-<sha1> and fails the test, as do
# a leak, a timeout (-timeout=10 s for one input), more than 2 GB of memory
# or any sanitizer report.
set -euo pipefail
binary=$1
name=$2
max_len=$3
source_dir=$(cd "$(dirname "$0")" && pwd)
work=${CXBENCH_FUZZ_WORK:-/tmp/cxbench-fuzz-work}/$name
seconds=${FUZZ_SECONDS:-20}
mkdir -p "$work/corpus"
args=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$max_len"
      -print_final_stats=1 -artifact_prefix="$work/")
if [[ -n ${FUZZ_SEED:-} ]]; then
  args+=(-seed="$FUZZ_SEED")
fi
if [[ -f "$source_dir/$name.dict" ]]; then
  args+=(-dict="$source_dir/$name.dict")
fi
# halt_on_error: the first report ends the run; detect_leaks is on by default.
export ASAN_OPTIONS=${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
# The whole log stays in $work/fuzz.log; ctest shows the summary (libFuzzer's
# last status line: executions, cov: edges, ft: features) or, on a failure,
# the report.
status=0
"$binary" "${args[@]}" "$work/corpus" "$source_dir/corpus/$name" >"$work/fuzz.log" 2>&1 || status=$?
if ((status == 0)); then
  grep -E '^#[0-9]+[[:space:]]+DONE|^stat::number_of_executed_units' "$work/fuzz.log" || true
else
  grep -vE '^#[0-9]+[[:space:]]+(NEW|REDUCE|pulse)|^[[:space:]]+NEW_FUNC' "$work/fuzz.log" | tail -n 80
  echo "$name: failed (exit $status); the input is in $work/ (crash-*, leak-*, timeout-*, oom-*)"
fi
exit "$status"
