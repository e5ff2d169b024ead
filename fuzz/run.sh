#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ and runs each for SECONDS seconds.
#
#   bash fuzz/run.sh SECONDS [TARGET...]     (from the repository, e.g. via `make fuzz`)
#
# TARGET is any of FuzzCSV FuzzYAML FuzzTemplate FuzzMarkdown FuzzWorkbook (default: all,
# one after the other). Each runs on a temporary copy of its seed corpus
# fuzz/corpus/<kind>/, so the committed corpus stays small. Prints one line
# per target, `TARGET: N runs, K crashes, X exec/s`, and exits non-zero if any
# target crashed, leaked or did not run. Crashing inputs are written to
# fuzz/artifacts/TARGET-crash-<sha1> (see fuzz/README.md to minimise one).
#
# Environment:
#   FUZZ_KEEP_GOING=1  run in libFuzzer's fork mode with -ignore_crashes=1: a
#                      crash does not stop the target, every crashing input is
#                      kept and counted (numbers from the fork status line).
#   FUZZ_JOBS=N        with FUZZ_KEEP_GOING=1, N fuzzing processes per target.
#   FUZZ_CONFIG=release  build with -O: about twice the exec/s of the default
#                      debug build, with fewer assertions and poorer stacks.
#   FUZZ_KEEP_CORPUS=DIR  keep each grown corpus in DIR/<kind>/ instead of deleting it.
set -euo pipefail

usage() { echo "usage: bash fuzz/run.sh SECONDS [FuzzCSV|FuzzYAML|FuzzTemplate|FuzzMarkdown|FuzzWorkbook ...]" >&2; exit 2; }
[ $# -ge 1 ] || usage
SECONDS_PER_TARGET=$1
shift
[[ "$SECONDS_PER_TARGET" =~ ^[1-9][0-9]*$ ]] || usage

FUZZ_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$FUZZ_DIR/.." && pwd)
cd "$ROOT"

ALL_TARGETS=(FuzzCSV FuzzYAML FuzzTemplate FuzzMarkdown FuzzWorkbook)
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=("${ALL_TARGETS[@]}")
corpus_kind() {
  case "$1" in
    FuzzCSV) echo csv ;;
    FuzzYAML) echo yaml ;;
    FuzzTemplate) echo template ;;
    FuzzMarkdown) echo markdown ;;
    FuzzWorkbook) echo workbook ;;
    *) echo "fuzz/run.sh: unknown target '$1' (expected one of ${ALL_TARGETS[*]})" >&2; exit 2 ;;
  esac
}
for target in "${TARGETS[@]}"; do corpus_kind "$target" >/dev/null; done

SWIFT=${SWIFT:-swift}
command -v "$SWIFT" >/dev/null || { echo "fuzz/run.sh: '$SWIFT' not found (the Swift toolchain)" >&2; exit 1; }

# The system libraries, as the Makefile's deps target installs them.
make -s -C "$ROOT" deps

