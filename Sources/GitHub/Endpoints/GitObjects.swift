import Foundation

/// A reference such as `refs/heads/main`.
public struct GitReference: Sendable, Hashable, Codable {
  /// The object a reference points to.
  public struct Target: Sendable, Hashable, Codable {
    /// The object's SHA.
    public var sha: String
    /// `commit`, `tag`, …
    public var type: String
  }

  /// The fully qualified name, e.g. `refs/heads/main`.
  public var ref: String
  /// The object it points to.
  public var object: Target
}

/// A blob GitHub stored.
public struct GitBlob: Sendable, Hashable, Codable {
  /// The blob's SHA.
  public var sha: String
}

/// The mode of a tree entry.
public enum GitFileMode: String, Sendable, Hashable, Codable, CaseIterable {
  case file = "100644"
  case executable = "100755"
  case directory = "040000"
  case submodule = "160000"
  case symlink = "120000"
}

/// The type of a Git object.
public enum GitObjectType: String, Sendable, Hashable, Codable, CaseIterable {
  case blob, tree, commit
}

/// One entry of a tree to create: a file with new content, an existing object, or a deletion.
public struct GitTreeEntry: Sendable, Hashable, Encodable {
  /// The path, relative to the tree.
  public var path: String
  /// The mode.
  public var mode: GitFileMode
  /// The object type.
  public var type: GitObjectType
  /// An existing object's SHA; `nil` with no `content` deletes the path.
  public var sha: String?
  /// New file content (GitHub stores the blob).
  public var content: String?

  /// A file with new UTF-8 `content`.
  public static func file(_ path: String, content: String, mode: GitFileMode = .file) -> GitTreeEntry {
    GitTreeEntry(path: path, mode: mode, type: .blob, sha: nil, content: content)
  }

  /// A file whose content is the existing blob `sha`.
  public static func blob(_ path: String, sha: String, mode: GitFileMode = .file) -> GitTreeEntry {
    GitTreeEntry(path: path, mode: mode, type: .blob, sha: sha, content: nil)
  }

  /// Deletes `path` from the base tree.
  public static func delete(_ path: String) -> GitTreeEntry {
    GitTreeEntry(path: path, mode: .file, type: .blob, sha: nil, content: nil)
  }

  enum CodingKeys: String, CodingKey {
    case path, mode, type, sha, content
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(path, forKey: .path)
    try container.encode(mode, forKey: .mode)
    try container.encode(type, forKey: .type)
    if let content {
      try container.encode(content, forKey: .content)
    } else {
      // An explicit null is how GitHub is told to delete the path.
      try container.encode(sha, forKey: .sha)
    }
  }
}

/// A tree GitHub stored.
public struct GitTree: Sendable, Hashable, Codable {
  /// One entry of a stored tree.
  public struct Item: Sendable, Hashable, Codable {
    /// The path.
    public var path: String
    /// The mode (`100644`, `040000`, …).
    public var mode: String
    /// `blob`, `tree` or `commit`.
    public var type: String
    /// The object's SHA.
    public var sha: String
  }

  /// The tree's SHA.
  public var sha: String
  /// The entries.
  public var tree: [Item]
  /// Whether GitHub left entries out.
  public var truncated: Bool?
}

/// Who wrote or committed a commit, and when.
public struct GitSignature: Sendable, Hashable, Codable {
  /// The name.
  public var name: String
  /// The e-mail address.
  public var email: String
  /// When (GitHub's time when omitted).
  public var date: Date?

  /// Creates a signature.
  public init(name: String, email: String, date: Date? = nil) {
    self.name = name
    self.email = email
    self.date = date
  }
}

/// A commit object.
public struct GitCommit: Sendable, Hashable, Codable {
  /// A pointer to another object.
  public struct Pointer: Sendable, Hashable, Codable {
    /// The object's SHA.
    public var sha: String
  }

  /// The commit's SHA.
  public var sha: String
  /// The message.
  public var message: String
  /// The commit's tree.
  public var tree: Pointer
  /// The parents.
  public var parents: [Pointer]
  /// The author.
  public var author: GitSignature?
  /// The committer.
  public var committer: GitSignature?
  /// The commit's page.
  public var htmlURL: String?

  enum CodingKeys: String, CodingKey {
    case sha, message, tree, parents, author, committer
    case htmlURL = "html_url"
  }
}
