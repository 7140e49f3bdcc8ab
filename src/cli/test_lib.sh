# Shared by the CLI's end-to-end shell tests (source it): a work folder
# removed at exit, pass/fail counters, and the checks. Each test ends with
#   finish NAME   (prints "NAME: N passed, N failed" and sets the exit code).
set -u
cx="${CXBENCH:?set CXBENCH to the cxbench binary}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL $*"; }

check() {  # check NAME EXPECTED_EXIT COMMAND...: stdout and stderr land in $work/out, $work/err
  local name=$1 expected=$2
  shift 2
  "$@" >"$work/out" 2>"$work/err"
  local code=$?
  if [[ $code -eq $expected ]]; then
    pass
  else
    fail "$name: exit $code, expected $expected"
    sed 's/^/  stdout: /' "$work/out" | head -5
    sed 's/^/  stderr: /' "$work/err" | head -5
  fi
}
expect_in() {  # expect_in NAME FILE TEXT
  if grep -qF -- "$3" "$2"; then
    pass
  else
    fail "$1: '$3' not in $(basename "$2")"
    sed 's/^/  /' "$2" | head -5
  fi
}
expect_not_in() {  # expect_not_in NAME FILE TEXT (case-insensitive)
  if grep -qiF -- "$3" "$2"; then
    fail "$1: '$3' in $(basename "$2")"
  else
    pass
  fi
}
finish() {  # finish NAME
  echo "$1: $passed passed, $failed failed"
  [[ $failed -eq 0 ]]
}
