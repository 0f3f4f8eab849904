import Foundation

#if canImport(Glibc)
import Glibc

/// `write(2)`, named apart from ``AtomicFile/write(_:to:)``.
private let posixWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin

private let posixWrite = Darwin.write
#endif

/// Writes output files so that a reader never sees half a file and nothing but the file's content changes.
///
/// What happens depends on what `path` names:
/// - a regular file or nothing: a temporary file in the same directory, then `rename(2)`; an existing
///   file keeps its permission bits (and its owner, when covbot may set it); a new file is created
///   with mode 0644 minus the umask. Missing parent directories are created.
/// - a symbolic link (or a chain of them): the same, done to the link's final target in the target's
///   directory, so the link stays a link and every path that shares the target sees the new content.
///   A link whose target does not exist creates that target, as `cp` does (its directory must exist).
/// - a character or block device, a FIFO or a socket (`/dev/null`, `/dev/stdout`, a pipe): written
///   into directly with `open(O_WRONLY)`, never truncated, replaced or renamed over. Opening a FIFO
///   waits for a reader, as a shell redirection does. A regular file reached through a descriptor
///   path (`/dev/stdout` redirected to a file, `/dev/fd/N`, `/proc/self/fd/N`) is appended to the
///   same way.
/// - a directory: an error naming it.
///
/// Every failure names the file and carries the system's reason (`No space left on device`); a
/// temporary file is removed when anything fails.
public enum AtomicFile {
  /// Permission bits of a new file, before the umask: what `touch` or a shell redirection gives.
  static let newFileMode: mode_t = 0o644
  /// Symbolic links followed before giving up (Linux's own limit is 40).
  static let maxLinkHops = 40

  /// Writes `data` to `path` as described on ``AtomicFile``.
  public static func write(_ data: Data, to path: String) throws(FileWriteError) {
    switch try destination(of: path) {
    case .directory(let target):
      throw FileWriteError(
        path: path, reason: target == path ? "it is a directory" : "it leads to the directory \(target)",
        advice: "Give a file name, e.g. \((path as NSString).appendingPathComponent("out.txt")).")
    case .special(let kind, let append):
      try writeInPlace(data, to: path, kind: kind, append: append)
    case .regular(let target, let mode, let owner):
      try replace(target, with: data, mode: mode, owner: owner, reportedAs: path, createDirectories: false)
    case .missing(let target, let viaLink):
      try replace(target, with: data, mode: nil, owner: nil, reportedAs: path, createDirectories: !viaLink)
    }
  }

  /// Replaces (or creates) `path` with the UTF-8 bytes of `text`.
  public static func write(_ text: String, to path: String) throws(FileWriteError) {
    try write(Data(text.utf8), to: path)
  }

  /// What a path names once symbolic links are followed.
  enum Destination {
    /// An existing regular file (the final target of any links), its permission bits and owner.
    case regular(target: String, mode: mode_t, owner: (uid: uid_t, gid: gid_t))
    /// Nothing exists at `target` yet; `viaLink` when `target` is where a dangling link points.
    case missing(target: String, viaLink: Bool)
    /// A directory.
    case directory(target: String)
    /// A device, FIFO or socket (or a file held open by the process), written in place, at its
    /// end with `append`; `kind` names it for errors.
    case special(kind: String, append: Bool)
  }

  /// Follows `path` to what a write should change.
  static func destination(of path: String) throws(FileWriteError) -> Destination {
    var info = stat()
    // stat(2) follows links the way open(2) would, including /proc's magic links (/dev/stdout,
    // /dev/fd/N): a pipe or terminal behind one is written in place, never resolved to a path.
    if stat(path, &info) == 0 {
      switch info.st_mode & S_IFMT {
      case S_IFREG where isDescriptorPath(path):
        // /dev/stdout or /proc/self/fd/N redirected to a file: a shell or covbot itself holds that
        // file open, so replacing it would send everything written later to an unlinked inode.
        return .special(kind: "file behind \(path)", append: true)
      case S_IFREG:
        guard let resolved = realpath(path, nil) else {
          throw FileWriteError(path: path, reason: "cannot resolve its links: \(errnoText())")
        }
        defer { free(resolved) }
        return .regular(
          target: String(cString: resolved), mode: info.st_mode & 0o7777, owner: (info.st_uid, info.st_gid))
      case S_IFDIR:
        let resolved = realpath(path, nil)
        defer { free(resolved) }
        return .directory(target: resolved.map { String(cString: $0) } ?? path)
      case S_IFCHR: return .special(kind: "character device", append: false)
      case S_IFBLK: return .special(kind: "block device", append: false)
      case S_IFIFO: return .special(kind: "FIFO", append: false)
      case S_IFSOCK: return .special(kind: "socket", append: false)
      default: return .special(kind: "special file", append: false)
      }
    }
    let statError = errno
    guard statError == ENOENT else {
      throw FileWriteError(path: path, reason: "cannot inspect it: \(errnoText(statError))")
    }
    return try danglingTarget(of: path)
  }

  /// `/dev/stdout`, `/dev/stderr`, `/dev/fd/N` or `/proc/…/fd/N`: a file descriptor of this process
  /// (other files under /dev, such as /dev/shm, are ordinary files).
  static func isDescriptorPath(_ path: String) -> Bool {
    guard path.hasPrefix("/") else { return false }
    let parts = path.split(separator: "/")
    switch parts.count {
    case 2: return parts[0] == "dev" && (parts[1] == "stdout" || parts[1] == "stderr")
    case 3: return parts[0] == "dev" && parts[1] == "fd"
    case 4: return parts[0] == "proc" && parts[2] == "fd"
    default: return false
    }
  }

