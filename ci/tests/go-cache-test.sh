#!/usr/bin/env bash
# Tests ci/go-cache.sh with the real go: after `mark` and a run that builds one package, `prune` keeps
# exactly what that run used — the same run again compiles nothing — and drops the rest.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
script="$here/../go-cache.sh"
if ! command -v go > /dev/null 2>&1; then PATH="$root/.tools/go/go/bin:$PATH"; fi
work=$(mktemp -d "${TMPDIR:-/tmp}/covbot-go-cache-test.XXXXXX")
trap 'rm -rf "$work"' EXIT
export GOCACHE="$work/gocache" GOTOOLCHAIN=local GOPROXY=off GOFLAGS=
# Two packages without imports: go compiles them in a second from an empty cache (no standard library).
mkdir -p "$work/module/a" "$work/module/b"
printf 'module example.com/m\n\ngo 1.22\n' > "$work/module/go.mod"
printf 'package a\n\nfunc A() int { return 1 }\n' > "$work/module/a/a.go"
printf 'package b\n\nfunc B() int { return 2 }\n' > "$work/module/b/b.go"
cd "$work/module"
count() { find "$GOCACHE" -mindepth 2 -maxdepth 2 -type f -path "$GOCACHE/[0-9a-f][0-9a-f]/*" | wc -l; }
failures=0
check() {
  if eval "$2"; then echo "ok - $1"; else
    echo "not ok - $1"
    failures=$((failures + 1))
  fi
}

: > "$work/output"
GITHUB_OUTPUT="$work/output" GITHUB_REF=refs/heads/main DEFAULT_BRANCH=main GITHUB_RUN_ID=42 GITHUB_RUN_ATTEMPT=1 \
  RUNNER_OS=Linux RUNNER_ARCH=X64 GITHUB_JOB=gate IN_SHARD=2/4 bash "$script" plan > /dev/null
check "plan saves on the default branch with a rolling key per job and shard" \
  "grep -qx 'save=true' '$work/output' && grep -q '^key=covbot-gocache-Linux-X64-go[0-9.]*-gate-shard2of4-42-1$' '$work/output' && grep -q '^prefix=covbot-gocache-Linux-X64-go[0-9.]*-gate-shard2of4-$' '$work/output' && grep -qx 'dir=$GOCACHE' '$work/output'"
: > "$work/output"
GITHUB_OUTPUT="$work/output" GITHUB_REF=refs/pull/7/merge DEFAULT_BRANCH=main bash "$script" plan > /dev/null
check "plan does not save from a pull request" "grep -qx 'save=false' '$work/output'"

# A "previous run" that built every package fills the cache.
go build ./...
all=$(count)
: > "$work/output"
GITHUB_OUTPUT="$work/output" GOCACHE_DIR="$GOCACHE" bash "$script" mark > /dev/null
mark_time=$(sed -n 's/^mark-time=//p' "$work/output")
# This run builds one package only.
go build ./a
GOCACHE_DIR="$GOCACHE" MARK_TIME="$mark_time" bash "$script" prune > /dev/null
kept=$(count)
check "prune drops what the run did not use ($all entries before, $kept after)" "[ '$kept' -gt 0 ] && [ '$kept' -lt '$all' ]"
# Nothing the run needed was pruned: the same build compiles nothing; the dropped package compiles again.
compiles() { go build -x "$1" > "$work/build.log" 2>&1 && grep -q '/compile ' "$work/build.log"; }
check "the pruned cache still holds the run's working set" "! compiles ./a"
check "what the run did not use was dropped" "compiles ./b"
check "README and trim.txt survive" "[ -f '$GOCACHE/README' ]"

if [ "$failures" -gt 0 ]; then exit 1; fi
echo "all go-cache tests passed"
