#ifndef COVBOT_BUILD_INFO_H
#define COVBOT_BUILD_INFO_H

/// The commit covbot was built from (`git rev-parse --short=12 HEAD`, `-dirty` when the tree had
/// changes), or "unknown" for a build that did not set COVBOT_COMMIT (a plain `swift build`).
const char *covbot_build_commit(void);

#endif
