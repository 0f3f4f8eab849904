#!/usr/bin/env bash
# `make dist-check`: the `make dist` tarball as a user gets it. It is served from a fake release on
# 127.0.0.1, installed by ci/install-covbot.sh into an empty runner folder (timed), and run with a scrubbed
# environment (env -i: no Swift on PATH, no LD_LIBRARY_PATH) through `self-check` and a real `covbot gate`
# on examples/demo. Prints the figures the README quotes: tarball and binary size, install time, and the
# start-up time of `covbot --version` against the dynamically linked `swift build -c release` binary when
# one exists (.build/release/covbot).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
version=$(sed -n 's/^ *public static let current = "\([^"]*\)".*/\1/p' Sources/CovEngine/Support/CovBotVersion.swift)
case "$(uname -m)" in
  aarch64 | arm64) platform=linux-aarch64 ;;
  *) platform=linux-x86_64 ;;
esac
asset="covbot-$version-$platform.tar.gz"
dist="${DIST_DIR:-$root/dist}"
if [ ! -f "$dist/$asset" ] || [ ! -f "$dist/SHA256SUMS" ]; then
  echo "dist-check: no $dist/$asset or SHA256SUMS; run make dist first" >&2
  exit 1
fi
go_bin=$(dirname "$(command -v go 2> /dev/null || echo "$root/.tools/go/go/bin/go")")
if [ ! -x "$go_bin/go" ]; then
  echo "dist-check: no go on PATH and none in .tools; run make go" >&2
  exit 1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/covbot-dist-check.XXXXXX")
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2> /dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "dist-check FAILED: $*" >&2
  exit 1
}
# A PATH with no Swift toolchain on it.
clean_path=/usr/bin:/bin
for dir in ${clean_path//:/ }; do
  if [ -e "$dir/swift" ]; then fail "$dir/swift exists: no PATH here is free of Swift"; fi
done

echo "== $asset: $(du -k "$dist/$asset" | cut -f1) KiB"
mkdir -p "$work/serve/release/v$version" "$work/runner/temp" "$work/runner/tools" "$work/home"
cp "$dist/$asset" "$dist/SHA256SUMS" "$work/serve/release/v$version/"
python3 "$root/ci/tests/fake_release_server.py" "$work/serve" "$work/port" &
server_pid=$!
for _ in $(seq 100); do
  if [ -s "$work/port" ]; then break; fi
  sleep 0.05
done
port=$(cat "$work/port")

echo "== install from http://127.0.0.1:$port (ci/install-covbot.sh release, scrubbed environment)"
dir="$work/runner/tools/covbot/$version/$platform"
: > "$work/runner/path"
env -i PATH="$clean_path" HOME="$work/home" RUNNER_TEMP="$work/runner/temp" GITHUB_OUTPUT="$work/runner/output" \
  GITHUB_PATH="$work/runner/path" COVBOT_VERSION="$version" COVBOT_DIR="$dir" COVBOT_REPOSITORY=acme/covbot \
  COVBOT_RELEASE_BASE_URL="http://127.0.0.1:$port/release" COVBOT_STARTED="$(date +%s%3N)" \
  bash "$root/ci/install-covbot.sh" release | tee "$work/install.log"
grep -q "installed in" "$work/install.log" || fail "the install printed no timing"
[ "$(cat "$work/runner/path")" = "$dir" ] || fail "the install did not put $dir on PATH"
covbot="$dir/covbot"

echo "== ldd $covbot"
ldd "$covbot" | tee "$work/ldd"
if grep -E 'libswift|libFoundation|libdispatch|libBlocksRuntime|not found' "$work/ldd"; then
  fail "the binary loads Swift runtime libraries (above)"
fi
echo "== direct dependencies: $(readelf -d "$covbot" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | tr '\n' ' ')"

echo "== env -i covbot self-check"
env -i PATH="$clean_path" "$covbot" self-check | tee "$work/self-check" || fail "self-check failed"
expected_templates=$(LC_ALL=C cat templates/*.mustache | sha256sum | cut -d' ' -f1)
grep -q "^templates: *sha256:$expected_templates " "$work/self-check" \
  || fail "self-check's templates checksum is not that of templates/*.mustache ($expected_templates)"
if grep -q "^commit: *unknown" "$work/self-check"; then fail "the release binary does not know its commit"; fi

echo "== env -i PATH=$go_bin:$clean_path covbot gate on examples/demo"
cp -R examples/demo "$work/demo"
rm -f "$work/demo"/covbot-*
# go itself needs a cache folder: HOME points at an empty one (a cold cache, as on a fresh runner,
# unless GOCACHE is passed in to keep this fast).
gate_env=(PATH="$go_bin:$clean_path" HOME="$work/home" GOTOOLCHAIN=local GOPROXY=off)
if [ -n "${DIST_CHECK_GOCACHE:-}" ]; then gate_env+=(GOCACHE="$DIST_CHECK_GOCACHE"); fi
rc=0
env -i "${gate_env[@]}" "$covbot" gate --module-dir "$work/demo" --junit "$work/demo/junit.xml" \
  --markdown "$work/demo/comment.md" > "$work/gate.log" 2>&1 || rc=$?
cat "$work/gate.log"
# The demo fails its gate on purpose (a failing and a loose package): 1 is the verdict expected.
[ "$rc" = 1 ] || fail "covbot gate exited $rc, expected 1 (the demo's failing gate)"
for status in pass fail loose; do
  grep -q "\"status\" *: *\"$status\"" "$work/demo/covbot-results.json" || fail "no $status package in the results"
done
grep -q "<testsuite" "$work/demo/junit.xml" || fail "no JUnit XML written"
[ -s "$work/demo/comment.md" ] || fail "no Markdown written"

echo "== start-up: covbot --version, 50 runs"
startup() { # BINARY: mean milliseconds per run
  local start end
  start=$(date +%s%N)
  for _ in $(seq 50); do env -i PATH="$clean_path" "$1" --version > /dev/null; done
  end=$(date +%s%N)
  echo $(((end - start) / 50000))
}
echo "   static (release tarball): $(startup "$covbot") µs per run"
if [ -x .build/release/covbot ]; then
  echo "   dynamic (.build/release/covbot, Swift runtime from the toolchain): $(startup .build/release/covbot) µs per run"
fi
echo "dist-check passed"
