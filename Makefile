# The front door. Every target installs what is missing (scripts/setup.sh)
# and builds what is stale before it runs.
#   make demo   build (release) and run the demo study on SQLite under var/
#   make test   build (dev: ASan+UBSan) and run every test with ctest, then
#               every fuzz target 20 s (make test-fuzz)
#   make test-fast  build (dev) and run the unit tests only (ctest -L unit:
#               no end-to-end scripts, no browser)
#   make bench  build (release) and run the benchmarks under bench/
#   make fuzz   build (fuzz: clang, libFuzzer) and run every fuzz target 300 s
#   make test-tsan  build (tsan: ThreadSanitizer) and run the tests of threaded code
SHELL := /bin/bash
JOBS ?= $(shell nproc)
# make test-fuzz repeats the same inputs; make fuzz draws new ones.
ifeq ($(filter fuzz,$(MAKECMDGOALS)),)
FUZZ_SEED ?= 1
endif
# Warnings are errors in CI (CI=true is set by the CI runner): the ci presets
# (CMakePresets.json) set CXBENCH_WERROR on every configure, in their own
# build directories (build/ci, build/ci-release, build/ci-tsan).
DEV := $(if $(CI),ci,dev)
RELEASE := $(if $(CI),ci-release,release)
TSAN := $(if $(CI),ci-tsan,tsan)

.PHONY: all setup build build-cli build-dev build-fuzz web demo test test-fast test-fuzz test-tsan fuzz bench format format-check clean
# make demo serves the web app at the end (Ctrl-C stops it); SERVE=0 skips that.
SERVE ?= 1
LISTEN ?= 127.0.0.1:8080
CX := build/$(RELEASE)/src/cli/cxbench
WEB_SOURCES := $(shell find web/src web/sw web/public web/tests -type f 2>/dev/null) web/index.html web/vite.config.ts web/tsconfig.json

all: build

setup:
	@scripts/setup.sh

# Every build configures its preset first (about a second when nothing
# changed), so that the preset's cache variables (CXBENCH_TESTS,
# CXBENCH_WERROR) hold in a build directory made before they existed.
# Release: the command and the benchmarks (no tests: CXBENCH_TESTS is off).
build: setup
	cmake --preset $(RELEASE) > /dev/null
	cmake --build build/$(RELEASE) -j $(JOBS)

# Only the cxbench command and the libraries it links (make demo).
build-cli: setup
	cmake --preset $(RELEASE) > /dev/null
	cmake --build build/$(RELEASE) -j $(JOBS) --target cxbench

build-dev: setup
	cmake --preset $(DEV) > /dev/null
	cmake --build build/$(DEV) -j $(JOBS)

# The fuzz build holds only fuzz/ and the libraries it links (docs/fuzzing.md).
# Warnings are the g++ builds' business: clang's own are not made errors here.
build/fuzz/build.ninja: | setup
	cmake --preset fuzz

build-fuzz: setup build/fuzz/build.ninja
	cmake --build build/fuzz -j $(JOBS)

# Every fuzz target for $(1) seconds from its seed corpus, $(JOBS) at a time;
# any crash, leak, timeout or sanitizer report fails (fuzz/run.sh).
define run_fuzzers
	FUZZ_SECONDS=$(1) FUZZ_SEED=$(2) ctest --test-dir build/fuzz -L fuzz --output-on-failure -j $(JOBS) \
	  --timeout $$(( $(1) + 300 ))
endef

# Part of `make test`: 20 s per target (FUZZ_SECONDS=N to change) from the
# fixed seed 1, so that a failure repeats (FUZZ_SEED= to draw anew).
test-fuzz: build-fuzz
	$(call run_fuzzers,$(or $(FUZZ_SECONDS),20),$(FUZZ_SEED))

# New crashers: 300 s per target, a new seed each run.
fuzz: build-fuzz
	$(call run_fuzzers,$(or $(FUZZ_SECONDS),300),$(FUZZ_SEED))

# ThreadSanitizer: only the tests labelled "threaded" (CXBENCH_THREADED_TESTS
# in CMakeLists.txt) are built and run.
test-tsan: setup
	cmake --preset $(TSAN) > /dev/null
	cmake --build --preset $(TSAN) -j $(JOBS)
	TSAN_OPTIONS=$${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1} \
	  ctest --preset $(TSAN) -j $(JOBS)

# The web front end: npm packages from the committed lock file, built by Vite.
web/node_modules/.package-lock.json: web/package-lock.json | setup
	cd web && npm ci --no-audit --no-fund
	@touch $@

web/dist/index.html: web/node_modules/.package-lock.json $(WEB_SOURCES)
	cd web && npm run build

web: web/dist/index.html

demo: build-cli web
	@mkdir -p var
	rm -f var/demo.db var/demo.db-wal var/demo.db-shm
	$(CX) demo --db var/demo.db --replace --open 2
	$(CX) plan check --db var/demo.db
	$(CX) results --db var/demo.db --winners
	@scripts/demo_logins.sh $(CX) var/demo.db $(LISTEN)
	@if [ "$(SERVE)" = 1 ]; then $(CX) serve --db var/demo.db --listen $(LISTEN); fi

test: build-dev web format-check
	ctest --test-dir build/$(DEV) --output-on-failure -j $(JOBS)
	$(MAKE) test-fuzz

# The unit tests (label unit, cmake/cxbench_test.cmake): seconds, not minutes.
test-fast: build-dev
	ctest --test-dir build/$(DEV) -L unit --output-on-failure -j $(JOBS)

bench: build
	@scripts/bench.sh

format: web/node_modules/.package-lock.json
	git ls-files '*.cc' '*.h' | xargs clang-format -i
	cd web && npm run --silent format

# Part of `make test`: any formatting diff fails, as in CI; the front end
# also passes its linter (eslint, no `any`), and no function in src/ is
# longer than 80 lines without a "// Long:" reason (scripts/long_functions.py).
format-check: web/node_modules/.package-lock.json
	@git ls-files '*.cc' '*.h' | xargs clang-format --dry-run --Werror
	@scripts/long_functions.py --check
	@cd web && npm run --silent format:check && npm run --silent lint
	@echo "format-check: clean"

clean:
	rm -rf build