  /// Where a missing path, or the chain of links ending in a missing file, should be created.
  private static func danglingTarget(of path: String) throws(FileWriteError) -> Destination {
    var current = path
    for _ in 0...maxLinkHops {
      var info = stat()
      if lstat(current, &info) != 0 {
        let error = errno
        guard error == ENOENT else {
          throw FileWriteError(path: path, reason: "cannot inspect \(current): \(errnoText(error))")
        }
        return .missing(target: current, viaLink: current != path)
      }
      guard info.st_mode & S_IFMT == S_IFLNK else {
        // Exists now although stat(2) said it did not: it appeared meanwhile; write it like any file.
        return .missing(target: current, viaLink: current != path)
      }
      var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
      let count = readlink(current, &buffer, buffer.count - 1)
      guard count >= 0 else {
        throw FileWriteError(path: path, reason: "cannot read the link \(current): \(errnoText())")
      }
      let link = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      current =
        link.hasPrefix("/")
        ? link : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(link)
    }
    throw FileWriteError(path: path, reason: "more than \(maxLinkHops) symbolic links in a row (a loop?)")
  }

  /// Writes into a device, FIFO or socket without replacing it.
  private static func writeInPlace(_ data: Data, to path: String, kind: String, append: Bool) throws(FileWriteError) {
    let descriptor = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY | (append ? O_APPEND : 0))
    guard descriptor >= 0 else {
      throw FileWriteError(path: path, reason: "cannot open the \(kind): \(errnoText())")
    }
    if let error = writeAll(data, to: descriptor) {
      close(descriptor)
      throw FileWriteError(path: path, reason: "writing to the \(kind) failed: \(errnoText(error))")
    }
    if close(descriptor) != 0 {
      throw FileWriteError(path: path, reason: "writing to the \(kind) failed: \(errnoText())")
    }
  }

  /// Temporary file beside `target`, then rename over it.
  private static func replace(
    _ target: String, with data: Data, mode: mode_t?, owner: (uid: uid_t, gid: gid_t)?, reportedAs path: String,
    createDirectories: Bool
  ) throws(FileWriteError) {
    let shown = target == path ? path : "\(path) (→ \(target))"
    let directory =
      (target as NSString).deletingLastPathComponent.isEmpty
      ? "." : (target as NSString).deletingLastPathComponent
    if createDirectories {
      do {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      } catch {
        throw FileWriteError(
          path: shown, reason: "cannot create directory \(directory): \(Self.reason(of: error))")
      }
    }
    let name = (target as NSString).lastPathComponent
    let temp = (directory as NSString).appendingPathComponent(".\(name).covbot-\(UUID().uuidString.prefix(8)).tmp")
    let descriptor = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode ?? newFileMode)
    guard descriptor >= 0 else {
      throw FileWriteError(path: shown, reason: "cannot create a temporary file in \(directory): \(errnoText())")
    }
    var failure: String?
    if let owner, owner.uid != geteuid() || owner.gid != getegid() {
      // Only root (or the owner, for the group) may do this; a failure keeps covbot's ownership.
      _ = fchown(descriptor, owner.uid, owner.gid)
    }
    // fchmod after creation: the umask must not narrow an existing file's mode.
    if let mode, fchmod(descriptor, mode) != 0 {
      failure = "cannot set the mode of the temporary file: \(errnoText())"
    }
    if failure == nil, let error = writeAll(data, to: descriptor) {
      failure = "writing the temporary file \(temp) failed: \(errnoText(error))"
    }
    if failure == nil, fsync(descriptor) != 0 {
      failure = "flushing the temporary file \(temp) failed: \(errnoText())"
    }
    if close(descriptor) != 0, failure == nil {
      failure = "closing the temporary file \(temp) failed: \(errnoText())"
    }
    if failure == nil, rename(temp, target) != 0 {
      failure = "cannot rename \(temp) to \(target): \(errnoText())"
    }
    if let failure {
      unlink(temp)
      throw FileWriteError(path: shown, reason: failure)
    }
  }

  /// Writes every byte, retrying short writes and EINTR; returns the errno of a failure.
  private static func writeAll(_ data: Data, to descriptor: Int32) -> Int32? {
    data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Int32? in
      guard let base = buffer.baseAddress else { return nil }
      var offset = 0
      while offset < buffer.count {
        let written = posixWrite(descriptor, base + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          return errno
        }
        offset += written
      }
      return nil
    }
  }

  private static func errnoText(_ code: Int32 = errno) -> String {
    String(cString: strerror(code))
  }

  private static func reason(of error: any Error) -> String {
    if let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError,
      underlying.domain == NSPOSIXErrorDomain
    {
      return errnoText(Int32(underlying.code))
    }
    return error.localizedDescription
  }
}

/// A file could not be written.
public struct FileWriteError: Error, Sendable, CustomStringConvertible {
  /// The file that was being written (with the link's target when it is a link).
  public var path: String
  /// What went wrong, with the system's reason.
  public var reason: String
  /// What to do about it.
  public var advice: String

  /// Creates an error for `path`.
  public init(
    path: String, reason: String,
    advice: String = "Check that the directory exists and is writable and the disk has space."
  ) {
    self.path = path
    self.reason = reason
    self.advice = advice
  }

  public var description: String {
    "cannot write \(path): \(reason). \(advice)"
  }
}
