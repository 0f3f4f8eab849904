import Foundation

/// GitHub Actions workflow commands (`::error file=…::message`), escaped as the runner expects.
public enum WorkflowCommands {
  /// GitHub shows at most this many annotations of each level per step.
  public static let shownPerLevel = 10

  /// The command lines for `annotations` (already most important first): at most
  /// ``shownPerLevel`` errors and warnings each, then one notice saying how many were left out.
  public static func lines(for annotations: [ReportAnnotation]) -> [String] {
    var shown: [ReportAnnotation.Level: Int] = [:]
    var leftOut: [ReportAnnotation.Level: Int] = [:]
    var lines: [String] = []
    for annotation in annotations {
      if shown[annotation.level, default: 0] < shownPerLevel {
        shown[annotation.level, default: 0] += 1
        lines.append(command(for: annotation))
      } else {
        leftOut[annotation.level, default: 0] += 1
      }
    }
    let parts = [(ReportAnnotation.Level.failure, "error"), (.warning, "warning"), (.notice, "notice")]
      .compactMap { level, name -> String? in
        guard let count = leftOut[level], count > 0 else { return nil }
        return MarkdownText.plural(count, "more \(name)")
      }
    if !parts.isEmpty {
      lines.append(
        "::notice title=covbot::\(escapeData(parts.joined(separator: " and "))) not shown "
          + "(GitHub shows \(shownPerLevel) of each per step): see the job summary")
    }
    return lines
  }

  /// `text` between `::stop-commands::<token>` and `::<token>::` when `enabled`, so that nothing
  /// in it is run as a workflow command; the token is random for every call, so the text cannot
  /// end the fence early.
  public static func fenced(_ text: String, enabled: Bool) -> String {
    guard enabled, !text.isEmpty else { return text }
    let token = (0..<4).map { _ in String(UInt32.random(in: .min ... .max), radix: 16) }.joined()
    let body = text.hasSuffix("\n") ? text : text + "\n"
    return "::stop-commands::\(token)\n" + body + "::\(token)::\n"
  }

  /// `::error file=path,line=1,endLine=1,title=…::message`.
  public static func command(for annotation: ReportAnnotation) -> String {
    let name =
      switch annotation.level {
      case .failure: "error"
      case .warning: "warning"
      case .notice: "notice"
      }
    let properties = [
      "file=\(escapeProperty(annotation.path))",
      "line=\(annotation.startLine)",
      "endLine=\(annotation.endLine)",
      "title=\(escapeProperty(annotation.title))",
    ]
    return "::\(name) \(properties.joined(separator: ","))::\(escapeData(annotation.message))"
  }

  /// A command's message: `%` → `%25`, CR → `%0D`, LF → `%0A`; colour codes and other control characters go.
  public static func escapeData(_ text: String) -> String {
    var result = ""
    for scalar in MarkdownText.plain(text).unicodeScalars {
      switch scalar {
      case "%": result += "%25"
      case "\r": result += "%0D"
      case "\n": result += "%0A"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// A property value: as ``escapeData(_:)``, and also `:` → `%3A`, `,` → `%2C`.
  public static func escapeProperty(_ text: String) -> String {
    escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
  }
}
