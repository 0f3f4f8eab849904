import Foundation

/// A completed check run to publish, with any number of annotations.
public struct CheckRunPublication: Sendable, Hashable {
  /// The check's name.
  public var name: String
  /// The commit to attach it to.
  public var headSHA: String
  /// How it ended.
  public var conclusion: CheckConclusion
  /// The title (one line).
  public var title: String
  /// The Markdown summary; truncated to 65,535 characters with a note.
  public var summary: String
  /// Optional Markdown details; truncated likewise.
  public var text: String?
  /// The annotations; sent 50 per request.
  public var annotations: [CheckAnnotation]
  /// A link to the run's details (the workflow run).
  public var detailsURL: String?
  /// A reference that identifies this publication, used to find the run again after a doubtful create.
  public var externalID: String

  /// Creates a publication; `externalID` defaults to a fresh UUID.
  public init(
    name: String, headSHA: String, conclusion: CheckConclusion, title: String, summary: String,
    text: String? = nil, annotations: [CheckAnnotation] = [], detailsURL: String? = nil,
    externalID: String = UUID().uuidString
  ) {
    self.name = name
    self.headSHA = headSHA
    self.conclusion = conclusion
    self.title = title
    self.summary = summary
    self.text = text
    self.annotations = annotations
    self.detailsURL = detailsURL
    self.externalID = externalID
  }
}

/// What ``GitHubClient/publishCheckRun(_:in:)`` did.
public struct CheckRunOutcome: Sendable, Hashable {
  /// The check run after the last request.
  public var checkRun: CheckRun
  /// Requests made: one create plus one update per further batch of annotations.
  public var requests: Int
  /// Whether the summary or text had to be cut to fit.
  public var truncated: Bool
}

extension GitHubClient {
  /// The most annotations one check-run request may carry.
  public static let annotationsPerRequest = 50
  /// GitHub's limit on a check run's summary and text.
  public static let checkRunTextLimit = 65_535
  /// GitHub's limit on an annotation's message.
  public static let annotationMessageLimit = 65_535

  /// The note that ends a summary cut to fit.
  static let truncationNote = "\n\n… (truncated to fit GitHub's limit; the job summary has the full report)"

  /// Publishes a completed check run: created with the first 50 annotations, then updated with each
  /// further 50 (GitHub appends them).
  public func publishCheckRun(
    _ publication: CheckRunPublication, in repository: RepositoryID
  ) async throws(GitHubError) -> CheckRunOutcome {
    let summary = TextLimit.truncate(publication.summary, to: Self.checkRunTextLimit, suffix: Self.truncationNote)
    let text = publication.text.map {
      TextLimit.truncate($0, to: Self.checkRunTextLimit, suffix: Self.truncationNote)
    }
    let truncated = summary != publication.summary || text != publication.text
    let annotations = publication.annotations.map { annotation in
      var annotation = annotation
      annotation.message = TextLimit.truncate(annotation.message, to: Self.annotationMessageLimit)
      return annotation
    }
    let batches = stride(from: 0, to: annotations.count, by: Self.annotationsPerRequest).map {
      Array(annotations[$0..<min($0 + Self.annotationsPerRequest, annotations.count)])
    }
    func output(_ batch: [CheckAnnotation]?) -> CheckRunRequest.Output {
      CheckRunRequest.Output(title: publication.title, summary: summary, text: text, annotations: batch)
    }
    let now = Date()
    var run = try await createCheckRun(
      in: repository,
      CheckRunRequest(
        name: publication.name, headSHA: publication.headSHA, detailsURL: publication.detailsURL,
        externalID: publication.externalID, status: .completed, startedAt: now, conclusion: publication.conclusion,
        completedAt: now, output: output(batches.first)))
    var requests = 1
    for batch in batches.dropFirst() {
      run = try await updateCheckRun(
        run.id, in: repository, CheckRunRequest(output: output(batch)),
        expectedAnnotations: run.output.annotationsCount)
      requests += 1
    }
    return CheckRunOutcome(checkRun: run, requests: requests, truncated: truncated)
  }
}
