import Foundation

/// Finds live processes by their working directory, to prove no go child outlived a run.
public enum ProcessScan {
  /// PIDs of processes (other than zombies) whose working directory is `directory` or below it.
  public static func processes(workingUnder directory: String) -> [Int32] {
    let root = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
    return entries.compactMap { entry -> Int32? in
      guard let pid = Int32(entry),
        let cwd = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(entry)/cwd"),
        cwd == root || cwd.hasPrefix(root + "/")
      else { return nil }
      let status = (try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8)) ?? ""
      // Field 3 is the state; a zombie (Z) is already dead and only waits to be reaped.
      let state = status.split(separator: ")").last?.split(separator: " ").first
      return state == "Z" ? nil : pid
    }
  }
}
