# The front door. Every target installs what is missing (scripts/setup.sh)
# and builds what is stale before it runs.
#   make demo   build (release) and run the demo study on SQLite under var/
#   make test   build (dev: ASan+UBSan) and run every test with ctest
#   make bench  build (release) and run the benchmarks under bench/
SHELL := /bin/bash
JOBS ?= $(shell nproc)
# Warnings are errors in CI (CI=true is set by the CI runner).
WERROR := $(if $(CI),ON,OFF)

.PHONY: all setup build build-dev demo test bench format format-check clean

all: build

setup:
	@scripts/setup.sh

build/release/build.ninja: | setup
	cmake --preset release -DCXBENCH_WERROR=$(WERROR)

build/dev/build.ninja: | setup
	cmake --preset dev -DCXBENCH_WERROR=$(WERROR)

build: setup build/release/build.ninja
	cmake --build build/release -j $(JOBS)

build-dev: setup build/dev/build.ninja
	cmake --build build/dev -j $(JOBS)

demo: build
	@mkdir -p var
	build/release/src/cli/cxbench demo --db var/demo.db --replace
	build/release/src/cli/cxbench plan check --db var/demo.db
	build/release/src/cli/cxbench results --db var/demo.db --winners

test: build-dev format-check
	ctest --test-dir build/dev --output-on-failure -j $(JOBS)

bench: build
	@scripts/bench.sh

format:
	git ls-files '*.cc' '*.h' | xargs clang-format -i

# Part of `make test`: any formatting diff fails, as in CI.
format-check:
	@git ls-files '*.cc' '*.h' | xargs clang-format --dry-run --Werror
	@echo "format-check: clean"

clean:
	rm -rf build
