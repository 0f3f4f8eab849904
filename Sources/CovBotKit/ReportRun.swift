import CovBotSupport
import CovEngine
import Foundation
import GitHub
import Reporters

/// The reports of a run (`covbot gate` and `covbot report`): the base comparison, the files,
/// and inside GitHub Actions the job summary, step outputs and annotations.
///
/// Built before a long measurement, so a bad template directory or base file fails in seconds;
/// the templates and the base are read once and serve every report of the run.
public struct ReportRun: Sendable {
  /// Which files to write.
  public var request: ReportRequest
  /// Head vs base, when a base results file was given.
  public var comparison: BaseComparison?
  /// The Markdown renderer (templates loaded).
  public var markdown: MarkdownReport
  /// The process environment (`GITHUB_ACTIONS`, `GITHUB_OUTPUT`, …).
  public var environment: [String: String]

  /// Loads the templates of `request.templateDirectory` and the base results at `basePath`.
  ///
  /// Throws a usage ``RunFailure`` naming the template or the base file.
  public init(
    request: ReportRequest, basePath: String? = nil, maxDrop: Percent? = nil, environment: [String: String]
  ) throws {
    self.request = request
    self.environment = environment
    do {
      markdown = try MarkdownReport(templateDirectory: request.templateDirectory)
    } catch {
      throw RunFailure(.usage, "\(error)")
    }
    if let basePath {
      do {
        comparison = BaseComparison(base: try ResultsFile.read(from: basePath), maxDrop: maxDrop)
      } catch {
        throw RunFailure(.usage, "--base: \(error)")
      }
    }
  }

  /// `results` compared with the base (threshold diff, max-drop rule), or unchanged without one.
  public func compare(_ results: CovResults) -> CovResults {
    comparison?.compare(results) ?? results
  }

  /// Writes every requested report; in Actions also the step outputs, the job summary and the
  /// annotations, whose workflow commands go to `emit`.
  public func write(_ results: CovResults, emit: (String) -> Void) throws {
    do {
      try ReportWriter(request: request, environment: environment, markdown: markdown, links: links(for: results))
        .write(results, emit: emit)
    } catch let error as TemplateError {
      throw RunFailure(.usage, "\(error)")
    } catch {
      // Unwritable report files or runner files: the machine, not the configuration.
      throw RunFailure(.infrastructure, "\(error)")
    }
  }

  /// What `covbot report` prints.
  public enum Format: String, CaseIterable, Sendable {
    /// The gate table.
    case text
    /// The results file.
    case json
    /// The PR comment.
    case markdown
  }

  /// The text `covbot report` prints for `results`: the whole report, or with `diffOnly` only
  /// the threshold diff (usage failure when the results hold none).
  public func render(
    _ results: CovResults, format: Format, diffOnly: Bool, style: TerminalStyle, source: String,
    showUncovered: Bool = false
  ) throws -> String {
    if diffOnly {
      // The text diff is what changed: the thresholds and the changed lines' coverage.
      if format == .text, results.diff == nil, let patch = results.patch {
        return TerminalTable.patchLines(patch, style: style, showUncovered: showUncovered)
      }
      guard let thresholdDiff = results.diff else {
        throw RunFailure(
          .usage, "--diff: \(source) holds no threshold diff. Pass --base FILE with the base branch's results.")
      }
      switch format {
      case .text:
        let patch = results.patch.map {
          "\n" + TerminalTable.patchLines($0, style: style, showUncovered: showUncovered)
        }
        return ThresholdDiffText.render(thresholdDiff, style: style) + (patch ?? "")
      case .json: return try Self.json(thresholdDiff)
      case .markdown: return try rendering { try markdown.thresholdDiff(for: results) }
      }
    }
    switch format {
    case .text:
      return TerminalTable.render(results, style: style, showUncovered: showUncovered)
    case .json:
      do {
        return String(decoding: try ResultsFile.encode(results), as: UTF8.self)
      } catch {
        throw RunFailure(.usage, "cannot encode the results as JSON: \(error)")
      }
    case .markdown:
      let runURL = GitHubActionsOutput(environment: environment).runURL
      return try rendering {
        try markdown.comment(
          for: results, runURL: runURL, commentKey: MarkdownReport.defaultCommentKey, links: links(for: results))
      }
    }
  }

  /// Links into the repository at the pull request's head (else the results' commit), when the
  /// runner names the server and repository; a payload that cannot be read only costs the links.
  func links(for results: CovResults) -> SourceLinks? {
    let runner = ActionsEnvironment(environment)
    guard runner.isActions, let context = try? GitHubContext(actions: runner), let repository = context.repository,
      let commit = context.headSHA ?? results.commit
    else { return nil }
    return SourceLinks(serverURL: context.serverURL, repository: repository.description, commit: commit)
  }

  private func rendering(_ body: () throws -> String) throws -> String {
    do {
      return try body()
    } catch {
      throw RunFailure(.usage, "\(error)")
    }
  }

  private static func json(_ diff: ThresholdDiff) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    do {
      return String(decoding: try encoder.encode(diff), as: UTF8.self) + "\n"
    } catch {
      throw RunFailure(.usage, "cannot encode the threshold diff as JSON: \(error)")
    }
  }
}
