import CovEngine
import Foundation

/// Whether and how to colour terminal output: only on a terminal, never with `NO_COLOR`.
public struct TerminalStyle: Sendable {
  /// Whether ANSI colours are used.
  public var colors: Bool

  /// Colours only when `fileDescriptor` is a terminal and `NO_COLOR` is unset or empty.
  public static func detect(fileDescriptor: Int32, environment: [String: String]) -> TerminalStyle {
    let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
    let dumb = environment["TERM"] == "dumb"
    return TerminalStyle(colors: isatty(fileDescriptor) == 1 && !noColor && !dumb)
  }

  /// Creates a style.
  public init(colors: Bool) {
    self.colors = colors
  }

  /// No colours.
  public static let plain = TerminalStyle(colors: false)

  func paint(_ text: String, _ code: String) -> String {
    colors ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }

  func status(_ status: PackageStatusLabel) -> String {
    let code =
      switch status.status {
      case .pass: "32"
      case .fail, .testFail, .buildFail: "1;31"
      case .loose: "33"
      case .skipped, .noStatements: "2"
      }
    return paint(status.padded, code)
  }

  func dim(_ text: String) -> String { paint(text, "2") }
  func bold(_ text: String) -> String { paint(text, "1") }
}
