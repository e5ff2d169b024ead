#!/usr/bin/env bash
# Install the R side of the benchmark (Debian 12 packages) when it is missing.
# Idempotent: does nothing when Rscript, pandoc and the R packages rmarkdown,
# knitr and yaml are all present. Needs root (apt-get).
set -euo pipefail

have_all() {
    command -v Rscript >/dev/null 2>&1 || return 1
    command -v pandoc >/dev/null 2>&1 || return 1
    Rscript -e 'for (p in c("rmarkdown", "knitr", "yaml")) if (!requireNamespace(p, quietly = TRUE)) quit(status = 1)' \
        >/dev/null 2>&1 || return 1
}

if have_all; then
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    echo "install-r.sh: R, pandoc or rmarkdown is missing and installing them needs root (apt-get); run as root" >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
# r-cran-yaml is a dependency of r-cran-rmarkdown; named so the intent is explicit.
pkgs=(r-base-core r-cran-rmarkdown r-cran-knitr r-cran-yaml pandoc)
if ! apt-get install -y -q --no-install-recommends "${pkgs[@]}" >/tmp/install-r.$$.log 2>&1; then
    # The package lists may be missing or stale: refresh once and retry.
    apt-get update -q >>/tmp/install-r.$$.log 2>&1 || true
    if ! apt-get install -y -q --no-install-recommends "${pkgs[@]}" >>/tmp/install-r.$$.log 2>&1; then
        echo "install-r.sh: apt-get install ${pkgs[*]} failed; log: /tmp/install-r.$$.log" >&2
        tail -n 20 /tmp/install-r.$$.log >&2
        exit 1
    fi
fi
rm -f /tmp/install-r.$$.log

if ! have_all; then
    echo "install-r.sh: packages installed but Rscript/pandoc/rmarkdown still not usable" >&2
    exit 1
fi
