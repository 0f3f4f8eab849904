import CovBotSupport
import Foundation

/// What a gate run is asked about the lines a change touched.
public struct PatchRequest: Sendable {
  /// Where the change comes from.
  public enum Source: Sendable, Hashable {
    /// The three-dot diff from the merge base of this revision to HEAD, computed with git.
    case gitBase(String)
    /// A unified diff in a file (`git diff` output, or a pull request's diff from GitHub).
    case diffFile(String)
  }

  /// Where the change comes from.
  public var source: Source
  /// Below this patch coverage the gate fails; without it the figure is information only.
  public var floor: Percent?
  /// When the change cannot be had (a shallow clone without the base), go on without a patch
  /// figure instead of failing: for `--patch-base auto`.
  public var optional: Bool
  /// Where else to get the change as a unified diff when git cannot give it (the base commit is
  /// not in a shallow clone): the pull request's diff from the hosting service.
  public var fallbackDiff: (@Sendable () async throws -> String)?

  /// Asks for the patch coverage of `source`, gated against `floor` when one is given.
  public init(
    source: Source, floor: Percent? = nil, optional: Bool = false,
    fallbackDiff: (@Sendable () async throws -> String)? = nil
  ) {
    self.source = source
    self.floor = floor
    self.optional = optional
    self.fallbackDiff = fallbackDiff
  }
}

/// The changed lines a gate run measures patch coverage on, resolved before the measurement.
struct PatchPlan: Sendable {
  /// The base commit (the merge base), when git gave it.
  var base: String?
  /// The changed lines of the measured module's non-test, non-generated Go files.
  var changed: ChangedLines
  /// The measured module, placed in the repository.
  var modules: [GoModuleLocation]
  /// The changed files' profile names (`example.com/m/pkg/a.go`), the blocks runners keep.
  var profileNames: Set<String>

  /// Resolves `request` for the module at `moduleDirectory` (import path `modulePath`).
  static func resolve(
    _ request: PatchRequest, modulePath: String, moduleDirectory: String, watchdog: ProcessGroupWatchdog?
  ) async throws -> PatchPlan {
    var git = try? GitDiff.locate(in: moduleDirectory)
    git?.watchdog = watchdog
    let base: String?
    let diff: UnifiedDiff
    let repositoryRoot: String
    switch request.source {
    case .gitBase(let ref):
      guard let git else {
        throw GitDiffError(.gitNotFound, "git not found on PATH; --patch-base needs git (or pass --patch-diff FILE)")
      }
      do {
        let change = try await git.change(against: ref)
        base = change.mergeBase
        diff = change.diff
        repositoryRoot = change.repositoryRoot
      } catch let gitError as GitDiffError where gitError.isUsage || gitError.kind == .unparsableDiff {
        guard let fallback = request.fallbackDiff else { throw gitError }
        let text: String
        do {
          text = try await fallback()
        } catch {
          throw PatchUnavailableError(reason: "\(gitError); the pull request's diff cannot be had either: \(error)")
        }
        do {
          diff = try UnifiedDiff.parse(text)
        } catch {
          throw PatchUnavailableError(reason: "\(gitError); the pull request's diff cannot be read: \(error)")
        }
        // The diff's base is the merge base GitHub computed, which this clone does not hold.
        base = nil
        repositoryRoot = (try? await git.repositoryRoot()) ?? moduleDirectory
      }
    case .diffFile(let path):
      let text = try Self.readDiff(at: path)
      do {
        diff = try UnifiedDiff.parse(text)
      } catch {
        throw PatchInputError(path: path, reason: "\(error)")
      }
      base = nil
      // Without git the module root stands for the repository root.
      repositoryRoot = (try? await git?.repositoryRoot()) ?? moduleDirectory
    }
    let module = GoModuleLocation(
      modulePath: modulePath, directory: Self.relative(moduleDirectory, to: repositoryRoot))
    let changed = ChangedLines(diff: diff).restricted(
      to: [module], readHead: ChangedLines.workingTreeReader(root: repositoryRoot))
    let names = Set(changed.paths.compactMap { module.profileName(ofRepositoryPath: $0) })
    return PatchPlan(base: base, changed: changed, modules: [module], profileNames: names)
  }

  /// The largest diff read: far beyond any reviewable change, small enough that `/dev/zero` or a
  /// runaway pipe ends in an error instead of exhausting memory.
  static let maxDiffBytes = 128 << 20

  /// Reads a diff file (or a pipe, as `<(git diff …)` gives), bounded by ``maxDiffBytes``.
  static func readDiff(at path: String) throws -> String {
    let handle: FileHandle
    do {
      handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
    } catch {
      throw PatchInputError(
        path: path,
        reason: "cannot read the file (\((error as NSError).localizedFailureReason ?? "\(error)")); pass a "
          + "unified diff (`git diff BASE...HEAD` output, or a pull request's .diff)")
    }
    defer { try? handle.close() }
    var data = Data()
    do {
      while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
        data.append(chunk)
        guard data.count <= maxDiffBytes else {
          throw PatchInputError(path: path, reason: "larger than \(maxDiffBytes >> 20) MiB; not a reviewable change")
        }
      }
    } catch let error as PatchInputError {
      throw error
    } catch {
      throw PatchInputError(path: path, reason: "cannot read the file (\(error))")
    }
    return String(decoding: data, as: UTF8.self)
  }

  /// The plan without the files of `excluded` packages (import paths): they are not gated.
  func excluding(packages excluded: Set<String>) -> PatchPlan {
    guard !excluded.isEmpty else { return self }
    var copy = self
    let kept = changed.files.filter { path, _ in
      guard let name = modules.first?.profileName(ofRepositoryPath: path) else { return true }
      return !excluded.contains(Self.directory(of: name))
    }
    copy.changed = ChangedLines(files: kept)
    copy.profileNames = Set(copy.changed.paths.compactMap { modules.first?.profileName(ofRepositoryPath: $0) })
    return copy
  }

  /// `example.com/m/pkg` of `example.com/m/pkg/a.go`.
  static func directory(of profileName: String) -> String {
    profileName.lastIndex(of: "/").map { String(profileName[..<$0]) } ?? ""
  }

  static func relative(_ path: String, to root: String) -> String {
    let path = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    let root = URL(fileURLWithPath: root).standardizedFileURL.resolvingSymlinksInPath().path
    if path == root { return "" }
    return path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : ""
  }
}

/// Git could not give the change and neither could the fallback diff: for an optional request,
/// the gate goes on without a patch figure.
struct PatchUnavailableError: Error, Sendable, CustomStringConvertible {
  var reason: String
  var description: String { reason }
}

/// The diff given for patch coverage cannot be used.
public struct PatchInputError: Error, Sendable, CustomStringConvertible {
  /// The diff file.
  public var path: String
  /// What is wrong with it.
  public var reason: String

  public var description: String { "--patch-diff \(path): \(reason)" }
}
