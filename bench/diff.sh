#!/usr/bin/env bash
# The diff part of make bench: `reviewsite diff` between a scaled dataset and
# a copy of it with three cells changed, at the sizes of BENCH_SIZES from
# 100k up; time with hyperfine, peak memory with /usr/bin/time -v.
# run.sh calls it; alone (after a release build): bash bench/diff.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out
mkdir -p "$out"
bin=${BIN:-.build/release/reviewsite}
sizes=${BENCH_SIZES:-"1000 10000 100000 1000000"}
command -v hyperfine >/dev/null || apt-get install -y -q hyperfine >/dev/null
[ -x /usr/bin/time ] || apt-get install -y -q time >/dev/null

: > "$out/diff-memory.tsv"
for n in $sizes; do
  [ "$n" -ge 100000 ] || continue
  base=$out/data-$n; changed=$out/data-$n-changed
  [ -f "$base/patients.csv" ] || python3 bench/scale_dataset.py data "$base" "$n"
  if [ ! -f "$changed/patients.csv" ]; then
    rm -rf "$changed"; cp -r "$base" "$changed"
    # Copy 0 keeps the default data's first rows: a typo fixed, an outcome and a treatment changed.
    sed -i -e '2s/limited cutaneous SSc/limited cutaneous systemic sclerosis/' -e '4s/,partial,/,none,/' "$changed/patients.csv"
    sed -i '2s/R4-01,1,il_sts,,250,250,4,/R4-01,1,laser,co2,,,1,/' "$changed/treatments.csv"
  fi
  runs=5; [ "$n" = 1000000 ] && runs=3
  # diff exits 1 when something changed: --ignore-failure.
  hyperfine --style none --warmup 1 --runs "$runs" --ignore-failure --export-json "$out/diff-$n.json" \
    "$bin diff $base $changed > /dev/null" >/dev/null
  kib=$(/usr/bin/time -v "$bin" diff "$base" "$changed" 2>&1 >/dev/null | awk -F': ' '/Maximum resident/ {print $2}' || true)
  printf '%s\tdiff\t%s\n' "$n" "$kib" >> "$out/diff-memory.tsv"
done
