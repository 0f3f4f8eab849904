#!/usr/bin/env bash
# Installs covbot for ci/action.yml: the verified release binary when one exists for the action's ref,
# else it says so and the action builds from source.
#
#   install-covbot.sh plan              decide: release binary (which version) or source build
#   install-covbot.sh release           download (with retries), verify against SHA256SUMS, unpack, activate
#   install-covbot.sh activate BINARY   runtime libraries (only what ldd misses), self-check, PATH
#
# Inputs come from the environment (the action passes them through env:, never interpolated):
#   plan:     ACTION_ROOT, ACTION_PATH, ACTION_REF, ACTION_REPOSITORY, IN_VERSION, IN_BUILD_FROM_SOURCE
#   release:  COVBOT_VERSION, COVBOT_DIR, COVBOT_REPOSITORY, COVBOT_EXPLICIT (true: no fallback to source),
#             COVBOT_STARTED (epoch ms of the plan, for the timing line)
#   activate: COVBOT_ORIGIN (where the binary came from), COVBOT_STARTED
# Overrides (tests): COVBOT_RELEASE_BASE_URL (instead of $GITHUB_SERVER_URL/OWNER/REPO/releases/download),
# COVBOT_DOWNLOAD_ATTEMPTS (4), COVBOT_RETRY_DELAY (first back-off in seconds, 2; doubles), COVBOT_LDD,
# COVBOT_APT_GET. Outputs go to $GITHUB_OUTPUT, the binary's folder to $GITHUB_PATH.
set -euo pipefail

log() { printf '%s\n' "$*"; }
error() {
  # One ::error:: line the Actions UI shows on the run, and the same words in a local terminal.
  printf '::error title=covbot install::%s\n' "$*" >&2
  exit 1
}
output() { printf '%s=%s\n' "$1" "$2" >> "${GITHUB_OUTPUT:-/dev/null}"; }
now_ms() { date +%s%3N; }
elapsed() {
  local started="${COVBOT_STARTED:-}"
  if [ -z "$started" ]; then
    echo "an unknown time (no COVBOT_STARTED)"
    return
  fi
  local ms=$(($(now_ms) - started))
  printf '%d.%01d s' $((ms / 1000)) $((ms % 1000 / 100))
}

# The release asset's platform part: linux-x86_64 or linux-aarch64; empty where no binary is built.
platform() {
  local os arch
  os=$(uname -s)
  arch=$(uname -m)
  case "$arch" in arm64) arch=aarch64 ;; amd64) arch=x86_64 ;; esac
  if [ "$os" = Linux ] && { [ "$arch" = x86_64 ] || [ "$arch" = aarch64 ]; }; then echo "linux-$arch"; fi
}

# The version in the action's own sources (Sources/CovEngine/Support/CovBotVersion.swift).
source_version() {
  sed -n 's/^ *public static let current = "\([^"]*\)".*/\1/p' \
    "$1/Sources/CovEngine/Support/CovBotVersion.swift" 2> /dev/null | head -n1
}

