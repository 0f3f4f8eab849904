#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// CPU time (user + system) of this process's reaped descendants.
///
/// The kernel adds a child's usage, including that of every descendant it reaped itself, when the
/// child is reaped. A delta taken around a configuration, once all its children are reaped, is the
/// CPU that configuration used: `go`, the compiler and linker, test binaries, covbot.
enum CPUTime {
  /// Seconds of CPU used so far by reaped children and their reaped descendants.
  static func reapedChildren() -> Double {
    var usage = rusage()
    #if os(Linux)
    _ = getrusage(__rusage_who_t(RUSAGE_CHILDREN.rawValue), &usage)
    #else
    _ = getrusage(RUSAGE_CHILDREN, &usage)
    #endif
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
  }

  private static func seconds(_ value: timeval) -> Double {
    Double(value.tv_sec) + Double(value.tv_usec) / 1_000_000
  }
}
