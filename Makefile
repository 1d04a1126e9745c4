# profiler — build, test and check targets. `make help` lists them.
GO       ?= go
BIN      ?= bin/profiler
TOOLS    := .tools
NODE_BIN := $(TOOLS)/node_modules/.bin
FUZZTIME ?= 30s

BENCH_SIZES ?= 10x100,100x100,500x100
BENCH_RUNS  ?= 5
BENCH_OUT   ?=

.PHONY: help build examples docs site render-check test unit hostile lint external scaffold-check formats-check xlsx-check html-check precommit-check cli-docs cli-docs-check tools sysdeps fuzz clean bench bench-go compare cross-check goreleaser release-snapshot release-check

# GoReleaser builds the release archives (.goreleaser.yaml); pinned. Its `go install` takes
# ~13 CPU-minutes from a cold build cache (~7 min on 2 cores), so the binary is kept in the
# user's cache folder, keyed by version, and reused by every clone (CI clones afresh).
GORELEASER_VERSION := v2.15.1
TOOLS_CACHE        ?= $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/profiler-tools
GORELEASER         ?= $(TOOLS_CACHE)/goreleaser-$(GORELEASER_VERSION)/goreleaser

# The linters, pinned and cached the same way; keyed by the Go version too, since a
# staticcheck built by an older Go cannot load packages that need a newer one.
GOIMPORTS_VERSION   := v0.52.0
STATICCHECK_VERSION := v0.8.2
GO_VERSION          := $(shell $(GO) env GOVERSION)
GOIMPORTS           ?= $(TOOLS_CACHE)/goimports-$(GOIMPORTS_VERSION)-$(GO_VERSION)/goimports
STATICCHECK         ?= $(TOOLS_CACHE)/staticcheck-$(STATICCHECK_VERSION)-$(GO_VERSION)/staticcheck

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 16

build: ## build bin/profiler
	$(GO) build -o $(BIN) ./cmd/profiler

examples: ## the main job: validate the bundled examples
	$(GO) run ./cmd/profiler validate examples

docs: build ## re-render the committed example docs (examples/docs)
	$(BIN) render examples --out examples/docs

site: build ## render the examples as the HTML site into bin/site (open bin/site/index.html)
	$(BIN) render examples --format html --out bin/site

render-check: build ## the committed example docs are up to date with the examples
	$(BIN) render examples --out examples/docs --check

test: sysdeps lint cross-check unit hostile render-check external scaffold-check formats-check xlsx-check html-check cli-docs-check release-check ## everything CI runs: lint, Windows/macOS compile, go tests (race), hostile corpus, rendered docs in sync, third-party checks (pages in Chromium, PDF, DOCX, XLSX), the release archive

unit: ## go test -race ./... and one pass of every benchmark (so they keep working)
	$(GO) test -race -count=1 -timeout 30m ./...
	$(GO) test -count=1 -run '^$$' -bench . -benchtime=1x ./internal/workspace > /dev/null

hostile: ## the adversarial corpus with its megabyte cases (too slow under -race)
	$(GO) test -count=1 -run '^TestHostile' ./internal/...

lint: $(GOIMPORTS) $(STATICCHECK) ## gofmt, goimports, go vet and staticcheck (the linters are installed into ~/.cache/profiler-tools on first use)
	@out=$$(gofmt -l cmd internal schemas); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	@out=$$($(GOIMPORTS) -l cmd internal schemas); if [ -n "$$out" ]; then echo "goimports needed (standard library imports in the first group):"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(STATICCHECK) ./...

$(GOIMPORTS):
	GOBIN=$(abspath $(@D)) $(GO) install golang.org/x/tools/cmd/goimports@$(GOIMPORTS_VERSION)

$(STATICCHECK):
	GOBIN=$(abspath $(@D)) $(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)

cross-check: ## vet for Windows and macOS, and compile every package's tests for Windows (they cannot run here)
	GOOS=windows $(GO) vet ./...
	GOOS=darwin $(GO) vet ./...
	rm -rf bin/cross && mkdir -p bin/cross
	GOOS=windows $(GO) test -c -o bin/cross/ ./...
	@echo "cross-check: every package and its tests compile for Windows; vet clean for Windows and macOS"

