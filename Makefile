# reviewsite: `make site` publishes, `make test` checks, `make install` puts
# the program on PATH. They install the system libraries (Debian's
# libcmark-dev and libsqlite3-dev) when missing.

SHELL := /bin/bash
SWIFT ?= swift
DATA ?= data
TEMPLATES ?= templates
BIN := .build/debug/reviewsite

.PHONY: all site test test-review test-swift test-install check build release release-reviewsite stage install uninstall deps browser-deps supplement supplement-deps clean diff bench bench-default fuzz example

# Quiet by default: swift's output (every compile step, every test's line)
# goes to a log under .build/logs and make prints a few lines; V=1 prints it
# all. A failure shows its error lines and the log's path.
V ?= 0
LOGS := .build/logs
logged = $(if $(filter 1,$(V)),,  (its output: $(LOGS)/$(1).log; V=1 shows it))

# ZIPFoundation's manifest warning ("found 1 file(s) which are unhandled"),
# printed by every swift command and not ours to fix: see Package.swift.
HIDE_ZIP_WARNING := sed -e '/.zipfoundation.: found [0-9]* file(s) which are unhandled/d' -e '\|ZIPFoundation/Resources/PrivacyInfo.xcprivacy$$|d'

# $(call run,NAME,COMMAND): COMMAND with its output in $(LOGS)/NAME.log (and
# on screen with V=1); its exit status is COMMAND's.
run = mkdir -p $(LOGS); if [ "$(V)" = 1 ]; then set -o pipefail; $(2) 2>&1 | tee $(LOGS)/$(1).log | $(HIDE_ZIP_WARNING); else $(2) >$(LOGS)/$(1).log 2>&1; fi

# $(call failed,NAME): after a failed run, its error lines (the compiler's
# errors, the failing tests' issues, each with the lines that go with it) and
# where the rest is; exits 1.
ERROR_LINES := awk '/(^|: )(error|fatal error|Fatal error):|Program crashed|✘|[Ee]xited with/ && !/Test run with/ \
    { more = 1; i = index($$0, "error: Process"); print (i > 1 ? substr($$0, i) : $$0); next } \
  / at \/.*\/(Sources|Tests)\/[^ ]+\.swift:[0-9]+:[0-9]+$$/ { print; next } \
  more && /^(↳|[[:space:]]|[0-9]+ \|)/ { print; next } { more = 0 }'
failed = { [ "$(V)" = 1 ] || $(ERROR_LINES) $(LOGS)/$(1).log | head -150 >&2; echo "failed: all its output is in $(LOGS)/$(1).log" >&2; exit 1; }

# $(call own_warnings,NAME): the compiler's warnings about our own files
# (a clean build has none), shown even when quiet.
own_warnings = [ "$(V)" = 1 ] || { grep -F -e '$(CURDIR)/Sources/' -e '$(CURDIR)/Tests/' $(LOGS)/$(1).log | grep -F ': warning:' | sort -u; true; }

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
	@python3 -c 'import axe_core_python' 2>/dev/null || { echo "installing Python's axe-core-python for the browser test's accessibility audit"; python3 -m pip install -q axe-core-python; }

# `reviewsite publish` runs headless Chromium to print the supplement to
# PDF, pandoc to write the DOCX and rsvg-convert to turn the SVG diagrams
# into its images; poppler's pdfinfo numbers the contents and pdftotext
# lets the check read the PDF; the check lays the Word file out with
# LibreOffice's headless Writer (Debian's chromium, pandoc, librsvg2-bin,
# poppler-utils, libreoffice-writer-nogui), and reads site.yaml with Python's yaml.
SUPPLEMENT_PACKAGES := chromium pandoc librsvg2-bin poppler-utils libreoffice-writer-nogui
supplement-deps:
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v pandoc >/dev/null 2>&1 || ! command -v soffice >/dev/null 2>&1 \
	    || ! command -v rsvg-convert >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "the supplement needs Chromium, pandoc, rsvg-convert, poppler and LibreOffice: installing Debian's $(SUPPLEMENT_PACKAGES)"; \
	    apt-get install -y -q $(SUPPLEMENT_PACKAGES) >/dev/null 2>&1 \
	      || { apt-get update -q >/dev/null && apt-get install -y -q $(SUPPLEMENT_PACKAGES) >/dev/null; }; \
	  else \
	    echo "the supplement needs them: run 'sudo apt-get install $(SUPPLEMENT_PACKAGES)', then make again" >&2; \
	    exit 1; \
	  fi; \
	fi
	@python3 -c 'import yaml' 2>/dev/null || { echo "installing Python's PyYAML for the supplement check"; python3 -m pip install -q pyyaml; }

build: deps
	@echo "swift build --product reviewsite$(call logged,build)"
	@$(call run,build,$(SWIFT) build --product reviewsite) || $(call failed,build)
	@$(call own_warnings,build)

