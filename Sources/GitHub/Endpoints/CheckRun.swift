import Foundation

/// Where a check run is in its life.
public enum CheckRunStatus: String, Sendable, Hashable, Codable, CaseIterable {
  case queued
  case inProgress = "in_progress"
  case completed, waiting, requested, pending
}

/// How a completed check run ended.
public enum CheckConclusion: String, Sendable, Hashable, Codable, CaseIterable {
  case actionRequired = "action_required"
  case cancelled, failure, neutral, success, skipped, stale
  case timedOut = "timed_out"
}

/// A check run as GitHub returns it.
public struct CheckRun: Sendable, Hashable, Codable {
  /// What GitHub keeps of the run's output.
  public struct Output: Sendable, Hashable, Codable {
    /// The title.
    public var title: String?
    /// The Markdown summary.
    public var summary: String?
    /// The Markdown details.
    public var text: String?
    /// How many annotations the run holds (every update appends).
    public var annotationsCount: Int

    enum CodingKeys: String, CodingKey {
      case title, summary, text
      case annotationsCount = "annotations_count"
    }
  }

  /// The check run id.
  public var id: Int64
  /// The check's name.
  public var name: String
  /// The commit checked.
  public var headSHA: String
  /// Where the run is in its life.
  public var status: CheckRunStatus
  /// How it ended, once completed.
  public var conclusion: CheckConclusion?
  /// The run's page.
  public var htmlURL: String?
  /// The integrator's page for the run.
  public var detailsURL: String?
  /// The integrator's reference for the run.
  public var externalID: String?
  /// The output.
  public var output: Output

  enum CodingKeys: String, CodingKey {
    case id, name, status, conclusion, output
    case headSHA = "head_sha"
    case htmlURL = "html_url"
    case detailsURL = "details_url"
    case externalID = "external_id"
  }
}

/// A finding pinned to lines of a file, shown in the pull request's diff.
public struct CheckAnnotation: Sendable, Hashable, Codable {
  /// How serious the finding is.
  public enum Level: String, Sendable, Hashable, Codable, CaseIterable {
    case notice, warning, failure
  }

  /// The file, relative to the repository root.
  public var path: String
  /// First line (1-based).
  public var startLine: Int
  /// Last line (1-based).
  public var endLine: Int
  /// How serious the finding is.
  public var level: Level
  /// The message (at most 64 KB).
  public var message: String
  /// A short title.
  public var title: String?
  /// Details shown folded.
  public var rawDetails: String?

  /// Creates an annotation.
  public init(
    path: String, startLine: Int, endLine: Int, level: Level, message: String, title: String? = nil,
    rawDetails: String? = nil
  ) {
    self.path = path
    self.startLine = startLine
    self.endLine = endLine
    self.level = level
    self.message = message
    self.title = title
    self.rawDetails = rawDetails
  }

  enum CodingKeys: String, CodingKey {
    case path, message, title
    case startLine = "start_line"
    case endLine = "end_line"
    case level = "annotation_level"
    case rawDetails = "raw_details"
  }
}

/// The body of a check-run create or update; `nil` fields are left out.
public struct CheckRunRequest: Sendable, Hashable, Encodable {
  /// The output part of a request.
  public struct Output: Sendable, Hashable, Encodable {
    /// The title.
    public var title: String
    /// The Markdown summary (at most 65,535 characters).
    public var summary: String
    /// The Markdown details (at most 65,535 characters).
    public var text: String?
    /// At most 50 annotations; an update appends them to the run's.
    public var annotations: [CheckAnnotation]?

    /// Creates an output.
    public init(title: String, summary: String, text: String? = nil, annotations: [CheckAnnotation]? = nil) {
      self.title = title
      self.summary = summary
      self.text = text
      self.annotations = annotations
    }
  }

  /// The check's name (required to create).
  public var name: String?
  /// The commit (required to create).
  public var headSHA: String?
  /// The integrator's page for the run.
  public var detailsURL: String?
  /// The integrator's reference for the run.
  public var externalID: String?
  /// Where the run is in its life.
  public var status: CheckRunStatus?
  /// When it started.
  public var startedAt: Date?
  /// How it ended (sets `status` to completed).
  public var conclusion: CheckConclusion?
  /// When it completed.
  public var completedAt: Date?
  /// The output.
  public var output: Output?

  /// Creates a request.
  public init(
    name: String? = nil, headSHA: String? = nil, detailsURL: String? = nil, externalID: String? = nil,
    status: CheckRunStatus? = nil, startedAt: Date? = nil, conclusion: CheckConclusion? = nil,
    completedAt: Date? = nil, output: Output? = nil
  ) {
    self.name = name
    self.headSHA = headSHA
    self.detailsURL = detailsURL
    self.externalID = externalID
    self.status = status
    self.startedAt = startedAt
    self.conclusion = conclusion
    self.completedAt = completedAt
    self.output = output
  }

  enum CodingKeys: String, CodingKey {
    case name, status, conclusion, output
    case headSHA = "head_sha"
    case detailsURL = "details_url"
    case externalID = "external_id"
    case startedAt = "started_at"
    case completedAt = "completed_at"
  }
}