goreleaser: $(GORELEASER) ## install GoReleaser $(GORELEASER_VERSION) into ~/.cache/profiler-tools (go install; minutes the first time)

$(GORELEASER):
	GOBIN=$(abspath $(@D)) $(GO) install -ldflags='-s -w' github.com/goreleaser/goreleaser/v2@$(GORELEASER_VERSION)

release-snapshot: $(GORELEASER) ## all release archives and checksums.txt into dist/, nothing published (the image too when docker buildx and a daemon are there)
	$(GORELEASER) release --snapshot --clean $(if $(shell docker buildx version >/dev/null 2>&1 && docker info >/dev/null 2>&1 && echo yes),,--skip=docker)
	@ls -l dist/*.tar.gz dist/*.zip dist/checksums.txt

release-check: tools $(GORELEASER) ## goreleaser check, the Dockerfile linted, the Linux amd64 archive built from the same config and its binary run
	bash .ci/release-check.sh $(GORELEASER) $(TOOLS)

tools: $(TOOLS)/.installed ## install the checkers: npm packages into .tools/, xmllint (Debian libxml2-utils) if missing
	@command -v xmllint >/dev/null || { echo "installing xmllint (Debian libxml2-utils)"; \
	  apt-get update -qq && apt-get install -y -qq libxml2-utils >/dev/null; }

$(TOOLS)/.installed: .ci/package.json
	@mkdir -p $(TOOLS)
	cp .ci/package.json $(TOOLS)/package.json
	cd $(TOOLS) && PUPPETEER_SKIP_DOWNLOAD=1 npm install --no-audit --no-fund --no-package-lock --loglevel=error
	@touch $@

external: tools build ## third-party checks: ajv (schemas, examples), markdownlint-cli2 (rendered Markdown, README and .docs)
	cd schemas && for s in life-situation profile; do \
	  ../$(NODE_BIN)/ajv compile --spec=draft2020 --strict=true --allow-union-types -c ajv-formats -s $$s.schema.json -r defs.schema.json || exit 1; \
	done
	$(NODE_BIN)/ajv validate --spec=draft2020 --strict=true --allow-union-types -c ajv-formats -s schemas/life-situation.schema.json -r schemas/defs.schema.json -d 'examples/*/life-situation.yaml'
	$(NODE_BIN)/ajv validate --spec=draft2020 --strict=true --allow-union-types -c ajv-formats -s schemas/profile.schema.json -r schemas/defs.schema.json -d 'examples/*/profiles/*.yaml'
	$(NODE_BIN)/markdownlint-cli2 'examples/docs/**/*.md' 'internal/render/testdata/golden/**/*.md' 'internal/segments/testdata/golden/*.md' README.md '.docs/*.md' .github/CONTRIBUTING.md
	rm -rf $(TOOLS)/hostile && $(GO) test ./internal/render -run '^TestHostile$$' -count=1 -args -hostile-out=$(CURDIR)/$(TOOLS)/hostile
	$(NODE_BIN)/markdownlint-cli2 '$(TOOLS)/hostile/**/*.md'

