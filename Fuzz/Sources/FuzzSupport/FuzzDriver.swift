import Foundation

/// libFuzzer's own driver, from `libclang_rt.fuzzer_no_main` (SwiftPM's renamed `main` clashes with
/// libFuzzer's, so each target calls the driver itself; see FIELD-NOTES, Fuzzing).
@_silgen_name("LLVMFuzzerRunDriver")
private func llvmFuzzerRunDriver(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
  _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// The target's body; a C callback cannot capture it, so it waits here (set once, before fuzzing).
nonisolated(unsafe) private var fuzzBody: (Data) -> Void = { _ in }

/// Runs libFuzzer with the process's arguments, calling `body` with each input; never returns.
///
/// An oracle failure calls `fatalError`, which libFuzzer records as a crash with its input.
public func runFuzzer(_ body: @escaping (Data) -> Void) -> Never {
  fuzzBody = body
  var argc = CommandLine.argc
  var argv = CommandLine.unsafeArgv
  let status = llvmFuzzerRunDriver(&argc, &argv) { bytes, count in
    // libFuzzer may pass a null pointer for the empty input.
    let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
    fuzzBody(data)
    return 0
  }
  exit(status)
}

/// Fails the run (libFuzzer writes the input as a crash) when `condition` is false.
public func oracle(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
  if !condition() { fatalError("oracle: \(message())") }
}

/// Whether `FUZZ_DEBUG` is set: targets then say why an input was refused (for checking seeds).
public let debugEnabled = ProcessInfo.processInfo.environment["FUZZ_DEBUG"] != nil
