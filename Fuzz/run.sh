#!/usr/bin/env bash
# Runs the fuzz targets one after another, one libFuzzer process at a time (README, Development, Fuzzing).
#
#   Fuzz/run.sh fuzz  [target…]   each target for FUZZ_SECONDS (default 60); a summary line per target
#   Fuzz/run.sh smoke [target…]   each target for FUZZ_SECONDS (default 10); fails on any crash, oracle
#                                 failure, missing binary or seed directory, or a target that ran nothing
#
# Build first (make fuzz-build). Seeds come from Fuzz/Corpus/<target>/ (committed); what libFuzzer
# adds goes to Fuzz/.corpus/<target>/, crashes to Fuzz/.artifacts/<target>-crash-…, each run's log to
# Fuzz/.artifacts/<target>.log.
set -euo pipefail
cd "$(dirname "$0")"

all_targets=(coverprofile covgate gotestjson golist results github-json github-link github-ratelimit github-event unified-diff)

mode=${1:-}
case "$mode" in
  smoke) seconds=${FUZZ_SECONDS:-10} ;;
  fuzz) seconds=${FUZZ_SECONDS:-60} ;;
  *)
    echo "usage: $0 smoke|fuzz [target…]" >&2
    exit 2
    ;;
esac
shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")

bin=.build/release
mkdir -p .artifacts
failures=0
total_executions=0

for target in "${targets[@]}"; do
  if [ ! -x "$bin/$target" ]; then
    echo "$target: no binary at Fuzz/$bin/$target (run make fuzz-build)"
    failures=$((failures + 1))
    continue
  fi
  seeds=Corpus/$target
  if [ -z "$(ls -A "$seeds" 2>/dev/null)" ]; then
    echo "$target: no seeds in Fuzz/$seeds"
    failures=$((failures + 1))
    continue
  fi
  mkdir -p ".corpus/$target"
  log=.artifacts/$target.log
  marker=.artifacts/.started-$target
  touch "$marker"
  status=0
  # Swift's backtracer would symbolicate for up to 30 s per crash; libFuzzer prints its own trace.
  # -timeout turns a hang into a finding; -max_len lets inputs outgrow the seeds.
  # -jobs=1 runs one child whose log libFuzzer writes as fuzz-0.log in the working directory (and
  # then copies into ours): run from .artifacts so it lands there.
  (cd .artifacts && SWIFT_BACKTRACE=enable=no "../$bin/$target" \
    -max_total_time="$seconds" -timeout=25 -max_len=16384 -workers=1 -jobs=1 \
    -print_final_stats=1 -artifact_prefix="$target-" \
    "../.corpus/$target" "../$seeds") >"$log" 2>&1 || status=$?
  found=$(find .artifacts -maxdepth 1 -name "$target-*" -newer "$marker")
  crashes=$(printf '%s' "$found" | grep -c . || true)
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  executions=${executions:-0}
  corpus=$(find ".corpus/$target" -type f | wc -l)
  total_executions=$((total_executions + executions))
  line="$target: $executions executions in ${seconds}s, $crashes crashes, corpus $corpus"
  if [ "$status" -ne 0 ] || [ "$crashes" -gt 0 ]; then
    reason=$(grep -m 1 -E 'Fatal error|oracle:|ERROR: (libFuzzer|AddressSanitizer)' "$log" || true)
    echo "$line — FAILED (exit $status): ${reason:-see Fuzz/$log}"
    for artifact in $found; do echo "    reproduce: SWIFT_BACKTRACE=enable=no Fuzz/$bin/$target Fuzz/${artifact#./}"; done
    failures=$((failures + 1))
  elif [ "$executions" -eq 0 ]; then
    echo "$line — FAILED: nothing ran (see Fuzz/$log)"
    failures=$((failures + 1))
  else
    echo "$line"
  fi
done

echo "fuzz $mode: ${#targets[@]} targets, $total_executions executions, $failures failed"
if [ "$mode" = smoke ] && [ "$failures" -gt 0 ]; then exit 1; fi
exit 0
