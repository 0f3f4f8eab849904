import CovBotSupport
import Foundation

/// Gets the lines a branch changed from local git: the diff from the merge base of a base ref
/// and HEAD to HEAD (three dots), so commits that landed on the base after the branch point are
/// not part of it.
///
/// HEAD, not the working tree: CI measures the checked-out commit, and uncommitted edits are not
/// part of a pull request. Every git child runs with a timeout, in its own process group.
public struct GitDiff: Sendable {
  /// The `git` executable.
  public var executable: String
  /// A directory inside the work tree.
  public var directory: String
  /// How long each git command may take.
  public var timeout: Duration = .seconds(120)
  /// Told about each child's process group, so none outlives covbot.
  public var watchdog: ProcessGroupWatchdog?

  /// Standard error beyond this many bytes is not repeated in errors.
  static let stderrExcerptLimit = 2000

  /// A diff runner using `executable`, in the work tree holding `directory`.
  public init(executable: String, directory: String) {
    self.executable = executable
    self.directory = directory
  }

  /// Finds `git` on `path` (a PATH-style list; the process's PATH by default).
  public static func locate(
    in directory: String, path: String? = nil
  ) throws(GitDiffError) -> GitDiff {
    let searchPath = path ?? ProcessInfo.processInfo.environment["PATH"] ?? ""
    for entry in searchPath.split(separator: ":") where !entry.isEmpty {
      let candidate = "\(entry)/git"
      if FileManager.default.isExecutableFile(atPath: candidate) {
        return GitDiff(executable: candidate, directory: directory)
      }
    }
    throw GitDiffError(
      .gitNotFound, "git not found on PATH; patch coverage needs git (or pass the diff as a file)")
  }

  /// The change against `baseRef`: the repository root, the merge base and the parsed diff.
  ///
  /// Throws ``GitDiffError`` (its ``GitDiffError/kind`` says what failed), or `CancellationError`
  /// when the task was cancelled (every git child is torn down first).
  public func change(against baseRef: String) async throws -> GitChange {
    let root = try await repositoryRoot()
    let base = try await commit(of: baseRef, in: root)
    let mergeBase = try await self.mergeBase(of: base, ref: baseRef, in: root)
    let diff = try await diff(from: mergeBase, in: root)
    return GitChange(repositoryRoot: root, mergeBase: mergeBase, diff: diff)
  }

