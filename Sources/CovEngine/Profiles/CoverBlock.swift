/// One coverprofile block: a source range, its statement count and its execution count.
///
/// Positions are 1-based as Go writes them; the end column is exclusive.
public struct CoverBlock: Sendable, Hashable {
  /// The line the block starts on.
  public var startLine: Int
  /// The column the block starts at.
  public var startColumn: Int
  /// The line the block ends on.
  public var endLine: Int
  /// The column just past the block's last character.
  public var endColumn: Int
  /// The statements in the block.
  public var statements: Int
  /// How often the block ran (1 or 0 in `set` mode).
  public var count: Int64

  /// Creates a block.
  public init(startLine: Int, startColumn: Int, endLine: Int, endColumn: Int, statements: Int, count: Int64) {
    self.startLine = startLine
    self.startColumn = startColumn
    self.endLine = endLine
    self.endColumn = endColumn
    self.statements = statements
    self.count = count
  }

  /// The lines the block spans, or `nil` when it spans none.
  ///
  /// A block `L1.C1,L2.C2` spans line L when L1 ≤ L and (L < L2, or L = L2 and C2 > 1): the end
  /// column is exclusive, so a block ending at column 1 does not reach into that line.
  public var spannedLines: ClosedRange<Int>? {
    // Checked first so that `endLine - 1` cannot overflow, whatever a caller built.
    guard startLine >= 1, endLine >= startLine else { return nil }
    let last = endColumn > 1 ? endLine : endLine - 1
    return last >= startLine ? startLine...last : nil
  }
}
