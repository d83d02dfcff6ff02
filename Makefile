# The two commands of the quick start: `make demo` and `make test`.
# Both install the Debian packages they need (when missing), configure and build.
PRESET ?= dev
JOBS ?= 2
BIN := build/$(PRESET)/engine/cli/heatgraph
DEMO_EVENT := scenarios/events/olympics-2022-men-1000m.txt

FUZZ_SECONDS ?= 600
FUZZ_JOBS ?= 1

.PHONY: deps build demo test bench bench-peer format format-check golden clean \
        fuzz-deps fuzz-build fuzz fuzz-smoke

deps:
	@.ci/install-deps

build: deps
	cmake --preset $(PRESET)
	cmake --build --preset $(PRESET) -j $(JOBS)

demo: build
	$(BIN) replay $(DEMO_EVENT)

test: build
	ctest --preset $(PRESET)

# Regenerates the CLI golden files from the current binary; review the diff before committing.
golden: build
	UPDATE_GOLDEN=1 ctest --preset $(PRESET) -R golden

bench:
	$(MAKE) build PRESET=release
	build/release/bench/heatgraph_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true

# heatgraph against the npm package ffa on the same 32-skater format (installs ffa in a temp dir).
bench-peer:
	$(MAKE) build PRESET=release
	bench/ffa_peer.sh

# Fuzzing (tests/fuzz/README.md): the fuzz preset (clang, libFuzzer, address + undefined
# sanitizers) builds one fuzzer per reader; `make fuzz` runs each for FUZZ_SECONDS, FUZZ_JOBS at
# a time, and fails on a finding. `make fuzz-smoke` is CI's short run (about a minute in all).
fuzz-deps:
	@.ci/install-deps --fuzz

fuzz-build: fuzz-deps
	cmake --preset fuzz
	cmake --build --preset fuzz -j $(JOBS)

fuzz: fuzz-build
	FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_JOBS=$(FUZZ_JOBS) tests/fuzz/fuzz.sh

fuzz-smoke:
	$(MAKE) fuzz FUZZ_SECONDS=8 FUZZ_JOBS=1 FUZZ_SEED=1

format:
	clang-format -i $$(git ls-files '*.cpp' '*.hpp')

format-check:
	clang-format --dry-run --Werror $$(git ls-files '*.cpp' '*.hpp')

clean:
	rm -rf build
