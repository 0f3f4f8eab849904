import CovBotSupport

/// A checksum of the templates compiled into this binary, to tell which `templates/` it was built from.
///
/// The digest is SHA-256 over every bundled template's text, in byte order of the template names, with
/// nothing between them: the same bytes as `LC_ALL=C cat templates/*.mustache | sha256sum` in the
/// source tree it was built from.
public enum BundledTemplatesDigest {
  /// 64 lowercase hex digits.
  public static let sha256: String = {
    var digest = SHA256Digest()
    // Sorted as the shell sorts the file names (`name.mustache`) under LC_ALL=C.
    let files = BundledTemplates.all.keys.map { $0 + "." + TemplateLibrary.fileExtension }
    for file in files.sorted(by: { Array($0.utf8).lexicographicallyPrecedes($1.utf8) }) {
      let name = String(file.dropLast(TemplateLibrary.fileExtension.count + 1))
      digest.update(BundledTemplates.all[name, default: ""].utf8)
    }
    return digest.finalizeHex()
  }()

  /// How many templates are compiled in.
  public static var count: Int { BundledTemplates.all.count }
}