# An optimised binary with Swift's runtime and Foundation linked in: it
# starts in a third of the time and runs on a Debian machine without Swift
# (besides libc, libstdc++ and zlib it needs Debian's libcmark0.30.2 and
# libsqlite3-0). make bench times this one; make install installs it, with
# the manual page and completions make stage writes.
RELEASE := $(SWIFT) build -c release --static-swift-stdlib
release: stage
	@$(call run,release-bench,$(RELEASE) --product reviewsite-bench) || $(call failed,release-bench)

release-reviewsite: deps
	@echo "$(RELEASE) --product reviewsite$(call logged,release)"
	@$(call run,release,$(RELEASE) --product reviewsite) || $(call failed,release)
	@$(call own_warnings,release)

# With data/versions.yaml (reviewsite release), the build compares the
# working data with the last release on changes.html; no option needed.
site: build
	$(BIN) check --data $(DATA)
	$(BIN) build --data $(DATA) --templates $(TEMPLATES) --out site

# site/supplement.pdf (supplement.html printed) and site/manuscript.docx (the
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

# The tool's tests: Swift's tests (on their own fixtures), the example
# review's own test and its committed site against a fresh build, the
# browser and supplement checks of what the tool makes of the default
# review's frozen copy (Tests/ReviewSiteTests/Fixtures/default-review), and
# an install into a scratch folder. None reads data/ or templates/: a clone
# whose review was replaced by a team's still tests the tool. Each step
# prints a line or two when all is well.
FROZEN := Tests/ReviewSiteTests/Fixtures/default-review
test: deps browser-deps supplement-deps test-swift
	@$(call run,build,$(SWIFT) build --product reviewsite) || $(call failed,build)
	@$(call review_test,$(EXAMPLE)/data,$(EXAMPLE)/templates)
	@$(call same_site,$(EXAMPLE)/site,$(EXAMPLE)/data,$(EXAMPLE)/templates,.build/example-check,make example)
	@rm -rf .build/site-check
	@$(BIN) build --data $(FROZEN)/data --templates $(FROZEN)/templates --out .build/site-check >/dev/null
	@python3 Tests/Browser/check_site.py .build/site-check
	@python3 Tests/Browser/check_site.py .build/example-check
	@python3 Tests/Browser/check_serve.py $(BIN) $(FROZEN)/data $(FROZEN)/templates
	@rm -rf .build/init-review .build/init-check
	@$(BIN) init .build/init-review >/dev/null && $(BIN) build --data .build/init-review/data --templates .build/init-review/templates --out .build/init-check >/dev/null
	@python3 Tests/Browser/check_site.py .build/init-check --skeleton
	@$(call publish_check,$(FROZEN)/data,$(FROZEN)/templates,.build/site-check,.build/supplement-check)
	@$(call publish_check,$(EXAMPLE)/data,$(EXAMPLE)/templates,.build/example-check,.build/example-publish)
	@$(call publish_check,.build/init-review/data,.build/init-review/templates,.build/init-check,.build/init-publish)
	@$(MAKE) --no-print-directory test-install

# The review in data/ and templates/: its own test (`reviewsite test`) and
# the committed site/ against what `make site` builds. CI runs it after
# make test, for the default review this repository publishes.
test-review: build
	@$(call review_test,$(DATA),$(TEMPLATES))
	@$(call same_site,site,$(DATA),$(TEMPLATES),.build/review-check,make site)

# $(call review_test,DATA,TEMPLATES): `reviewsite test`, its verdict on
# one line (with DATA's name), all of it when it fails.
review_test = out=$$($(BIN) test --data $(1) --templates $(2)) || { echo "$$out" >&2; exit 1; }; echo "$(1)/: $$(echo "$$out" | tail -1)"

# $(call publish_check,DATA,TEMPLATES,SITE,OUT): `reviewsite publish` of a
# review into OUT, its PDF and Word file checked against SITE (its build).
publish_check = rm -rf $(4) && $(BIN) publish --data $(1) --templates $(2) --out $(4) >/dev/null && \
  echo "$(4): supplement.pdf and manuscript.docx of $(1)/" && python3 Tests/Supplement/check_supplement.py $(3) $(4) $(2)

# $(call same_site,SITE,DATA,TEMPLATES,SCRATCH,COMMAND): SITE must be what a
# build of DATA and TEMPLATES writes (the PDF and DOCX aside).
same_site = rm -rf $(4) && $(BIN) build --data $(2) --templates $(3) --out $(4) >/dev/null && \
  { diff -r -x supplement.pdf -x manuscript.docx $(1) $(4) >/dev/null || { \
    echo "$(1)/ is not what '$(5)' builds from $(2)/ and $(3)/: run '$(5)' and commit $(1)/" >&2; \
    diff -r -x supplement.pdf -x manuscript.docx $(1) $(4) | head -20 >&2; exit 1; }; } && echo "$(1)/ is up to date."

