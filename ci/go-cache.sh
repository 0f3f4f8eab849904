#!/usr/bin/env bash
# Go's build cache between runs, for ci/action.yml (input go-cache).
#
#   go-cache.sh plan    GOCACHE, the rolling key, whether this run saves (default branch only)
#   go-cache.sh mark    after a restore: date every entry two hours back, so go touches what it uses
#   go-cache.sh prune   before the save: delete every entry this run did not use
#
# Why prune this way: go refreshes an entry's mtime when it uses an entry whose mtime is over an hour
# old (cmd/go/internal/cache, mtimeInterval). After `mark`, every restored entry is two hours old, so
# after the gate the entries with an mtime from this run are exactly its working set; the rest is
# deleted. The saved cache is then one run's working set: it never grows across runs (go's own trim
# only drops entries unused for five days, and runs once a day), and a dependency that was dropped
# leaves with the next save.
#
# Inputs (env): RUNNER_OS, RUNNER_ARCH, GITHUB_JOB, GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT, GITHUB_REF, DEFAULT_BRANCH,
# IN_SHARD;
# GOCACHE_DIR and MARK_TIME for mark/prune (the plan's outputs). Outputs go to $GITHUB_OUTPUT.
set -euo pipefail

output() { printf '%s=%s\n' "$1" "$2" >> "${GITHUB_OUTPUT:-/dev/null}"; }

# The cache's entry files: go keeps them in 256 folders 00…ff; README, trim.txt and testexpire.txt stay.
entries() {
  local dir="$1"
  shift
  find "$dir" -mindepth 2 -maxdepth 2 -type f -path "$dir/[0-9a-f][0-9a-f]/*" "$@"
}

case "${1:-}" in
  plan)
    if ! command -v go > /dev/null 2>&1; then
      echo "::notice title=covbot::go-cache: no go on PATH before this action (add actions/setup-go first); Go's cache is not restored"
      output enabled false
      exit 0
    fi
    dir=$(go env GOCACHE)
    if [ -z "$dir" ] || [ "$dir" = off ]; then
      output enabled false
      exit 0
    fi
    go_version=$(go env GOVERSION)
    # Entries are only valid for the same go and platform; the run id makes every save a new key, and the
    # prefix restores the newest one.
    # The job (and shard) keeps jobs that build different packages from restoring each other's caches.
    scope="${GITHUB_JOB:-job}"
    if [ -n "${IN_SHARD:-}" ]; then scope="$scope-shard${IN_SHARD//[^0-9]/of}"; fi
    prefix="covbot-gocache-${RUNNER_OS:-Linux}-${RUNNER_ARCH:-$(uname -m)}-${go_version}-${scope}-"
    save=false
    if [ -n "${DEFAULT_BRANCH:-}" ] && [ "${GITHUB_REF:-}" = "refs/heads/$DEFAULT_BRANCH" ]; then save=true; fi
    output enabled true
    output dir "$dir"
    output prefix "$prefix"
    output key "$prefix${GITHUB_RUN_ID:-0}-${GITHUB_RUN_ATTEMPT:-1}"
    output save "$save"
    echo "go-cache: $dir, key prefix $prefix, saved from this run: $save"
    ;;
  mark)
    dir="${GOCACHE_DIR:?GOCACHE_DIR is not set}"
    if [ ! -d "$dir" ]; then exit 0; fi
    now=$(date +%s)
    entries "$dir" -print0 2> /dev/null | xargs -0 -r touch -m -d "@$((now - 7200))"
    output mark-time "$now"
    echo "go-cache: restored $(entries "$dir" | wc -l) entries, $(du -sh "$dir" | cut -f1)"
    ;;
  prune)
    dir="${GOCACHE_DIR:?GOCACHE_DIR is not set}"
    if [ ! -d "$dir" ]; then exit 0; fi
    before=$(du -sh "$dir" | cut -f1)
    removed=0
    if [ -n "${MARK_TIME:-}" ]; then
      # Entries go did not touch since the restore (a minute's slack for coarse file system clocks).
      removed=$(entries "$dir" ! -newermt "@$((MARK_TIME - 60))" -print -delete | wc -l)
    fi
    echo "go-cache: pruned $removed unused entries; $before before, $(du -sh "$dir" | cut -f1) saved"
    ;;
  *)
    echo "usage: $0 plan | mark | prune" >&2
    exit 2
    ;;
esac
