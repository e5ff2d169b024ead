#!/usr/bin/env bash
# Part of make bench (bench/run.sh): `reviewsite figures` reading the tables
# from a workbook (docs/dataset.md, "The workbook") against the same rows as
# CSV files, at 100,000 patients. The workbook is `reviewsite workbook` of the
# scaled CSV dataset. Writes $OUT/figures-workbook-N.json, workbook-N.tsv
# (its size) and appends its peak memory to $OUT/memory.tsv.
set -euo pipefail
bin=${BIN:-.build/release/reviewsite}
out=${OUT:-bench/out}
peak() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident/ {print $2}'; }

for n in ${WORKBOOK_SIZES:-100000}; do
  csv="$out/data-$n"
  [ -f "$csv/patients.csv" ] || python3 bench/scale_dataset.py data "$csv" "$n"
  book="$out/workbook-$n"
  if [ ! -f "$book/extraction.xlsx" ]; then
    rm -rf "$book"; mkdir -p "$book"
    cp "$csv"/*.yaml "$book"/
    "$bin" workbook --data "$csv" --out "$book/extraction.xlsx" >/dev/null
  fi
  printf '%s\t%s\n' "$n" "$(stat -c %s "$book/extraction.xlsx")" > "$out/workbook-$n.tsv"
  hyperfine --style none --warmup 1 --runs 5 --export-json "$out/figures-workbook-$n.json" \
    "$bin figures --data $book > /dev/null" >/dev/null
  printf 'workbook-%s\tfigures\t%s\n' "$n" "$(peak "$bin" figures --data "$book")" >> "$out/memory.tsv"
  # The CSV side, when run.sh has not measured it at this size.
  if [ ! -f "$out/figures-$n.json" ]; then
    hyperfine --style none --warmup 1 --runs 5 --export-json "$out/figures-$n.json" "$bin figures --data $csv > /dev/null" >/dev/null
    printf '%s\tfigures\t%s\n' "$n" "$(peak "$bin" figures --data "$csv")" >> "$out/memory.tsv"
  fi
done