# swift test, quiet: its closing lines (Swift Testing's "Test run with N
# tests", XCTest's "Executed N tests" when it ran any) are always printed.
TEST_SUMMARY := awk '/^[[:space:]]*Executed [0-9]+ tests?,/ { xctest = $$0 } /Test run with [0-9]+ tests?/ { swift = $$0 } \
  END { if (xctest != "" && xctest !~ /Executed 0 tests/) print xctest; if (swift != "") print swift }'
test-swift: deps
	@echo "swift test$(call logged,test)"
	@$(call run,test,$(SWIFT) test); status=$$?; \
	  [ $$status = 0 ] || [ "$(V)" = 1 ] || $(ERROR_LINES) $(LOGS)/test.log | head -150 >&2; \
	  [ "$(V)" = 1 ] || $(TEST_SUMMARY) $(LOGS)/test.log; \
	  [ $$status = 0 ] || { echo "failed: all its output is in $(LOGS)/test.log" >&2; exit 1; }

# make install, then init, check and build with no options in an empty
# folder outside the repository, then make uninstall: Tests/Install/.
test-install:
	@bash Tests/Install/check_install.sh

# make install: the optimised binary as $(PREFIX)/bin/reviewsite, its manual
# page and its bash, zsh and fish completions, each where those shells look
# under PREFIX; DESTDIR is prepended for packagers. It lists what it wrote
# (and the folders it made) in $(PREFIX)/$(MANIFEST), which is all that
# make uninstall removes.
PREFIX ?= /usr/local
DESTDIR ?=
MANIFEST := share/reviewsite/installed-files
STAGE := .build/install
INSTALLED := \
  bin/reviewsite=.build/release/reviewsite \
  share/man/man1/reviewsite.1=$(STAGE)/reviewsite.1 \
  share/bash-completion/completions/reviewsite=$(STAGE)/reviewsite.bash \
  share/zsh/site-functions/_reviewsite=$(STAGE)/_reviewsite \
  share/fish/vendor_completions.d/reviewsite.fish=$(STAGE)/reviewsite.fish

