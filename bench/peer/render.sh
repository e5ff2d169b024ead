#!/usr/bin/env bash
# Render the R peer's results paragraph: bench/peer/results.Rmd with the
# dataset folder DATA_DIR into OUT_DIR/results.html (knitr + pandoc).
# Knits in a temporary copy, so nothing is written beside results.Rmd.
# usage: render.sh DATA_DIR OUT_DIR
set -euo pipefail

if [ $# -ne 2 ]; then
    echo "usage: $0 DATA_DIR OUT_DIR" >&2
    exit 2
fi
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if [ ! -d "$1" ]; then
    echo "render.sh: data folder '$1' does not exist" >&2
    exit 1
fi
data=$(cd "$1" && pwd)
mkdir -p "$2"
out=$(cd "$2" && pwd)

work=$(mktemp -d "${TMPDIR:-/tmp}/peer-render.XXXXXX")
trap 'rm -rf "$work"' EXIT
cp "$here/results.Rmd" "$work/results.Rmd"

PEER_RMD="$work/results.Rmd" PEER_DATA="$data" PEER_OUT="$out" PEER_WORK="$work" \
Rscript -e '
rmarkdown::render(Sys.getenv("PEER_RMD"),
                  params = list(data = Sys.getenv("PEER_DATA")),
                  output_file = "results.html",
                  output_dir = Sys.getenv("PEER_OUT"),
                  intermediates_dir = Sys.getenv("PEER_WORK"),
                  knit_root_dir = Sys.getenv("PEER_WORK"),
                  envir = new.env(),
                  quiet = TRUE)
'
test -s "$out/results.html"
