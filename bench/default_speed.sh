#!/usr/bin/env bash
# The default size's goals (issue 30): `reviewsite build`, `figures` and
# `check` of the repository's own review (data/, templates/, its releases)
# timed alternately with the R Markdown peer in one run, so that a busy
# shared machine slows both alike; then each command's instructions under
# callgrind (wall time on a shared machine can be off 2x; instructions are
# not). Writes bench/out/default-speed.tsv and bench/out/default-speed.md,
# which bench/report.py puts at the top of BENCHMARKS.md.
# usage: default_speed.sh [BIN [RUNS]]   (BIN: .build/release/reviewsite)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-.build/release/reviewsite}
runs=${2:-15}
out=bench/out
mkdir -p "$out"
[ -x "$bin" ] || { echo "default_speed.sh: $bin is not built (make release-reviewsite)" >&2; exit 1; }
bash bench/peer/install-r.sh
command -v valgrind >/dev/null || apt-get install -y -q valgrind >/dev/null

site=$out/default-site
# Milliseconds one command takes, its output thrown away.
ms() { local start end; start=$(date +%s%N); "$@" >/dev/null 2>&1; end=$(date +%s%N); echo $(( (end - start) / 1000 )); }

: > "$out/default-speed.runs"
for _ in $(seq "$runs"); do
  printf 'peer\t%s\n' "$(ms bash bench/peer/render.sh data "$out/peer-default")" >> "$out/default-speed.runs"
  printf 'build\t%s\n' "$(ms "$bin" build --data data --templates templates --out "$site")" >> "$out/default-speed.runs"
  printf 'figures\t%s\n' "$(ms "$bin" figures --data data --templates templates)" >> "$out/default-speed.runs"
  printf 'check\t%s\n' "$(ms "$bin" check --data data --templates templates)" >> "$out/default-speed.runs"
done

# Instructions of one run of each under callgrind: a copy stripped of its
# debug sections (callgrind reads them slowly), the SQL deadline off.
stripped=$out/reviewsite-stripped
cp "$bin" "$stripped" && objcopy --strip-debug "$stripped"
instructions() {
  REVIEWSITE_QUERY_SECONDS=100000 valgrind --tool=callgrind --callgrind-out-file=/dev/null "$stripped" "$@" 2>&1 >/dev/null \
    | awk '/Collected :/ {print $NF}'
}
{
  printf 'build\t%s\n' "$(instructions build --data data --templates templates --out "$site")"
  printf 'figures\t%s\n' "$(instructions figures --data data --templates templates)"
  printf 'check\t%s\n' "$(instructions check --data data --templates templates)"
} > "$out/default-speed.instructions"

python3 - "$out" <<'EOF'
import statistics, sys
out = sys.argv[1]
times = {}
for line in open(f"{out}/default-speed.runs"):
    kind, micros = line.split()
    times.setdefault(kind, []).append(int(micros) / 1000)
counts = dict(line.split() for line in open(f"{out}/default-speed.instructions"))
median = {kind: statistics.median(values) for kind, values in times.items()}
with open(f"{out}/default-speed.tsv", "w") as tsv:
    for kind in ["peer", "build", "figures", "check"]:
        tsv.write(f"{kind}\t{median[kind]:.1f}\t{min(times[kind]):.1f}\t{counts.get(kind, '')}\n")
peer = median["peer"]
rows = [f"| R Markdown peer (bench/peer) | {peer:.0f} ms | {min(times['peer']):.0f} ms | – | – | 1× |"]
goals = {"build": f"≥ 25× the peer (≤ {peer / 25:.0f} ms)", "figures": "≤ 15 ms", "check": "≤ 15 ms"}
for kind in ["build", "figures", "check"]:
    m = median[kind]
    rows.append(f"| reviewsite {kind} | {m:.1f} ms | {min(times[kind]):.1f} ms | {int(counts[kind]) / 1e6:.0f} M | {goals[kind]} | {peer / m:.0f}× |")
with open(f"{out}/default-speed.md", "w") as md:
    md.write(f"Measured by bench/default_speed.sh: {len(times['peer'])} rounds, each running the peer, then build, figures and check;\n")
    md.write("median and fastest wall time; instructions of one run under callgrind (release build, static Swift runtime).\n\n")
    md.write("| command | median | fastest | instructions | goal | peer / this |\n| --- | ---: | ---: | ---: | --- | ---: |\n")
    md.write("\n".join(rows) + "\n")
print(open(f"{out}/default-speed.md").read())
EOF
