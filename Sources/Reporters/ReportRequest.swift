/// Which reports to write, as the `--junit`, `--markdown`, `--summary` … flags ask.
public struct ReportRequest: Sendable, Hashable {
  /// `--junit FILE`: JUnit XML.
  public var junitPath: String?
  /// `--junit-tests`: add the go tests themselves to the JUnit XML.
  public var junitTests: Bool
  /// `--markdown FILE`: the PR comment.
  public var markdownPath: String?
  /// `--summary FILE`: the job summary.
  public var summaryPath: String?
  /// `--template-dir DIR`: templates overriding the bundled ones.
  public var templateDirectory: String?
  /// The sticky comment's key, for the marker line in `--markdown`.
  public var commentKey: String

  /// Creates a request; by default nothing is written.
  public init(
    junitPath: String? = nil, junitTests: Bool = false, markdownPath: String? = nil, summaryPath: String? = nil,
    templateDirectory: String? = nil, commentKey: String = MarkdownReport.defaultCommentKey
  ) {
    self.junitPath = junitPath
    self.junitTests = junitTests
    self.markdownPath = markdownPath
    self.summaryPath = summaryPath
    self.templateDirectory = templateDirectory
    self.commentKey = commentKey
  }
}
