#!/usr/bin/env bash
# Peer comparison: the same 32-skater format simulated by heatgraph and by the npm package `ffa`
# (3.2.2, installed into a temporary folder, never into the repository): races of 4, top 2
# advance, 8 -> 4 -> 2 -> 1 races, abilities -0.25·(i-1), normal noise 1 (Thurstone).
# Prints both throughputs on one thread, their ratio, heatgraph on two threads, and both
# P(strongest wins).
#
#   bench/ffa_peer.sh [FFA_RUNS] [HEATGRAPH_RUNS]     (make bench-peer)
set -euo pipefail
ffa_runs=${1:-20000}
heatgraph_runs=${2:-2000000}
root=$(cd "$(dirname "$0")/.." && pwd)
bin=$root/build/release/engine/cli/heatgraph
[[ -x $bin ]] || make -C "$root" build PRESET=release >/dev/null

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
function normal() {  // Marsaglia's polar method, as heatgraph
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
ffa=$(node ffa.js "$ffa_runs")

simulate() {
  "$bin" simulate --format "$root/scenarios/formats/ffa-32.toml" --field field.json \
      --seeding listed --runs "$heatgraph_runs" --threads "$1" --json
}
one=$(simulate 1)
two=$(simulate 2)

python3 - "$ffa" "$one" "$two" "$ffa_runs" "$heatgraph_runs" <<'PY'
import json, sys
ffa, one, two = (json.loads(a) for a in sys.argv[1:4])
ffa_runs, hg_runs = sys.argv[4:6]
p_hg = one["metrics"]["p_strongest_wins"]
print(f"ffa 3.2.2 (node, 1 thread):  {ffa['events_per_second']:>12,.0f} events/s  "
      f"P(strongest wins) {ffa['p_strongest_wins']:.4f} ± {ffa['se']:.4f}  ({ffa_runs} runs)")
print(f"heatgraph (1 thread):        {one['events_per_second']:>12,.0f} events/s  "
      f"P(strongest wins) {p_hg['value']:.4f} ± {p_hg['standard_error']:.4f}  ({hg_runs} runs)")
print(f"heatgraph (2 threads):       {two['events_per_second']:>12,.0f} events/s  "
      f"checksum {'identical' if one['checksum'] == two['checksum'] else 'DIFFERENT'}")
print(f"speed-up on one thread: {one['events_per_second'] / ffa['events_per_second']:.1f}x;  "
      f"two threads / one: {two['events_per_second'] / one['events_per_second']:.2f}x;  "
      f"|ΔP(strongest wins)| = {abs(p_hg['value'] - ffa['p_strongest_wins']):.4f}")
PY