# PREFIX as an absolute path in $$prefix (a ~/ that the shell left, as zsh
# does in `make install PREFIX=~/.local`, is the home folder).
RESOLVE_PREFIX := prefix='$(PREFIX)'; \
  case "$$prefix" in "~") prefix=$$HOME;; "~/"*) prefix="$$HOME/$${prefix\#"~/"}";; /*) ;; \
    *) echo "PREFIX must be an absolute path (as /usr/local or ~/.local), not '$$prefix'" >&2; exit 2;; esac; \
  prefix=$${prefix%/}; root='$(DESTDIR)'"$$prefix"

# make install builds with swift when it is on PATH; sudo resets PATH, so
# `make release && sudo make install` installs what make release staged.
install:
	@$(RESOLVE_PREFIX); for entry in $(INSTALLED) $(MANIFEST)=; do \
	    dir=$$(dirname "$$root/$${entry%%=*}"); while [ ! -e "$$dir" ]; do dir=$$(dirname "$$dir"); done; \
	    [ -d "$$dir" ] || { echo "cannot install into $$root: $$dir is not a folder" >&2; exit 2; }; \
	    [ -w "$$dir" ] || { echo "cannot install into $$root: $$dir is not writable by you; run 'sudo make install', or 'make install PREFIX=~/.local' to install for yourself" >&2; exit 2; }; \
	  done
	@if command -v $(SWIFT) >/dev/null 2>&1; then $(MAKE) --no-print-directory stage; \
	  elif (for entry in $(INSTALLED); do [ -f "$${entry#*=}" ] || exit 1; done); then \
	    echo "$(SWIFT) is not on PATH (sudo resets it): installing what make release staged on $$(date -r $(STAGE)/reviewsite.1 '+%F %R')"; \
	  else echo "$(SWIFT) is not on PATH (sudo resets it) and nothing is staged: run 'make release' first, then 'sudo make install'" >&2; exit 2; fi
	@set -e; $(RESOLVE_PREFIX); list=$$(mktemp -d); \
	  if [ -f "$$root/$(MANIFEST)" ]; then grep '/$$' "$$root/$(MANIFEST)" > $$list/made || true; fi; \
	  for entry in $(INSTALLED) $(MANIFEST)=; do \
	    dir=$$(dirname "$$prefix/$${entry%%=*}"); \
	    while [ "$$dir" != / ] && [ ! -d "$(DESTDIR)$$dir" ]; do echo "$$dir/" >> $$list/made; dir=$$(dirname "$$dir"); done; \
	  done; \
	  for entry in $(INSTALLED); do \
	    dest=$${entry%%=*}; mode=644; [ "$${dest%%/*}" = bin ] && mode=755; \
	    install -D -m $$mode "$${entry#*=}" "$$root/$$dest"; echo "$$prefix/$$dest"; \
	  done > $$list/files; \
	  { cat $$list/files; echo "$$prefix/$(MANIFEST)"; touch $$list/made; sort -ru $$list/made; } > $$list/installed-files; \
	  install -D -m 644 $$list/installed-files "$$root/$(MANIFEST)"; rm -r $$list; \
	  echo "installed $$root/bin/reviewsite, its manual page and bash, zsh and fish completions (listed in $$root/$(MANIFEST))"; \
	  case ":$$PATH:" in *":$$prefix/bin:"*) ;; *) [ -n '$(DESTDIR)' ] || echo "$$prefix/bin is not on PATH: add it, e.g. export PATH=\"$$prefix/bin:\$$PATH\" in ~/.profile";; esac

# The release binary with its manual page and completions in $(STAGE). The
# manual page comes from swift-argument-parser's generate-manual, built on
# its own from the checkout SwiftPM made (about 20 s): its package plugin
# would first rebuild every product in release without --static-swift-stdlib,
# which then makes the install build start over (minutes each). Blank lines
# become .Pp, which man reads without a warning.
MANUAL_TOOL := .build/manual-tool/debug/generate-manual
stage: release-reviewsite
	@$(call run,manual-tool,$(SWIFT) build --package-path .build/checkouts/swift-argument-parser --scratch-path .build/manual-tool --product generate-manual) || $(call failed,manual-tool)
	@rm -rf $(STAGE) && mkdir -p $(STAGE)
	@$(MANUAL_TOOL) .build/release/reviewsite --output-directory $(STAGE) --date "$$(git log -1 --format=%cs 2>/dev/null || date +%F)"
	@sed -i 's/^$$/.Pp/' $(STAGE)/reviewsite.1
	@.build/release/reviewsite --generate-completion-script bash > $(STAGE)/reviewsite.bash
	@.build/release/reviewsite --generate-completion-script zsh > $(STAGE)/_reviewsite
	@.build/release/reviewsite --generate-completion-script fish > $(STAGE)/reviewsite.fish

# Removes the files $(PREFIX)/$(MANIFEST) lists (only those under PREFIX),
# the list, then each folder install made that is now empty.
uninstall:
	@set -e; $(RESOLVE_PREFIX); manifest="$$root/$(MANIFEST)"; \
	  [ -f "$$manifest" ] || { echo "nothing to uninstall: $$manifest does not exist (make install writes it)" >&2; exit 1; }; \
	  folders=0; while IFS= read -r path; do \
	    case "$$path" in \
	      */) if rmdir "$(DESTDIR)$$path" 2>/dev/null; then folders=$$((folders + 1)); fi;; \
	      "$$prefix"/*) if [ -e "$(DESTDIR)$$path" ] || [ -L "$(DESTDIR)$$path" ]; then rm -f "$(DESTDIR)$$path"; echo "removed $(DESTDIR)$$path"; \
	                    else echo "already gone: $(DESTDIR)$$path"; fi;; \
	      *) echo "left alone: $$path is listed in $$manifest but is not under $$prefix" >&2;; \
	    esac; \
	  done < "$$manifest"; \
	  [ $$folders = 0 ] || echo "removed $$folders empty folder$$([ $$folders = 1 ] || echo s) that make install had made in $$root"

# What the working data change against BASE (a git revision or a folder),
# every text page of TEMPLATES filled from both. Changes are not a failure:
# only an error (exit 2) stops make.
diff: build
	@$(BIN) diff $(BASE) --data $(DATA) --templates $(TEMPLATES); status=$$?; \
	  if [ $$status -eq 1 ]; then echo "changes found"; elif [ $$status -ne 0 ]; then exit $$status; fi

# Speed and memory at 1k to 1M patients and against R Markdown: BENCHMARKS.md.
bench: deps
	bash bench/run.sh
	@# reviewsite serve: saved edit to reload event (bench/serve_latency.py), default data and 100k.
	python3 bench/serve_latency.py .build/release/reviewsite data templates 5 default | tee bench/out/serve-latency.tsv
	if [ -d bench/out/data-100000 ]; then python3 bench/serve_latency.py .build/release/reviewsite bench/out/data-100000 templates 5 100000 | tee -a bench/out/serve-latency.tsv; fi

# The default size alone, alternately with the R Markdown peer, with instruction counts (bench/default_speed.sh).
bench-default: release-reviewsite
	bash bench/default_speed.sh

# Every libFuzzer target for FUZZ_SECONDS each (default 300); see fuzz/README.md.
FUZZ_SECONDS ?= 300
fuzz: deps
	bash fuzz/run.sh $(FUZZ_SECONDS)

clean:
	rm -rf .build