plan() {
  local started version mode reason explicit=false ref repository
  started=$(now_ms)
  # The runner checks a remote action out at …/_actions/OWNER/REPO/REF/ci: that path names the ref for
  # certain. github.action_ref/action_repository are the fallback, as they are empty inside composite
  # actions on some runner versions (actions/runner#2473).
  local path="${ACTION_PATH:-}"
  path="${path%/}"
  path="${path%/ci}"
  case "$path" in
    */_actions/*/*/*)
      local rest="${path##*/_actions/}"
      local owner="${rest%%/*}" name_ref="${rest#*/}"
      repository="$owner/${name_ref%%/*}"
      ref="${name_ref#*/}"
      ;;
    *)
      ref="${ACTION_REF:-}"
      repository="${ACTION_REPOSITORY:-}"
      ;;
  esac
  local source
  source=$(source_version "${ACTION_ROOT:?ACTION_ROOT is not set}")
  if [ "${IN_BUILD_FROM_SOURCE:-false}" = true ]; then
    mode=source reason="build-from-source: true"
  elif [ -n "${IN_VERSION:-}" ]; then
    version="${IN_VERSION#v}"
    if ! [[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.-]+)?$ ]]; then
      error "input version '$IN_VERSION' is not a release version like 1.2.3 or v1.2.3"
    fi
    mode=release explicit=true reason="version input"
  elif [ -z "$ref" ]; then
    mode=source reason="the action runs from a local path, not a tag"
  elif [[ "$ref" =~ ^v([0-9]+)(\.[0-9]+)?(\.[0-9]+([-+][0-9A-Za-z.-]+)?)?$ ]] \
    && { [ "${source}" = "${ref#v}" ] || [ "${source#"${ref#v}".}" != "$source" ]; }; then
    # vX.Y.Z is that release; the moving tags vX and vX.Y point at the commit of the newest vX.Y.Z,
    # whose sources name that version.
    version="$source"
    mode=release reason="action ref $ref"
  else
    mode=source reason="action ref '$ref' is not a release tag (branches and commit SHAs build from source)"
  fi
  local platform_name
  platform_name=$(platform)
  if [ "$mode" = release ] && [ -z "$platform_name" ]; then
    if [ "$explicit" = true ]; then error "no covbot release binary exists for $(uname -s)/$(uname -m)"; fi
    mode=source reason="no release binary for $(uname -s)/$(uname -m)"
  fi
  local dir=""
  if [ "$mode" = release ]; then
    dir="${RUNNER_TOOL_CACHE:-${RUNNER_TEMP:-/tmp}}/covbot/$version/$platform_name"
    output key "covbot-release-$version-$platform_name"
  fi
  log "covbot: $mode (${reason}${version:+, version $version})"
  output mode "$mode"
  output version "${version:-}"
  output explicit "$explicit"
  output repository "$repository"
  output dir "$dir"
  output started "$started"
}

# download URL FILE: up to COVBOT_DOWNLOAD_ATTEMPTS tries with doubling back-off. Returns 0 on HTTP 200,
# 2 when every try answered 404 (no such release or asset), 1 otherwise. Prints why on failure.
download() {
  local url="$1" file="$2" attempts="${COVBOT_DOWNLOAD_ATTEMPTS:-4}" delay="${COVBOT_RETRY_DELAY:-2}"
  local attempt code status last="" all_404=true
  for ((attempt = 1; attempt <= attempts; attempt++)); do
    rm -f "$file"
    status=0
    code=$(curl --silent --show-error --location --proto '=https,http' --connect-timeout 10 --max-time 300 \
      --output "$file" --write-out '%{http_code}' "$url" 2> "$file.err") || status=$?
    if [ "$status" = 0 ] && [ "$code" = 200 ]; then
      rm -f "$file.err"
      return 0
    fi
    if [ "$status" != 0 ]; then
      last="curl exit $status: $(tr '\n' ' ' < "$file.err")"
      all_404=false
    else
      last="HTTP $code"
      if [ "$code" != 404 ]; then all_404=false; fi
    fi
    # A 404 is retried too: a release's assets appear a moment after the release itself.
    if [ "$attempt" -lt "$attempts" ]; then
      log "  attempt $attempt of $attempts for $url: $last; retrying in ${delay}s"
      sleep "$delay"
      delay=$((delay * 2))
    fi
  done
  rm -f "$file" "$file.err"
  log "  $url: $last after $attempts attempts"
  if [ "$all_404" = true ]; then return 2; fi
  return 1
}

# No release for the ref: fall back to a source build, unless the version was asked for explicitly.
no_release() {
  if [ "${COVBOT_EXPLICIT:-false}" = true ]; then error "$1"; fi
  printf '::warning title=covbot install::%s; building from source instead\n' "$1"
  output installed false
  exit 0
}

release() {
  local version="${COVBOT_VERSION:?COVBOT_VERSION is not set}" dir="${COVBOT_DIR:?COVBOT_DIR is not set}"
  local platform_name asset base
  platform_name=$(platform)
  asset="covbot-$version-$platform_name.tar.gz"
  base="${COVBOT_RELEASE_BASE_URL:-${GITHUB_SERVER_URL:-https://github.com}/${COVBOT_REPOSITORY:?COVBOT_REPOSITORY is not set}/releases/download}"
  base="${base%/}/v$version"
  # A binary restored from the cache was verified when it was downloaded; the marker names the asset and
  # its checksum, so a cache of another version or platform is never taken for this one.
  if [ -x "$dir/covbot" ] && [ -f "$dir/covbot.sha256" ] && [ "$(cut -d' ' -f3 "$dir/covbot.sha256")" = "$asset" ]; then
    output downloaded false
    COVBOT_ORIGIN="cache (release asset $asset, sha256 $(cut -d' ' -f1 "$dir/covbot.sha256"))" activate "$dir/covbot"
    output installed true
    return
  fi
  # Nothing half-done survives a failure: the download lives in $work until it is verified.
  work=$(mktemp -d "${RUNNER_TEMP:-/tmp}/covbot-install.XXXXXX")
  trap 'rm -rf "$work"' EXIT
  log "Downloading $base/$asset"
  local status=0
  download "$base/SHA256SUMS" "$work/SHA256SUMS" || status=$?
  if [ "$status" = 2 ]; then no_release "no covbot release v$version at $base (SHA256SUMS: 404)"; fi
  if [ "$status" != 0 ]; then error "could not download $base/SHA256SUMS (see the attempts above); re-run the job"; fi
  local expected
  expected=$(awk -v f="$asset" '$2 == f || $2 == "*" f { print $1; exit }' "$work/SHA256SUMS")
  if [ -z "$expected" ]; then no_release "release v$version has no $asset (not in its SHA256SUMS)"; fi
  if ! [[ "$expected" =~ ^[0-9a-f]{64}$ ]]; then error "SHA256SUMS of v$version has a malformed line for $asset"; fi
  status=0
  download "$base/$asset" "$work/$asset" || status=$?
  if [ "$status" != 0 ]; then
    error "could not download $base/$asset although SHA256SUMS lists it (see the attempts above); nothing was installed"
  fi
  local actual
  actual=$(sha256sum "$work/$asset" | cut -d' ' -f1)
  if [ "$actual" != "$expected" ]; then
    error "SHA-256 mismatch for $asset: downloaded $actual, SHA256SUMS says $expected. Refusing to install it (nothing was put on PATH); re-run the job, and report it if it persists"
  fi
  mkdir -p "$work/unpacked"
  if ! tar -xzf "$work/$asset" -C "$work/unpacked"; then error "$asset passed its checksum but does not unpack"; fi
  local binary="$work/unpacked/covbot-$version-$platform_name/covbot"
  if [ ! -f "$binary" ]; then error "$asset has no covbot-$version-$platform_name/covbot"; fi
  chmod 755 "$binary"
  mkdir -p "$dir"
  # Same file system as $dir after the copy, so the final rename is atomic.
  cp "$binary" "$dir/.covbot.new"
  mv -f "$dir/.covbot.new" "$dir/covbot"
  printf '%s  %s\n' "$actual" "$asset" > "$dir/covbot.sha256"
  output downloaded true
  COVBOT_ORIGIN="$base/$asset (sha256 $actual verified)" activate "$dir/covbot"
  output installed true
}

# The apt package that provides a missing library (Ubuntu 24.04 renamed libcurl4 to libcurl4t64).
package_for() {
  case "$1" in
    libcurl.so.4)
      if apt-cache show libcurl4t64 > /dev/null 2>&1; then echo libcurl4t64; else echo libcurl4; fi
      ;;
    libxml2.so.2) echo libxml2 ;;
    *) return 1 ;;
  esac
}