# libFuzzer's runtime comes with the swift.org toolchain's clang (the
# -sanitize=fuzzer driver looks for it there, not in Debian's libclang-rt).
SWIFTC=$(command -v swiftc || true)
[ -n "$SWIFTC" ] || SWIFTC="$(dirname "$(command -v "$SWIFT")")/swiftc"
TOOLCHAIN_USR=$(cd "$(dirname "$(readlink -f "$SWIFTC")")/.." && pwd)
if ! ls "$TOOLCHAIN_USR"/lib/clang/*/lib/linux/libclang_rt.fuzzer-*.a >/dev/null 2>&1; then
  echo "fuzz/run.sh: the Swift toolchain at $TOOLCHAIN_USR has no libFuzzer runtime (libclang_rt.fuzzer-*.a);" >&2
  echo "install the swift.org toolchain for Linux, which ships it" >&2
  exit 1
fi

# Same dependency versions as the main package (and no network needed when
# SwiftPM's cache has them): fuzz/Package.resolved is a copy, not committed.
if [ ! -f "$FUZZ_DIR/Package.resolved" ] && [ -f "$ROOT/Package.resolved" ]; then
  cp "$ROOT/Package.resolved" "$FUZZ_DIR/Package.resolved"
fi

CONFIG=${FUZZ_CONFIG:-debug}
case "$CONFIG" in debug|release) ;; *) echo "fuzz/run.sh: FUZZ_CONFIG must be debug or release" >&2; exit 2 ;; esac
# -parse-as-library: the targets have no main; libFuzzer's main calls
# LLVMFuzzerTestOneInput. -Xcc instruments the C of Yams (libyaml) too.
# -enable-testing (implied by debug) lets FuzzMarkdown @testable import ReviewSite.
BUILD_FLAGS=(-c "$CONFIG" -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -enable-testing
             -Xcc -fsanitize=fuzzer-no-link,address --package-path "$FUZZ_DIR" --scratch-path "$FUZZ_DIR/.build")
echo "Building the fuzz targets ($CONFIG, -sanitize=fuzzer,address)..."
mkdir -p "$FUZZ_DIR/.build"
BUILD_LOG="$FUZZ_DIR/.build/build-$CONFIG.log"
if ! "$SWIFT" build "${BUILD_FLAGS[@]}" >"$BUILD_LOG" 2>&1; then
  grep -E "error:" "$BUILD_LOG" | head -20 >&2 || true
  echo "fuzz/run.sh: the build failed; the whole log is $BUILD_LOG" >&2
  exit 1
fi
BIN=$("$SWIFT" build "${BUILD_FLAGS[@]}" --show-bin-path)

ARTIFACTS="$FUZZ_DIR/artifacts"
mkdir -p "$ARTIFACTS"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/reviewsite-fuzz.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
# The targets' dataset copies (left behind by a crash) and libFuzzer's fork
# folders go under $WORK too, and so away at the end.
mkdir -p "$WORK/tmp"
export TMPDIR="$WORK/tmp"

# The Swift runtime's backtracer fights ASan over a crash: leave reports to
# libFuzzer. Leaks are checked once at exit (per input would be 5x slower),
# less a known leak of swift-foundation (fuzz/lsan.supp).
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS=${ASAN_OPTIONS:-malloc_context_size=10:detect_leaks=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$FUZZ_DIR/lsan.supp:print_suppressions=0}
export REVIEWSITE_ROOT="$ROOT"

failed=0
summary=()
for target in "${TARGETS[@]}"; do
  kind=$(corpus_kind "$target")
  corpus="$WORK/$kind"
  cp -R "$FUZZ_DIR/corpus/$kind" "$corpus"
  log="$ARTIFACTS/$target.log"
  before=$(ls "$ARTIFACTS" | grep -c "^$target-" || true)
  # A workbook seed is a ZIP of a few KB, whose end (the directory) must survive.
  max_len=4096
  [ "$target" = FuzzWorkbook ] && max_len=65536
  flags=(-max_total_time="$SECONDS_PER_TARGET" -max_len="$max_len" -timeout=10 -print_final_stats=1 -detect_leaks=0
         -artifact_prefix="$ARTIFACTS/$target-")
  if [ "${FUZZ_KEEP_GOING:-0}" = 1 ]; then
    flags+=(-fork="${FUZZ_JOBS:-1}" -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
  fi
  echo "Running $target for ${SECONDS_PER_TARGET}s (log: fuzz/artifacts/$target.log)..."
  set +e
  "$BIN/$target" "${flags[@]}" "$corpus" >"$log" 2>&1
  status=$?
  set -e
  after=$(ls "$ARTIFACTS" | grep -c "^$target-" || true)
  new_artifacts=$((after - before))

  if [ "${FUZZ_KEEP_GOING:-0}" = 1 ]; then
    # Fork mode: the parent's last status line, e.g.
    # "#137969: cov: 5928 ft: 7602 corp: 111 exec/s: 10198 oom/timeout/crash: 0/0/2 time: 15s ..."
    last=$(grep -E '^#[0-9]+: cov:' "$log" | tail -1 || true)
    runs=$(sed -E 's/^#([0-9]+):.*/\1/' <<<"$last")
    rate=$(sed -E 's/.*exec\/s: ([0-9]+).*/\1/' <<<"$last")
    problems=$(sed -E 's/.*oom\/timeout\/crash: ([0-9]+)\/([0-9]+)\/([0-9]+).*/\1 \2 \3/' <<<"$last")
    read -r ooms timeouts crashes <<<"${problems:-0 0 0}"
    crashes=$((crashes + ooms + timeouts))
  else
    runs=$(grep -E '^stat::number_of_executed_units:' "$log" | tail -1 | awk '{print $2}')
    rate=$(grep -E '^stat::average_exec_per_sec:' "$log" | tail -1 | awk '{print $2}')
    crashes=0
    if [ "$status" != 0 ] && grep -qE 'ERROR: libFuzzer|ERROR: AddressSanitizer|Fatal error' "$log"; then
      crashes=1
    fi
  fi
  runs=${runs:-0}
  rate=${rate:-0}
  line="$target: $runs runs, $crashes crashes, $rate exec/s"
  leaked=0
  grep -q 'ERROR: LeakSanitizer' "$log" && leaked=1
  if [ "$leaked" = 1 ]; then line="$line, memory leaked (see the log)"; fi
  if [ "$crashes" != 0 ] || [ "$leaked" = 1 ] || [ "$runs" = 0 ] \
     || { [ "$status" != 0 ] && [ "${FUZZ_KEEP_GOING:-0}" != 1 ]; }; then
    failed=1
    [ "$runs" = 0 ] && [ "$crashes" = 0 ] && line="$line, did not run (exit $status; see the log)"
    if [ "$new_artifacts" -gt 0 ]; then
      line="$line; inputs: $(ls -t "$ARTIFACTS" | grep "^$target-" | head -"$new_artifacts" | sed 's|^|fuzz/artifacts/|' | tr '\n' ' ')"
    fi
  fi
  if [ -n "${FUZZ_KEEP_CORPUS:-}" ]; then
    mkdir -p "$FUZZ_KEEP_CORPUS"
    rm -rf "${FUZZ_KEEP_CORPUS:?}/$kind"
    cp -R "$corpus" "$FUZZ_KEEP_CORPUS/$kind"
  fi
  rm -rf "$corpus"
  echo "$line"
  summary+=("$line")
done

echo
echo "Fuzzing summary (${SECONDS_PER_TARGET}s per target):"
printf '%s\n' "${summary[@]}"
exit "$failed"
