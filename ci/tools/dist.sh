#!/usr/bin/env bash
# `make dist`: builds dist/covbot-<version>-linux-<arch>.tar.gz for this machine's architecture and
# dist/SHA256SUMS over every tarball of that version in dist/.
#
# The binary is built with --static-swift-stdlib and stripped, so it needs nothing of Swift at run time:
# only libc, libcurl and libxml2 from the distribution (checked with ldd below). The templates are compiled
# in (Sources/Reporters/BundledTemplates.swift), so the tarball holds no templates folder.
#
# Environment: COVBOT_COMMIT (default: git's HEAD, -dirty with uncommitted changes), DIST_DIR (dist),
# DIST_SCRATCH (.build-dist: kept apart from .build so switching between `make dist` and `swift build`
# rebuilds nothing), SWIFT_BUILD_FLAGS (extra flags, e.g. -j 1).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"

version=$(sed -n 's/^ *public static let current = "\([^"]*\)".*/\1/p' Sources/CovEngine/Support/CovBotVersion.swift)
if [ -z "$version" ]; then
  echo "dist: cannot read the version from Sources/CovEngine/Support/CovBotVersion.swift" >&2
  exit 1
fi
arch=$(uname -m)
case "$arch" in
  x86_64 | aarch64) ;;
  arm64) arch=aarch64 ;;
  *)
    echo "dist: no release build for architecture $arch (x86_64 and aarch64 only)" >&2
    exit 1
    ;;
esac
if [ -z "${COVBOT_COMMIT:-}" ]; then
  COVBOT_COMMIT=$(git rev-parse --short=12 HEAD 2> /dev/null || echo unknown)
  if [ "$COVBOT_COMMIT" != unknown ] && ! git diff --quiet HEAD -- 2> /dev/null; then
    COVBOT_COMMIT="$COVBOT_COMMIT-dirty"
  fi
fi
export COVBOT_COMMIT
dist="${DIST_DIR:-$root/dist}"
scratch="${DIST_SCRATCH:-$root/.build-dist}"
name="covbot-$version-linux-$arch"

read -r -a extra_flags <<< "${SWIFT_BUILD_FLAGS:-}"
flags=(-c release --static-swift-stdlib --scratch-path "$scratch" "${extra_flags[@]}")
echo "== swift build ${flags[*]} --product covbot (COVBOT_COMMIT=$COVBOT_COMMIT)"
started=$(date +%s)
swift build "${flags[@]}" --product covbot
bin="$(swift build "${flags[@]}" --show-bin-path)/covbot"
echo "== built in $(($(date +%s) - started)) s"

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/$name"
cp "$bin" "$stage/$name/covbot"
strip "$stage/$name/covbot"
cp README.md "$stage/$name/"
if [ -f LICENSE ]; then
  cp LICENSE "$stage/$name/"
else
  echo "dist: warning: no LICENSE file in the repository; the tarball ships without one" >&2
fi

# The promise of a release binary: no Swift runtime from the system.
if ldd "$stage/$name/covbot" | grep -E 'libswift|libFoundation|libdispatch|libBlocksRuntime|not found'; then
  echo "dist: the binary links the libraries above dynamically; it must need only libc, libcurl and libxml2" >&2
  exit 1
fi
echo "== $stage/$name/covbot self-check"
"$stage/$name/covbot" self-check
reported=$("$stage/$name/covbot" --version)
if [ "$reported" != "$version" ]; then
  echo "dist: covbot --version says $reported, the sources say $version" >&2
  exit 1
fi

# Reproducible archive: sorted names, no owners, file times of the commit.
mtime=$(git log -1 --format=%ct 2> /dev/null || echo 0)
mkdir -p "$dist"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$mtime" --mode='u+rwX,go+rX,go-w' \
  -C "$stage" -cf - "$name" | gzip -9 -n > "$dist/$name.tar.gz.tmp"
mv -f "$dist/$name.tar.gz.tmp" "$dist/$name.tar.gz"
(
  cd "$dist"
  sha256sum covbot-"$version"-linux-*.tar.gz > SHA256SUMS.tmp
  mv -f SHA256SUMS.tmp SHA256SUMS
)
echo "== $dist/$name.tar.gz ($(du -k "$dist/$name.tar.gz" | cut -f1) KiB; binary $(du -k "$stage/$name/covbot" | cut -f1) KiB)"
cat "$dist/SHA256SUMS"