# Debian packages the browser checks, render --format pdf (and its tests) and the DOCX route
# need: Chromium with a Cyrillic font, poppler (pdfinfo, pdftotext), pandoc, unzip. The
# puppeteer-core in .tools drives this Chromium; it never downloads one.
sysdeps: ## install the Debian packages for the browser, PDF and DOCX checks when missing (apt-get)
	@missing=""; \
	{ command -v chromium || command -v chromium-browser || command -v google-chrome; } >/dev/null || missing="$$missing chromium"; \
	[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing="$$missing fonts-dejavu-core"; \
	command -v pdfinfo >/dev/null || missing="$$missing poppler-utils"; \
	command -v pandoc >/dev/null || missing="$$missing pandoc"; \
	command -v unzip >/dev/null || missing="$$missing unzip"; \
	if [ -n "$$missing" ]; then echo "installing (Debian):$$missing"; \
	  apt-get update -qq && apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=600 $$missing >/dev/null || \
	  { echo "make sysdeps: could not install$$missing: apt-get install -y$$missing"; exit 1; }; fi

html-check: tools sysdeps build ## third-party checks of the HTML site, PDF decks and DOCX: html-validate, axe-core and puppeteer-core in Chromium, pdfinfo, pandoc
	$(GO) test -count=1 -run '^TestRenderPDF$$' ./internal/cli
	BIN=$(BIN) NODE_BIN=$(NODE_BIN) bash .ci/html-check.sh

scaffold-check: tools build ## third-party checks of init/new profile output: yaml-language-server resolves the modelines offline; ajv validates
	.ci/scaffold-check.sh $(BIN) $(TOOLS)

formats-check: tools build ## third-party checks of the report formats and the editor: SARIF (ajv), JUnit (xmllint), yaml-language-server over LSP
	BIN=$(BIN) bash .ci/formats-check.sh

xlsx-check: build ## a second XLSX reader: Debian's openpyxl reads `export examples` (sheets, header, types, drop-down lists)
	@/usr/bin/python3 -c 'import openpyxl, yaml' 2>/dev/null || { echo "installing python3-openpyxl (Debian)"; \
	  apt-get update -qq && apt-get install -y -qq python3-openpyxl python3-yaml >/dev/null; }
	@mkdir -p bin/xlsx-check
	$(BIN) export examples --output bin/xlsx-check/examples.xlsx --quiet
	/usr/bin/python3 .ci/xlsx-check.py bin/xlsx-check/examples.xlsx examples

precommit-check: ## try .pre-commit-hooks.yaml with real pre-commit (Debian pre-commit; not part of test: ~1 min)
	bash .ci/precommit-check.sh

cli-docs: ## regenerate the CLI reference (Markdown and man pages, ru and en) in .docs/cli
	rm -rf .docs/cli
	$(GO) run ./cmd/profiler-docs .docs/cli

cli-docs-check: ## fail when .docs/cli is not what `make cli-docs` would generate
	rm -rf bin/docs-check
	$(GO) run ./cmd/profiler-docs bin/docs-check
	@diff -r .docs/cli bin/docs-check || { echo "the CLI reference in .docs/cli is stale: run make cli-docs and commit"; exit 1; }

fuzz: ## run every fuzz target for FUZZTIME each (default 30s; e.g. make fuzz FUZZTIME=10m)
	@for pkg in $$($(GO) list ./...); do \
	  for t in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "== $$pkg $$t"; $(GO) test -run='^$$' -fuzz="^$$t$$" -fuzztime=$(FUZZTIME) -fuzzminimizetime=10s -timeout=0 $$pkg || exit 1; \
	  done; \
	done

bench: build ## performance table (.docs/performance.md) on corpora in bin/bench: BENCH_SIZES=LSxPROFILES,... BENCH_OUT=folder for render
	@mkdir -p bin/bench
	@PROFILER_BENCH_DIR=$(CURDIR)/bin/bench PROFILER_BENCH_SIZES=$(BENCH_SIZES) PROFILER_BENCH_RUNS=$(BENCH_RUNS) \
	  PROFILER_BENCH_BIN=$(CURDIR)/$(BIN) PROFILER_BENCH_TABLE=$(CURDIR)/bin/bench/table.md PROFILER_BENCH_OUT=$(BENCH_OUT) \
	  $(GO) test -count=1 -timeout 60m -run '^TestBenchTable$$' -v ./internal/workspace | grep -v '^=== RUN\|^--- \|^PASS\|^ok '

bench-go: ## the Go benchmarks (parse-only, validate, validate --cache) with CPU time per file
	@mkdir -p bin/bench
	PROFILER_BENCH_DIR=$(CURDIR)/bin/bench PROFILER_BENCH_SIZES=$(BENCH_SIZES) \
	  $(GO) test -count=1 -timeout 60m -run '^$$' -bench . -benchtime=$(BENCH_RUNS)x ./internal/workspace

compare: ## profiler vs jv vs ajv-cli on one generated corpus (peers installed in a temp folder)
	GO=$(GO) .ci/compare.sh

clean: ## remove build output and installed tools
	rm -rf bin $(TOOLS)