  /// The top directory of the work tree (`git rev-parse --show-toplevel`).
  public func repositoryRoot() async throws -> String {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw GitDiffError(.notARepository, "\(directory) is not a directory; patch coverage needs the repository")
    }
    let (result, output) = try await run(["rev-parse", "--show-toplevel"], in: directory)
    guard result.succeeded else {
      if result.stderr.contains("not a git repository") {
        throw GitDiffError(
          .notARepository,
          "\(directory) is not inside a git work tree; patch coverage needs the repository (or a diff file)")
      }
      throw failure("git rev-parse --show-toplevel", result)
    }
    let root = output.trimmingCharacters(in: .newlines)
    guard !root.isEmpty else { throw GitDiffError(.failed, "git rev-parse --show-toplevel printed nothing") }
    return root
  }

  /// The commit `ref` names.
  func commit(of ref: String, in root: String) async throws -> String {
    // A ref starting with `-` would be read as an option; control characters are never in refs.
    guard !ref.isEmpty, !ref.hasPrefix("-"), ref.utf8.count <= 1024,
      !ref.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == " " })
    else {
      throw GitDiffError(.unknownRef, "\(Self.quoted(ref)) is not a valid git ref name")
    }
    let (result, output) = try await run(["rev-parse", "--verify", "--quiet", "\(ref)^{commit}"], in: root)
    let sha = output.trimmingCharacters(in: .whitespacesAndNewlines)
    guard result.succeeded, Self.isObjectName(sha) else {
      if case .timedOut = result.outcome { throw failure("git rev-parse", result) }
      throw GitDiffError(
        .unknownRef,
        "\(Self.quoted(ref)) does not name a commit in this clone; fetch it (e.g. `git fetch origin \(ref)`) "
          + "or check the base ref")
    }
    return sha
  }

  /// The merge base of `base` and HEAD.
  func mergeBase(of base: String, ref: String, in root: String) async throws -> String {
    let (result, output) = try await run(["merge-base", base, "HEAD"], in: root)
    let sha = output.trimmingCharacters(in: .whitespacesAndNewlines)
    if result.succeeded, Self.isObjectName(sha) { return sha }
    // Exit status 1 without a message: no common ancestor among the commits this clone has.
    if result.exitCode == 1 {
      throw GitDiffError(
        .noMergeBase,
        "the merge base of \(Self.quoted(ref)) and HEAD is not in this clone; fetch more history "
          + "(actions/checkout fetch-depth: 0) or pass a diff file")
    }
    throw failure("git merge-base", result)
  }

  /// The diff from `mergeBase` to HEAD, parsed as it streams in.
  func diff(from mergeBase: String, in root: String) async throws -> UnifiedDiff {
    // Flags override whatever the user's config says about prefixes, colours, external diff
    // drivers, text conversion, relative paths, name quoting and the diff algorithm.
    let arguments = [
      // `diff.relative` has no flag before git 2.28; a -c override works on every version.
      "-c", "diff.relative=false", "-c", "core.quotePath=true", "diff", "--unified=0", "-M", "--no-color",
      "--no-ext-diff", "--no-textconv",
      "--diff-algorithm=myers", "--src-prefix=a/", "--dst-prefix=b/", mergeBase, "HEAD", "--",
    ]
    let parser = Locked(ParserState())
    let child = command(arguments, in: root)
    let result = try await Self.launching(child) {
      try await child.run(stopWhen: { parser.withLock { $0.error != nil } }) { line in
        parser.withLock { state in
          guard state.error == nil else { return }
          do throws(UnifiedDiffError) {
            try state.parser.consume(ArraySlice(line.utf8))
          } catch {
            state.error = error
          }
        }
      }
    }
    if let error = parser.withLock({ $0.error }) {
      throw GitDiffError(.unparsableDiff, "git diff's output could not be read: \(error.description)")
    }
    guard result.succeeded else { throw failure("git diff", result) }
    return try parser.withLock { (state) throws(GitDiffError) -> UnifiedDiff in
      do throws(UnifiedDiffError) {
        return try state.parser.finish()
      } catch {
        throw GitDiffError(.unparsableDiff, "git diff's output could not be read: \(error.description)")
      }
    }
  }

  private struct ParserState: Sendable {
    var parser = UnifiedDiffParser(prefixes: .custom(source: "a/", destination: "b/"))
    var error: UnifiedDiffError?
  }

  private func command(_ arguments: [String], in directory: String) -> ChildProcess {
    // No system config, no pager, no prompts, C locale; global config stays (CI puts
    // safe.directory there), its diff settings are overridden by flags.
    let environment: [String: String?] = [
      "GIT_CONFIG_NOSYSTEM": "1", "GIT_PAGER": "cat", "PAGER": "cat", "LC_ALL": "C", "LANGUAGE": nil,
      "GIT_TERMINAL_PROMPT": "0", "GIT_EXTERNAL_DIFF": nil, "GIT_DIFF_OPTS": nil, "GIT_OPTIONAL_LOCKS": "0",
    ]
    var child = ChildProcess(
      executable: executable, arguments: ["--no-pager"] + arguments, environment: environment,
      workingDirectory: directory, timeout: timeout)
    child.watchdog = watchdog
    child.stderrLimit = Self.stderrExcerptLimit * 2
    return child
  }

  private func run(_ arguments: [String], in directory: String) async throws -> (ChildProcessResult, String) {
    let child = command(arguments, in: directory)
    return try await Self.launching(child) { try await child.runCollecting(stdoutLimit: 1 << 20) }
  }

  /// Runs `body`, turning a failure to start git into a ``GitDiffError`` (cancellation passes).
  private static func launching<Result>(
    _ child: ChildProcess, _ body: () async throws -> Result
  ) async throws -> Result {
    do {
      return try await body()
    } catch let error as CancellationError {
      throw error
    } catch {
      throw GitDiffError(.failed, "could not run \(child.commandLine): \(excerpt("\(error)"))")
    }
  }

  private func failure(_ command: String, _ result: ChildProcessResult) -> GitDiffError {
    if case .timedOut = result.outcome {
      return GitDiffError(
        .timedOut, "\(command) did not finish within \(timeout) and was stopped; run it in \(directory) to see why")
    }
    return GitDiffError(.failed, "\(command) failed (\(result.summary)): \(Self.excerpt(result.stderr))")
  }

  /// The head of git's standard error, trimmed and without control characters.
  static func excerpt(_ stderr: String) -> String {
    let trimmed = stderr.trimmingCharacters(in: .whitespacesAndNewlines)
    let head = String(trimmed.prefix(stderrExcerptLimit))
    let clean = String(
      String.UnicodeScalarView(
        head.unicodeScalars.map { $0 == "\n" || $0.properties.generalCategory != .control ? $0 : "?" }))
    return clean.isEmpty ? "no message" : clean + (trimmed.count > stderrExcerptLimit ? " […]" : "")
  }

  private static func quoted(_ ref: String) -> String {
    let head = String(ref.prefix(100))
    let clean = String(
      String.UnicodeScalarView(head.unicodeScalars.map { $0.properties.generalCategory == .control ? "?" : $0 }))
    return "`\(clean)\(ref.count > 100 ? "…" : "")`"
  }

  private static func isObjectName(_ text: String) -> Bool {
    (40...64).contains(text.utf8.count)
      && text.utf8.allSatisfy {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0)
      }
  }
}

/// What ``GitDiff/change(against:)`` found.
public struct GitChange: Sendable, Hashable {
  /// The work tree's top directory.
  public var repositoryRoot: String
  /// The merge base of the base ref and HEAD (a full object name).
  public var mergeBase: String
  /// The diff from the merge base to HEAD.
  public var diff: UnifiedDiff

  /// Creates a change (for callers that got the diff elsewhere, and for tests).
  public init(repositoryRoot: String, mergeBase: String, diff: UnifiedDiff) {
    self.repositoryRoot = repositoryRoot
    self.mergeBase = mergeBase
    self.diff = diff
  }
}