activate() {
  local binary="${1:?activate needs the binary}"
  local ldd="${COVBOT_LDD:-ldd}" apt_get="${COVBOT_APT_GET:-apt-get}"
  # Only libc, libcurl and libxml2 are linked dynamically; install the last two only when ldd misses them.
  local missing packages=() library
  missing=$("$ldd" "$binary" 2> /dev/null | awk '/=> not found/ { print $1 }' || true)
  for library in $missing; do
    local package
    package=$(package_for "$library") || error "covbot needs $library, which no known package provides here"
    packages+=("$package")
  done
  if [ "${#packages[@]}" -gt 0 ]; then
    if ! command -v "$apt_get" > /dev/null 2>&1; then
      error "covbot needs ${missing//$'\n'/, }; install them (no apt-get here)"
    fi
    local sudo=()
    if [ "$(id -u)" != 0 ] && [ "$apt_get" = apt-get ]; then sudo=(sudo); fi
    log "::group::$apt_get install ${packages[*]} (ldd: ${missing//$'\n'/, } not found)"
    "${sudo[@]}" "$apt_get" update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" "$apt_get" install -y -qq --no-install-recommends "${packages[@]}"
    log "::endgroup::"
  fi
  if ! "$binary" self-check; then
    error "covbot self-check failed (above): this runner's libraries cannot run covbot"
  fi
  local folder
  folder=$(cd "$(dirname "$binary")" && pwd -P)
  echo "$folder" >> "${GITHUB_PATH:-/dev/null}"
  output covbot-path "$folder/covbot"
  log "covbot $("$binary" --version) from ${COVBOT_ORIGIN:-$binary}, installed in $(elapsed)"
}

case "${1:-}" in
  plan) plan ;;
  release) release ;;
  activate) activate "${2:-}" ;;
  *)
    echo "usage: $0 plan | release | activate BINARY" >&2
    exit 2
    ;;
esac
