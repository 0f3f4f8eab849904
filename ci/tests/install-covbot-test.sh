#!/usr/bin/env bash
# Tests ci/install-covbot.sh against a fake release on 127.0.0.1 (never github.com): a good tarball, a wrong
# checksum, a missing asset, 404 then 200, a truncated download, no release at all; the plan for each kind
# of action ref; and the runtime libraries installed only when ldd misses them.
#
# The "binary" is a shell script that answers --version and self-check, so this runs in seconds without a
# Swift build; ci/tests/dist-check.sh installs the real `make dist` tarball the same way.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
script="$here/../install-covbot.sh"
work=$(mktemp -d "${TMPDIR:-/tmp}/covbot-install-test.XXXXXX")
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2> /dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

failures=0
pass() { echo "ok - $1"; }
fail() {
  echo "not ok - $1"
  failures=$((failures + 1))
}

version=0.1.0
case "$(uname -m)" in
  aarch64 | arm64) platform=linux-aarch64 ;;
  *) platform=linux-x86_64 ;;
esac
asset="covbot-$version-$platform.tar.gz"

# The fake release: one tarball laid out as `make dist` lays it out.
mkdir -p "$work/pkg/covbot-$version-$platform"
cat > "$work/pkg/covbot-$version-$platform/covbot" << EOF
#!/bin/sh
case "\$1" in
  --version) echo $version ;;
  self-check) echo "covbot: $version"; echo "self-check: ok" ;;
  *) exit 2 ;;
esac
EOF
chmod 755 "$work/pkg/covbot-$version-$platform/covbot"
tar -czf "$work/$asset" -C "$work/pkg" "covbot-$version-$platform"
sum=$(sha256sum "$work/$asset" | cut -d' ' -f1)

serve=$work/serve
release() { # SCENARIO: a release folder with the tarball
  mkdir -p "$serve/$1/v$version"
  cp "$work/$asset" "$serve/$1/v$version/$asset"
}
for scenario in good flaky truncated; do
  release "$scenario"
  printf '%s  %s\n' "$sum" "$asset" > "$serve/$scenario/v$version/SHA256SUMS"
done
release badsum
printf '%s  %s\n' "$(printf '0%.0s' {1..64})" "$asset" > "$serve/badsum/v$version/SHA256SUMS"
# The file on the server itself is cut short: the transfer succeeds, the checksum cannot.
release short
head -c 100 "$work/$asset" > "$serve/short/v$version/$asset"
printf '%s  %s\n' "$sum" "$asset" > "$serve/short/v$version/SHA256SUMS"
# SHA256SUMS lists the asset, which is missing: a broken release.
mkdir -p "$serve/missing/v$version"
printf '%s  %s\n' "$sum" "$asset" > "$serve/missing/v$version/SHA256SUMS"
# A release without a binary for this platform.
mkdir -p "$serve/otherplatform/v$version"
printf '%s  %s\n' "$sum" "covbot-$version-linux-riscv64.tar.gz" > "$serve/otherplatform/v$version/SHA256SUMS"
mkdir -p "$serve/norelease"

python3 "$here/fake_release_server.py" "$serve" "$work/port" &
server_pid=$!
for _ in $(seq 100); do
  if [ -s "$work/port" ]; then break; fi
  sleep 0.05
done
port=$(cat "$work/port")

# run NAME SCENARIO [VAR=value ...]: runs `install-covbot.sh release` like the action's step, in a fresh
# runner (temp, tool cache, output and path files). Sets rc, out (stdout+stderr), dir.
run() {
  local name="$1" scenario="$2"
  shift 2
  local runner="$work/runner-$name"
  mkdir -p "$runner/temp" "$runner/tools"
  : > "$runner/output"
  : > "$runner/path"
  dir="$runner/tools/covbot/$version/$platform"
  rc=0
  out=$(env RUNNER_TEMP="$runner/temp" GITHUB_OUTPUT="$runner/output" GITHUB_PATH="$runner/path" \
    COVBOT_VERSION="$version" COVBOT_DIR="$dir" COVBOT_REPOSITORY=acme/covbot COVBOT_STARTED="$(date +%s%3N)" \
    COVBOT_RELEASE_BASE_URL="http://127.0.0.1:$port/$scenario" COVBOT_RETRY_DELAY=0 COVBOT_LDD=true \
    "$@" bash "$script" release 2>&1) || rc=$?
  runner_dir="$runner"
}
on_path() { [ -s "$runner_dir/path" ]; }
output_of() { sed -n "s/^$1=//p" "$runner_dir/output" | tail -n1; }
nothing_installed() { ! on_path && [ ! -e "$dir/covbot" ] && [ -z "$(ls -A "$runner_dir/temp")" ]; }

