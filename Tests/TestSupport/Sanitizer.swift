#if canImport(Glibc)
import Glibc
#endif

/// Which sanitizer runtime this test process (and so the `covbot` built beside it) carries.
public enum Sanitizer {
  /// Whether the suite runs under `swift test --sanitize=thread`.
  ///
  /// The sanitizer runtimes export their entry points for `dlsym`, so a lookup is exact where a
  /// build setting or an environment variable could disagree with the binary.
  public static var isThreadSanitizerLoaded: Bool {
    dlsym(nil, "__tsan_init") != nil
  }
}
