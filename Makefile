# The two commands of the quick start: `make demo` and `make test`.
# Both install the Debian packages they need (when missing), configure and build.
PRESET ?= dev
JOBS ?= 2
BIN := build/$(PRESET)/engine/cli/heatgraph
DEMO_EVENT := scenarios/events/olympics-2022-men-1000m.txt

.PHONY: deps build demo test bench bench-peer format format-check golden clean

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

format:
	clang-format -i $$(git ls-files '*.cpp' '*.hpp')

format-check:
	clang-format --dry-run --Werror $$(git ls-files '*.cpp' '*.hpp')

clean:
	rm -rf build