run good good
if [ "$rc" = 0 ] && on_path && [ "$(cat "$runner_dir/path")" = "$dir" ] && [ -x "$dir/covbot" ] \
  && [ "$(output_of installed)" = true ] && [ "$(output_of downloaded)" = true ] \
  && [ "$(output_of covbot-path)" = "$dir/covbot" ] \
  && grep -q "covbot $version from http://127.0.0.1:$port/good/v$version/$asset (sha256 $sum verified), installed in [0-9.]* s" <<< "$out" \
  && grep -q "self-check: ok" <<< "$out"; then
  pass "a good release installs, is verified, self-checked and put on PATH"
else
  fail "good release: rc=$rc"$'\n'"$out"
fi

# The same runner again, as after actions/cache restored the folder: no download.
runner="$runner_dir"
: > "$runner/path"
rc=0
out=$(env RUNNER_TEMP="$runner/temp" GITHUB_OUTPUT="$runner/output" GITHUB_PATH="$runner/path" \
  COVBOT_VERSION="$version" COVBOT_DIR="$dir" COVBOT_REPOSITORY=acme/covbot COVBOT_LDD=true \
  COVBOT_RELEASE_BASE_URL="http://127.0.0.1:1/unreachable" bash "$script" release 2>&1) || rc=$?
if [ "$rc" = 0 ] && on_path && [ "$(output_of downloaded)" = false ] && grep -q "from cache (release asset $asset" <<< "$out"; then
  pass "a cached, verified binary is used without downloading"
else
  fail "cached binary: rc=$rc"$'\n'"$out"
fi

run badsum badsum
if [ "$rc" = 1 ] && nothing_installed && grep -q "SHA-256 mismatch for $asset: downloaded $sum, SHA256SUMS says 0000" <<< "$out"; then
  pass "a wrong checksum fails with a clear message and leaves nothing on PATH"
else
  fail "wrong checksum: rc=$rc"$'\n'"$out"
fi

run short short
if [ "$rc" = 1 ] && nothing_installed && grep -q "SHA-256 mismatch for $asset" <<< "$out"; then
  pass "a truncated file on the server fails the checksum and leaves nothing on PATH"
else
  fail "short file: rc=$rc"$'\n'"$out"
fi

run truncated truncated
if [ "$rc" = 1 ] && nothing_installed && grep -q "curl exit 18" <<< "$out" \
  && grep -q "could not download http://127.0.0.1:$port/truncated/v$version/$asset" <<< "$out" \
  && [ "$(grep -c "attempt [0-9] of 4" <<< "$out")" = 3 ]; then
  pass "a truncated download is retried, then fails with a clear message and leaves nothing on PATH"
else
  fail "truncated download: rc=$rc"$'\n'"$out"
fi

run flaky flaky
if [ "$rc" = 0 ] && on_path && grep -q "attempt 1 of 4 for .*/SHA256SUMS: HTTP 404; retrying" <<< "$out"; then
  pass "404 then 200 is retried and installs"
else
  fail "404 then 200: rc=$rc"$'\n'"$out"
fi

run missing missing
if [ "$rc" = 1 ] && nothing_installed && grep -q "although SHA256SUMS lists it" <<< "$out"; then
  pass "an asset listed in SHA256SUMS but missing fails (a broken release is not papered over)"
else
  fail "missing asset: rc=$rc"$'\n'"$out"
fi

run otherplatform otherplatform
if [ "$rc" = 0 ] && nothing_installed && [ "$(output_of installed)" = false ] \
  && grep -q "::warning.*has no $asset (not in its SHA256SUMS); building from source instead" <<< "$out"; then
  pass "no asset for this platform falls back to a source build"
else
  fail "other platform: rc=$rc"$'\n'"$out"
fi

run norelease norelease COVBOT_DOWNLOAD_ATTEMPTS=2
if [ "$rc" = 0 ] && nothing_installed && [ "$(output_of installed)" = false ] \
  && grep -q "no covbot release v$version at .*(SHA256SUMS: 404); building from source instead" <<< "$out"; then
  pass "no release for the ref falls back to a source build"
else
  fail "no release: rc=$rc"$'\n'"$out"
fi

run explicit norelease COVBOT_DOWNLOAD_ATTEMPTS=2 COVBOT_EXPLICIT=true
if [ "$rc" = 1 ] && nothing_installed && grep -q "::error.*no covbot release v$version" <<< "$out"; then
  pass "an explicit version without a release is an error, not a source build of another version"
else
  fail "explicit version, no release: rc=$rc"$'\n'"$out"
fi

