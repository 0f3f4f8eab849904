import CovEngine

/// Links to files at one commit on GitHub: `SERVER/OWNER/NAME/blob/SHA/PATH#L12-L14`.
///
/// Built from what the runner or the flags say (server, repository, the pull request's head
/// commit); paths come from a results file that may be hostile, so each path segment is
/// percent-encoded and nothing in a path can end the link, add a query or jump to another page.
public struct SourceLinks: Sendable, Hashable {
  /// The web server, `https://github.com` or a GitHub Enterprise host, without a trailing slash.
  public let serverURL: String
  /// `OWNER/NAME`.
  public let repository: String
  /// The full commit SHA the links point at.
  public let commit: String

  /// Links into `repository` at `commit`; `nil` unless the server is an http(s) URL, the repository
  /// is `OWNER/NAME` and the commit a full hexadecimal SHA (a branch name could move under the link).
  public init?(serverURL: String, repository: String, commit: String) {
    var server = serverURL
    while server.hasSuffix("/") { server.removeLast() }
    guard server.hasPrefix("https://") || server.hasPrefix("http://"),
      !server.unicodeScalars.contains(where: Self.breaksLink)
    else { return nil }
    let parts = repository.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, parts.allSatisfy(Self.isNamePart) else { return nil }
    // ASCII only: Character.isHexDigit also accepts full-width digits.
    guard commit.utf8.count == 40 || commit.utf8.count == 64,
      commit.unicodeScalars.allSatisfy({ $0.isASCII && $0.properties.isASCIIHexDigit })
    else { return nil }
    self.serverURL = server
    self.repository = repository
    self.commit = commit.lowercased()
  }

  /// The page of `path` (repository-relative) at the commit, anchored at `lines` when given.
  public func url(path: String, lines: LineRange? = nil) -> String {
    let encoded = path.split(separator: "/", omittingEmptySubsequences: true).map(Self.encodeSegment)
    var url = "\(serverURL)/\(repository)/blob/\(commit)/" + encoded.joined(separator: "/")
    if let lines {
      url += lines.start == lines.end ? "#L\(lines.start)" : "#L\(lines.start)-L\(lines.end)"
    }
    return url
  }

  /// A scalar that would end or break a Markdown link destination.
  private static func breaksLink(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value <= 0x20 || scalar.value == 0x7F || "()<>\"`|[]\\".unicodeScalars.contains(scalar)
  }

  /// An owner or repository name as GitHub allows them: ASCII letters, digits, `-`, `_` and `.`.
  private static func isNamePart(_ part: Substring) -> Bool {
    part != "." && part != ".." && !part.isEmpty
      && part.unicodeScalars.allSatisfy { scalar in
        scalar.isASCII
          && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_.".unicodeScalars.contains(scalar))
      }
  }

  /// Percent-encodes everything but RFC 3986's unreserved characters (UTF-8 bytes).
  static func encodeSegment(_ segment: Substring) -> String {
    var result = ""
    for byte in segment.utf8 {
      switch byte {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
        UInt8(ascii: "~"):
        result.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        let hex = String(byte, radix: 16, uppercase: true)
        result += "%" + (hex.count == 1 ? "0" + hex : hex)
      }
    }
    return result
  }
}
