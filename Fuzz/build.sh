#!/usr/bin/env bash
# Builds every fuzz target with libFuzzer's no-main runtime (README, Development, Fuzzing).
# Release with -enable-testing: the targets reach internal parsers through @testable import, and
# optimised code fuzzes several times faster. The log goes to Fuzz/.build/fuzz-build.log.
set -euo pipefail
cd "$(dirname "$0")"

swift_bin=$(command -v swift)
archive=$(find "$(dirname "$(dirname "$swift_bin")")" -name 'libclang_rt.fuzzer_no_main-x86_64.a' -print -quit)
if [ -z "$archive" ]; then
  echo "fuzz-build: libclang_rt.fuzzer_no_main-x86_64.a not found in the Swift toolchain" >&2
  exit 1
fi

mkdir -p .build
log=.build/fuzz-build.log
if ! swift build -c release \
  -Xswiftc -enable-testing \
  -Xswiftc -sanitize=address \
  -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp \
  -Xlinker "$archive" -Xlinker -lstdc++ >"$log" 2>&1; then
  echo "fuzz-build: swift build failed; the end of $PWD/$log:" >&2
  tail -n 40 "$log" >&2
  exit 1
fi
echo "fuzz-build: targets in $PWD/$(swift build -c release --show-bin-path | sed "s|^$PWD/||")"
