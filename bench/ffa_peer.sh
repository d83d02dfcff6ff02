#!/usr/bin/env bash
# Peer comparison: the same 32-skater format simulated by heatgraph and by the npm package `ffa`
# (3.2.2, installed into a temporary folder, never into the repository): races of 4, top 2
# advance, 8 -> 4 -> 2 -> 1 races, abilities -0.25·(i-1), normal noise 1 (Thurstone).
# Prints both throughputs on one thread, their ratio, heatgraph on two threads, and both
# P(strongest wins); each throughput is the median of ROUNDS runs, taken in turn so that a slow
# spell of the machine hits both. Also the floor (bench/floor_bench.cpp): a single-purpose loop
# of the same event, the fastest any implementation can expect to be here.
#
#   bench/ffa_peer.sh [FFA_RUNS] [HEATGRAPH_RUNS] [ROUNDS]     (make bench-peer)
set -euo pipefail
ffa_runs=${1:-20000}
heatgraph_runs=${2:-1000000}
rounds=${3:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
bin=$root/build/release/engine/cli/heatgraph
bench=$root/build/release/bench/heatgraph_bench
[[ -x $bin && -x $bench ]] || make -C "$root" build PRESET=release >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm init -y >/dev/null 2>&1
npm install --no-audit --no-fund --silent ffa@3.2.2 >/dev/null 2>&1

cat > field.js <<'JS'
const n = 32;
console.log(JSON.stringify({model: 'thurstone', noise: 1,
  skaters: Array.from({length: n}, (_, i) => ({name: `Seed ${i + 1}`, strength: -0.25 * i}))}));
JS
node field.js > field.json

cat > ffa.js <<'JS'
// One event: the ffa tournament of 32 in matches of 4, top 2 advancing; each match scored by
// ability + N(0, 1) (higher is better), as heatgraph's Thurstone races.
const FFA = require('ffa');
let spare = null;
function normal() {  // Marsaglia's polar method
  if (spare !== null) { const s = spare; spare = null; return s; }
  let u, v, s;
  do { u = 2 * Math.random() - 1; v = 2 * Math.random() - 1; s = u * u + v * v; } while (s >= 1 || s === 0);
  const f = Math.sqrt(-2 * Math.log(s) / s);
  spare = v * f;
  return u * f;
}
const n = 32, runs = +process.argv[2];
const ability = Array.from({length: n}, (_, i) => -0.25 * i);
function event() {
  const ffa = new FFA(n, {sizes: [4, 4, 4, 4], advancers: [2, 2, 2]});
  for (let round = 1; round <= 4; round++)
    for (const m of ffa.findMatches({r: round}))
      ffa.score(m.id, m.p.map(p => ability[p - 1] + normal()));
  return ffa.results()[0].seed === 1;
}
for (let i = 0; i < 2000; i++) event();  // warm the JIT
let wins = 0;
const t0 = process.hrtime.bigint();
for (let i = 0; i < runs; i++) wins += event();
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(JSON.stringify({events_per_second: runs / seconds, p_strongest_wins: wins / runs,
                            se: Math.sqrt((wins / runs) * (1 - wins / runs) / runs)}));
JS
simulate() {
  "$bin" simulate --format "$root/scenarios/formats/ffa-32.toml" --field field.json \
      --seeding listed --runs "$heatgraph_runs" --threads "$1" --json
}
for ((r = 0; r < rounds; ++r)); do
  node ffa.js "$ffa_runs" > "ffa.$r.json"
  simulate 1 > "one.$r.json"
  simulate 2 > "two.$r.json"
  "$bench" --benchmark_filter=ffa_32_floor --benchmark_format=json > "floor.$r.json"
done

python3 - "$rounds" "$ffa_runs" "$heatgraph_runs" <<'PY'
import json, statistics, sys
rounds, ffa_runs, hg_runs = int(sys.argv[1]), sys.argv[2], sys.argv[3]
load = lambda name: [json.load(open(f"{name}.{r}.json")) for r in range(rounds)]
ffa, one, two, floor = load("ffa"), load("one"), load("two"), load("floor")
rate = lambda runs: statistics.median(x["events_per_second"] for x in runs)
ffa_rate, one_rate, two_rate = rate(ffa), rate(one), rate(two)
floor_rate = statistics.median(x["benchmarks"][0]["events/s"] for x in floor)
p_ffa = sum(x["p_strongest_wins"] for x in ffa) / rounds  # rounds of equal size
se_ffa = (p_ffa * (1 - p_ffa) / (rounds * int(ffa_runs))) ** 0.5
p_hg = one[0]["metrics"]["p_strongest_wins"]  # every run has the same seed: the same answer
same = all(x["checksum"] == one[0]["checksum"] for x in one + two)
print(f"medians of {rounds} runs, taken in turn")
print(f"ffa 3.2.2 (node, 1 thread):  {ffa_rate:>12,.0f} events/s  "
      f"P(strongest wins) {p_ffa:.4f} ± {se_ffa:.4f}  ({rounds} x {ffa_runs} runs)")
print(f"heatgraph (1 thread):        {one_rate:>12,.0f} events/s  "
      f"P(strongest wins) {p_hg['value']:.4f} ± {p_hg['standard_error']:.4f}  ({hg_runs} runs)")
print(f"heatgraph (2 threads):       {two_rate:>12,.0f} events/s  "
      f"checksum {'identical' if same else 'DIFFERENT'} on 1 and 2 threads")
print(f"floor (bench/floor_bench):   {floor_rate:>12,.0f} events/s  "
      f"(a single-purpose loop of this event: {floor_rate / ffa_rate:.1f}x ffa)")
print(f"speed-up on one thread: {one_rate / ffa_rate:.1f}x ffa ({one_rate / floor_rate:.2f} of the "
      f"floor);  two threads / one: {two_rate / one_rate:.2f}x;  "
      f"|ΔP(strongest wins)| = {abs(p_hg['value'] - p_ffa):.4f}")
PY
