#!/usr/bin/env python3
"""Lists the functions in src/ (tests excepted) longer than a screen.

    scripts/long_functions.py [--max N] [--check] [FILE ...]

A function is a body that opens at the left margin (clang-format, as
.clang-format sets it, does not indent namespaces) and ends at the next line
that is a lone "}". A lambda counts in the function around it, which is the
point: a route table of 200 lines is one long function to its reader. A
function may be longer when the comment right above its first line says why,
starting with "Long:". --check exits 1 when one is longer without a reason.

pmccabe (Debian) would be the well-kept tool for this, but version 2.8 lists
nothing at all for a file with a C++17 nested namespace such as
`namespace cx::plan {` (tried on src/plan/repair.cc), which is every file here.
"""
import argparse
import pathlib
import re
import subprocess
import sys

OPENS = re.compile(r"^[A-Za-z_].*\)\s*(const\s*)?(noexcept\s*)?(override\s*)?(->\s*[^{]+)?\{$")
NOT_FUNCTION = re.compile(r"^(namespace|struct|class|enum|union|extern|typedef|using)\b|=\s*\{$")


def functions(path):
    lines = path.read_text(encoding="utf-8").split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        start = i
        # A signature may span lines; it opens at the margin and ends in "{".
        if line and not line[0].isspace() and not NOT_FUNCTION.match(line) and not line.startswith(("}", "#", "//")):
            j = i
            while j < len(lines) and not lines[j].rstrip().endswith(("{", ";", "}")) and j - i < 8:
                j += 1
            signature = " ".join(l.strip() for l in lines[i : j + 1])
            if j < len(lines) and OPENS.match(signature):
                end = j + 1
                while end < len(lines) and lines[end] != "}":
                    end += 1
                reason = start > 0 and lines[start - 1].lstrip().startswith("// Long:")
                yield start + 1, end - j - 1, signature.split("(")[0].split()[-1], reason
                i = end + 1
                continue
        i += 1


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--max", type=int, default=80, help="lines of body allowed (default 80)")
    parser.add_argument("--check", action="store_true", help="exit 1 on a long function without a reason")
    parser.add_argument("files", nargs="*")
    args = parser.parse_args()
    files = args.files or [
        f for f in subprocess.run(["git", "ls-files", "src/*.cc"], capture_output=True, text=True, check=True).stdout.split()
        if not f.endswith("_test.cc")
    ]
    unexplained = 0
    for name in files:
        for line, length, function, reason in functions(pathlib.Path(name)):
            if length > args.max:
                unexplained += not reason
                print(f"{name}:{line}: {function}: {length} lines{' (reason given)' if reason else ''}")
    if args.check and unexplained:
        print(f"{unexplained} function(s) longer than {args.max} lines without a '// Long:' reason", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
