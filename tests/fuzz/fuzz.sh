#!/usr/bin/env bash
# Runs the libFuzzer harnesses of the fuzz preset (`make fuzz`, `make fuzz-smoke`): each for
# FUZZ_SECONDS, FUZZ_JOBS at a time, then prints per harness its executions and coverage
# (libFuzzer's final stats and last status line). Fails when any harness found something; the
# message names the reproducer (build/fuzz/artifacts/<harness>/). See tests/fuzz/README.md.
#
#   FUZZ_SECONDS      per harness (default 600)
#   FUZZ_JOBS         harnesses run at once (default 1)
#   FUZZ_HARNESSES    which ones (default: all, "article table ...")
#   FUZZ_TIMEOUT      seconds one input may take before it counts as a hang (default 10)
#   FUZZ_RSS_MB       memory limit of a harness (default 2048)
#   FUZZ_KEEP_GOING   1: keep fuzzing after a finding (libFuzzer -fork=1 -ignore_crashes=1 ...)
#                     to collect several findings in one run (default 0)
#   FUZZ_REGRESSIONS  0: leave tests/fuzz/regressions/ out of the corpus (default 1)
#   FUZZ_BUILD        the fuzz preset's build directory (default build/fuzz)
#   FUZZ_SEED         libFuzzer's random seed (default: a new one each run); CI's short run
#                     fixes it, so that the same change explores the same inputs
#   HEATGRAPH_FUZZ_SKIP  checks to leave out while a known finding is open (fuzz_support.hpp)
set -uo pipefail
cd "$(dirname "$0")/../.."

seconds=${FUZZ_SECONDS:-600}
jobs=${FUZZ_JOBS:-1}
harnesses=${FUZZ_HARNESSES:-article table event_json format scenario ruling field}
timeout=${FUZZ_TIMEOUT:-10}
rss=${FUZZ_RSS_MB:-2048}
keep_going=${FUZZ_KEEP_GOING:-0}
regressions=${FUZZ_REGRESSIONS:-1}
build=${FUZZ_BUILD:-build/fuzz}
seed=${FUZZ_SEED:-}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

# The largest seed (a JSON export) is just over 64 KB; every other reader gets 64 KB at most.
max_len() {
    case $1 in
        event_json) echo 131072 ;;
        *) echo 65536 ;;
    esac
}

run_one() {
    local h=$1
    local bin=$build/tests/fuzz/fuzz_$h corpus=$build/corpus/$h artifacts=$build/artifacts/$h
    mkdir -p "$corpus" "$artifacts" "$build/logs"
    local inputs=("$corpus")
    [[ $regressions == 1 && -d tests/fuzz/regressions/$h ]] && inputs+=("tests/fuzz/regressions/$h")
    inputs+=("$build/tests/fuzz/seeds/$h")
    local options=(-max_total_time="$seconds" -max_len="$(max_len "$h")" -timeout="$timeout"
                   -rss_limit_mb="$rss" -print_final_stats=1 -dict="tests/fuzz/$h.dict"
                   -artifact_prefix="$artifacts/")
    [[ -n $seed ]] && options+=(-seed="$seed")
    [[ $keep_going == 1 ]] && options+=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1
                                        -ignore_ooms=1)
    touch "$build/logs/$h.start"
    "$bin" "${options[@]}" "${inputs[@]}" >"$build/logs/$h.log" 2>&1
    echo $? >"$build/logs/$h.status"
}

summary() {
    local h=$1 log=$build/logs/$1.log status
    status=$(cat "$build/logs/$h.status" 2>/dev/null || echo "?")
    local execs cov ft corp
    execs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | tail -1 | awk '{print $2}')
    local last
    last=$(grep -E '^#[0-9]+.* cov: ' "$log" | tail -1)
    [[ -z $execs ]] && execs=$(sed -E 's/^#([0-9]+).*/\1/' <<<"$last")
    cov=$(grep -oE 'cov: [0-9]+' <<<"$last" | awk '{print $2}')
    ft=$(grep -oE 'ft: [0-9]+' <<<"$last" | awk '{print $2}')
    corp=$(grep -oE 'corp: [0-9]+' <<<"$last" | awk '{print $2}')
    printf '%-11s execs %-10s cov %-6s ft %-7s corpus %-6s' "$h" "${execs:-?}" "${cov:-?}" \
        "${ft:-?}" "${corp:-?}"
    # The reproducers this run wrote (fork mode goes on after a finding and exits 0).
    local found
    found=$(find "$build/artifacts/$h" -type f -newer "$build/logs/$h.start" | sort)
    if [[ $status == 0 && -z $found ]]; then
        echo " ok"
        return 0
    fi
    echo " FAILED (exit $status; log $log)"
    local f
    for f in $found; do
        echo "    reproducer: $f"
        # What it shows: the first line of the sanitizer's, libFuzzer's or the harness's report.
        "$build/tests/fuzz/fuzz_$h" -timeout="$timeout" -rss_limit_mb="$rss" "$f" 2>&1 |
            grep -m1 -A1 -E 'ERROR: |runtime error:|property violated|terminate called|timeout after' |
            sed 's/^/      /'
    done
    return 1
}

for h in $harnesses; do
    [[ -x $build/tests/fuzz/fuzz_$h ]] || {
        echo "no $build/tests/fuzz/fuzz_$h: build the fuzz preset first (make fuzz-build)" >&2
        exit 2
    }
done

echo "fuzzing ${harnesses// /, } for ${seconds}s each, $jobs at a time (logs in $build/logs/)"
running=0
for h in $harnesses; do
    if ((running >= jobs)); then
        wait -n
        ((running--))
    fi
    run_one "$h" &
    ((running++))
done
wait

failed=0
for h in $harnesses; do
    summary "$h" || failed=1
done
if ((failed)); then
    echo "a harness found something: reproduce with $build/tests/fuzz/fuzz_<harness> FILE;"
    echo "keep the input as tests/fuzz/regressions/<harness>/<what-it-shows> (README.md)"
fi
exit $failed
