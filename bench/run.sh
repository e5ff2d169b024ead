#!/usr/bin/env bash
# make bench: time and memory of `reviewsite figures` and `reviewsite build`
# at 1k, 10k, 100k and 1M patients and of `reviewsite diff` at 100k and 1M
# (bench/diff.sh), side by side with the R Markdown peer (bench/peer) on the
# default data and at 100k, written to BENCHMARKS.md.
# Sizes can be narrowed for a quick look: BENCH_SIZES="1000 10000" make bench.
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out
mkdir -p "$out"
sizes=${BENCH_SIZES:-"1000 10000 100000 1000000"}

command -v hyperfine >/dev/null || apt-get install -y -q hyperfine >/dev/null
[ -x /usr/bin/time ] || apt-get install -y -q time >/dev/null
bash bench/peer/install-r.sh

# The binary `make release` builds (Swift's runtime linked in).
make --no-print-directory release >/dev/null
bin=.build/release/reviewsite

# The default size against the peer, alternately, with instruction counts (issue 30).
bash bench/default_speed.sh "$bin"

# One run under /usr/bin/time -v: peak memory in KiB.
peak() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident/ {print $2}'; }

datasets="default:data"
for n in $sizes; do
  [ -f "$out/data-$n/patients.csv" ] || python3 bench/scale_dataset.py data "$out/data-$n" "$n"
  datasets="$datasets $n:$out/data-$n"
done

: > "$out/memory.tsv"
for entry in $datasets; do
  name=${entry%%:*}; dir=${entry#*:}
  runs=10; [ "$name" = 1000000 ] && runs=3; [ "$name" = 100000 ] && runs=5
  hyperfine --style none --warmup 1 --runs "$runs" --export-json "$out/figures-$name.json" \
    "$bin figures --data $dir > /dev/null" >/dev/null
  hyperfine --style none --warmup 1 --runs "$runs" --export-json "$out/build-$name.json" \
    "$bin build --data $dir --out $out/site-$name > /dev/null" >/dev/null
  printf '%s\tfigures\t%s\n' "$name" "$(peak "$bin" figures --data "$dir")" >> "$out/memory.tsv"
  printf '%s\tbuild\t%s\n' "$name" "$(peak "$bin" build --data "$dir" --out "$out/site-$name")" >> "$out/memory.tsv"
done

BIN=$bin BENCH_SIZES=$sizes bash bench/diff.sh

# The tables read from a workbook rather than CSV files, at 100,000 patients.
case " $sizes " in *" 100000 "*) BIN=$bin OUT=$out bash bench/workbook.sh ;; esac

# How fast this machine writes into the page cache: a VM may back memory it
# has not touched yet slowly, which shows at the largest size (1.3 GB written).
for pass in first again; do
  rm -f "$out/dd.tmp"
  dd if=/dev/zero of="$out/dd.tmp" bs=4M count=256 2>&1 | awk -v pass=$pass '/copied/ {print pass "\t" $(NF-1) " " $NF}'
done > "$out/pagecache.tsv"
rm -f "$out/dd.tmp"

# Where the time goes at the largest size: each stage's wall and CPU time in one process.
largest=${sizes##* }
[ -d "$out/data-$largest" ] && .build/release/reviewsite-bench "$out/data-$largest" 3 > "$out/stages-$largest.txt"

for entry in default:data 100000:$out/data-100000; do
  name=${entry%%:*}; dir=${entry#*:}
  [ -d "$dir" ] || continue
  runs=10; [ "$name" = 100000 ] && runs=5
  hyperfine --style none --warmup 1 --runs "$runs" --export-json "$out/rmarkdown-$name.json" \
    "bash bench/peer/render.sh $dir $out/peer-$name" >/dev/null
  printf '%s\trmarkdown\t%s\n' "$name" "$(peak bash bench/peer/render.sh "$dir" "$out/peer-$name")" >> "$out/memory.tsv"
done

# reviewsite build and the R Markdown peer in turn, one run of each, so that
# the shared machine's load falls on both alike (the peer at the default
# size, 100k and 1M); before them one build per size with REVIEWSITE_TIMES
# for the stage breakdown. versus.tsv: size, tool, seconds, peak KiB.
one() { /usr/bin/time -f '%e\t%M' "$@" 2>&1 >/dev/null | tail -1; }
: > "$out/versus.tsv"
for entry in $datasets; do
  name=${entry%%:*}; dir=${entry#*:}
  case $name in default|10000|100000|1000000) ;; *) continue ;; esac
  REVIEWSITE_TIMES=1 "$bin" build --data "$dir" --out "$out/site-$name" 2> "$out/stages-build-$name.txt" >/dev/null
  runs=5; [ "$name" = default ] && runs=10; [ "$name" = 1000000 ] && runs=3
  for run in $(seq "$runs"); do
    printf '%s\treviewsite\t%s\n' "$name" "$(one "$bin" build --data "$dir" --out "$out/site-$name")" >> "$out/versus.tsv"
    [ "$name" = 10000 ] && continue
    printf '%s\trmarkdown\t%s\n' "$name" "$(one bash bench/peer/render.sh "$dir" "$out/peer-$name")" >> "$out/versus.tsv"
  done
done

# The site's bytes by kind at 100k, for report.py (bench/site_bytes.py builds it three times).
rm -f "$out/site-bytes.md"
[ -d "$out/data-100000" ] && python3 bench/site_bytes.py --section "$bin" "$out/data-100000" templates > "$out/site-bytes.md"

# The hand-written sections below the marker (before/after notes) are kept.
marker='<!-- Sections below are written by hand; make bench keeps them. -->'
kept=$(awk -v m="$marker" '$0 == m {f=1} f' BENCHMARKS.md 2>/dev/null || true)
# Written beside it first: a report that fails leaves BENCHMARKS.md as it was.
python3 bench/report.py "$out" > BENCHMARKS.md.new
if [ -n "$kept" ]; then printf '%s\n' "$kept" >> BENCHMARKS.md.new; fi
mv BENCHMARKS.md.new BENCHMARKS.md
cat BENCHMARKS.md