# Runtime libraries: apt-get runs only for what ldd reports missing.
cat > "$work/ldd-missing" << 'EOF'
#!/bin/sh
echo "	linux-vdso.so.1 (0x00007ffd)"
echo "	libcurl.so.4 => not found"
echo "	libxml2.so.2 => /lib/x86_64-linux-gnu/libxml2.so.2 (0x00007f)"
EOF
cat > "$work/apt-get" << EOF
#!/bin/sh
echo "\$*" >> "$work/apt-calls"
EOF
chmod 755 "$work/ldd-missing" "$work/apt-get"
run libs good COVBOT_LDD="$work/ldd-missing" COVBOT_APT_GET="$work/apt-get"
if [ "$rc" = 0 ] && grep -q "^install -y -qq --no-install-recommends libcurl4\(t64\)\?$" "$work/apt-calls" \
  && ! grep -q libxml2 "$work/apt-calls"; then
  pass "a library ldd cannot find is installed (only that one)"
else
  fail "missing library: rc=$rc, apt calls: $(cat "$work/apt-calls" 2> /dev/null)"$'\n'"$out"
fi
rm -f "$work/apt-calls"
run nolibs good COVBOT_APT_GET="$work/apt-get"
if [ "$rc" = 0 ] && [ ! -e "$work/apt-calls" ]; then
  pass "nothing is installed when ldd finds every library"
else
  fail "apt-get ran although nothing was missing"
fi

# plan: which refs get a release binary.
mkdir -p "$work/action/Sources/CovEngine/Support" "$work/action/ci"
echo '  public static let current = "1.4.2"' > "$work/action/Sources/CovEngine/Support/CovBotVersion.swift"
# plan_case EXPECTED_MODE EXPECTED_VERSION VAR=value ...
plan_case() {
  local mode="$1" expected_version="$2"
  shift 2
  : > "$work/plan-output"
  local plan_rc=0 plan_out
  plan_out=$(env -u GITHUB_ACTION_REF ACTION_ROOT="$work/action" GITHUB_OUTPUT="$work/plan-output" \
    RUNNER_TOOL_CACHE="$work/tools" "$@" bash "$script" plan 2>&1) || plan_rc=$?
  local got_mode got_version
  got_mode=$(sed -n 's/^mode=//p' "$work/plan-output")
  got_version=$(sed -n 's/^version=//p' "$work/plan-output")
  if [ "$mode" = error ]; then
    if [ "$plan_rc" = 1 ]; then pass "plan $*: error ($plan_out)"; else fail "plan $*: expected an error, got $got_mode"; fi
  elif [ "$plan_rc" = 0 ] && [ "$got_mode" = "$mode" ] && [ "$got_version" = "$expected_version" ]; then
    pass "plan $*: $mode${expected_version:+ $expected_version}"
  else
    fail "plan $*: expected $mode $expected_version, got rc=$plan_rc $got_mode $got_version: $plan_out"
  fi
}
plan_case release 1.4.2 ACTION_REF=v1.4.2 ACTION_REPOSITORY=acme/covbot
plan_case release 1.4.2 ACTION_REF=v1.4 ACTION_REPOSITORY=acme/covbot
plan_case release 1.4.2 ACTION_REF=v1 ACTION_REPOSITORY=acme/covbot
plan_case source "" ACTION_REF=v1.3 ACTION_REPOSITORY=acme/covbot
plan_case source "" ACTION_REF=v14 ACTION_REPOSITORY=acme/covbot
plan_case source "" ACTION_REF=main ACTION_REPOSITORY=acme/covbot
plan_case source "" ACTION_REF=0123456789abcdef0123456789abcdef01234567 ACTION_REPOSITORY=acme/covbot
plan_case source "" ACTION_PATH="$work/action/ci"
plan_case release 1.4.2 ACTION_PATH=/home/runner/work/_actions/acme/covbot/v1/ci
plan_case release 1.4.2 ACTION_PATH=/home/runner/work/_actions/acme/covbot/v1/ci ACTION_REF=main
plan_case source "" ACTION_PATH=/__w/_actions/acme/covbot/feature/x/ci ACTION_REF=v1
plan_case release 2.0.0 ACTION_REF=main IN_VERSION=v2.0.0
plan_case release 2.0.0 IN_VERSION=2.0.0
plan_case source "" ACTION_REF=v1 IN_VERSION=2.0.0 IN_BUILD_FROM_SOURCE=true
plan_case error "" IN_VERSION=latest
: > "$work/plan-output"
ACTION_ROOT="$work/action" GITHUB_OUTPUT="$work/plan-output" ACTION_PATH=/home/runner/work/_actions/acme/covbot/v1/ci \
  bash "$script" plan > /dev/null
if grep -qx "repository=acme/covbot" "$work/plan-output" && grep -qx "key=covbot-release-1.4.2-$platform" "$work/plan-output"; then
  pass "plan reads the repository from the action's checkout path"
else
  fail "plan repository/key: $(cat "$work/plan-output")"
fi

if [ "$failures" -gt 0 ]; then
  echo "$failures install test(s) failed"
  exit 1
fi
echo "all install tests passed"
