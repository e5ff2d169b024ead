# reviewsite: `make site` publishes, `make test` checks. Both install the
# system libraries (Debian's libcmark-dev and libsqlite3-dev) when missing.

SWIFT ?= swift
DATA ?= data
TEMPLATES ?= templates
BIN := .build/debug/reviewsite

.PHONY: all site test check build release deps browser-deps supplement supplement-deps clean diff bench fuzz example

BASE ?= HEAD

all: site

# Debian packages of the system libraries (libcmark, SQLite), installed when missing.
DEPS_PACKAGES := pkg-config libcmark-dev libsqlite3-dev
deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists libcmark sqlite3; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "libcmark or SQLite is missing: installing Debian's $(DEPS_PACKAGES)"; \
	    apt-get install -y -q $(DEPS_PACKAGES) >/dev/null 2>&1 \
	      || { apt-get update -q >/dev/null && apt-get install -y -q $(DEPS_PACKAGES) >/dev/null; }; \
	  else \
	    echo "reviewsite needs libcmark and SQLite: run 'sudo apt-get install $(DEPS_PACKAGES)', then make again" >&2; \
	    exit 1; \
	  fi; \
	fi

# Headless Chromium with its driver (Debian's chromium, chromium-driver) and
# Python's selenium, for the browser test of `make test`.
browser-deps:
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "the browser test needs Chromium: installing Debian's chromium and chromium-driver"; \
	    apt-get install -y -q chromium chromium-driver >/dev/null 2>&1 \
	      || { apt-get update -q >/dev/null && apt-get install -y -q chromium chromium-driver >/dev/null; }; \
	  else \
	    echo "the browser test needs Chromium: run 'sudo apt-get install chromium chromium-driver', then make again" >&2; \
	    exit 1; \
	  fi; \
	fi
	@python3 -c 'import selenium' 2>/dev/null || { echo "installing Python's selenium for the browser test"; python3 -m pip install -q selenium; }

# `reviewsite publish` runs headless Chromium to print the supplement to
# PDF, pandoc to write the DOCX and rsvg-convert to turn the SVG diagrams
# into its images; poppler's pdftotext lets the check read the PDF
# (Debian's chromium, pandoc, librsvg2-bin, poppler-utils), and the check
# reads site.yaml with Python's yaml.
SUPPLEMENT_PACKAGES := chromium pandoc librsvg2-bin poppler-utils
supplement-deps:
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v pandoc >/dev/null 2>&1 \
	    || ! command -v rsvg-convert >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "the supplement needs Chromium, pandoc, rsvg-convert and pdftotext: installing Debian's $(SUPPLEMENT_PACKAGES)"; \
	    apt-get install -y -q $(SUPPLEMENT_PACKAGES) >/dev/null 2>&1 \
	      || { apt-get update -q >/dev/null && apt-get install -y -q $(SUPPLEMENT_PACKAGES) >/dev/null; }; \
	  else \
	    echo "the supplement needs them: run 'sudo apt-get install $(SUPPLEMENT_PACKAGES)', then make again" >&2; \
	    exit 1; \
	  fi; \
	fi
	@python3 -c 'import yaml' 2>/dev/null || { echo "installing Python's PyYAML for the supplement check"; python3 -m pip install -q pyyaml; }

build: deps
	$(SWIFT) build --product reviewsite

# An optimised binary with Swift's runtime and Foundation linked in: it
# starts in a third of the time and runs on a Debian machine without Swift
# (besides libc, libstdc++ and zlib it needs Debian's libcmark0.30.2 and
# libsqlite3-0). make bench times this one.
release: deps
	$(SWIFT) build -c release --static-swift-stdlib --product reviewsite
	$(SWIFT) build -c release --static-swift-stdlib --product reviewsite-bench

site: build
	$(BIN) check --data $(DATA)
	$(BIN) build --data $(DATA) --templates $(TEMPLATES) --out site

# site/supplement.pdf (supplement.html printed) and site/report.docx (the
# declared text pages, the PRISMA diagram and the declared tables), written
# by `reviewsite publish` and checked; not committed: `make site` neither
# needs nor keeps them.
supplement: site supplement-deps
	$(BIN) publish --data $(DATA) --templates $(TEMPLATES) --out site
	python3 Tests/Supplement/check_supplement.py site site $(TEMPLATES)

check: build
	$(BIN) check --data $(DATA)

# The example review (examples/traineau-2019, constructed rows), built from
# its own folder into its own site/ (committed, like site/).
EXAMPLE := examples/traineau-2019
example: build browser-deps
	$(BIN) check --data $(EXAMPLE)/data --templates $(EXAMPLE)/templates
	$(BIN) build --data $(EXAMPLE)/data --templates $(EXAMPLE)/templates --out $(EXAMPLE)/site
	python3 Tests/Browser/check_site.py $(EXAMPLE)/site

# The committed site/ must be what `make site` makes from the committed
# data and templates: build it aside and compare.
test: deps browser-deps supplement-deps
	$(SWIFT) test
	$(SWIFT) build --product reviewsite
	rm -rf .build/site-check
	$(BIN) build --data data --templates templates --out .build/site-check >/dev/null
	@diff -r -x supplement.pdf -x report.docx site .build/site-check >/dev/null || { \
	  echo "site/ is not what 'make site' builds from data/ and templates/: run 'make site' and commit site/" >&2; \
	  diff -r -x supplement.pdf -x report.docx site .build/site-check | head -20 >&2; exit 1; }
	@echo "site/ is up to date."
	python3 Tests/Browser/check_site.py .build/site-check
	rm -rf .build/supplement-check
	$(BIN) publish --data data --templates templates --out .build/supplement-check
	python3 Tests/Supplement/check_supplement.py .build/site-check .build/supplement-check templates

# What the working data change against BASE (a git revision or a folder),
# every text page of TEMPLATES filled from both. Changes are not a failure:
# only an error (exit 2) stops make.
diff: build
	@$(BIN) diff $(BASE) --data $(DATA) --templates $(TEMPLATES); status=$$?; \
	  if [ $$status -eq 1 ]; then echo "changes found"; elif [ $$status -ne 0 ]; then exit $$status; fi

# Speed and memory at 1k to 1M patients and against R Markdown: BENCHMARKS.md.
bench: deps
	bash bench/run.sh

# Every libFuzzer target for FUZZ_SECONDS each (default 300); see fuzz/README.md.
FUZZ_SECONDS ?= 300
fuzz: deps
	bash fuzz/run.sh $(FUZZ_SECONDS)

clean:
	rm -rf .build
