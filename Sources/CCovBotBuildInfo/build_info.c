#include "covbot_build_info.h"

// Package.swift defines COVBOT_COMMIT (a quoted string) when the environment of `swift build` has
// COVBOT_COMMIT, as `make dist` does. A C target rather than a Swift file: a changed commit then
// recompiles this one file and relinks, instead of every Swift module a -D flag would reach.
#ifndef COVBOT_COMMIT
#define COVBOT_COMMIT "unknown"
#endif

const char *covbot_build_commit(void) {
  return COVBOT_COMMIT;
}
