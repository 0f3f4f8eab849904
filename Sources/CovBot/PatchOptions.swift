import ArgumentParser
import CovBotKit
import CovEngine
import Foundation

/// The flags that ask `covbot gate` for the coverage of the lines a change touched.
struct PatchOptions: ParsableArguments {
  @Option(
    name: .customLong("patch-base"),
    help: """
      Also measure the lines changed since the merge base of REF and HEAD (a branch, tag or SHA). \
      `auto`: the pull request's base in a GitHub Actions pull_request run (in a shallow clone, the \
      pull request's diff through the API, with the --token-env token), else nothing.
      """)
  var base: String?

  @Option(
    name: .customLong("patch-diff"),
    help: "Also measure the lines a unified diff changes (`git diff` output or a pull request's .diff).")
  var diff: String?

  @Option(
    name: .customLong("patch-floor"), parsing: .unconditional,
    help: "Fail the gate when patch coverage is below this percentage (without it the figure is information).")
  var floor: Percent?

  @Flag(help: "Print the changed lines no test ran (and those only partly run), per file.")
  var showUncovered = false

  func validate() throws {
    if base != nil && diff != nil { throw ValidationError("--patch-base and --patch-diff exclude each other") }
    for (flag, value) in [("--patch-base", base), ("--patch-diff", diff)] {
      if let value, value.isEmpty { throw ValidationError("\(flag) must not be empty") }
    }
    if let base, base.hasPrefix("-") {
      throw ValidationError("--patch-base \(base): a revision cannot start with `-`")
    }
    if floor != nil && base == nil && diff == nil {
      throw ValidationError("--patch-floor needs --patch-base REF or --patch-diff FILE")
    }
    if let floor, floor < .zero || floor > Percent(units: 100, scale: 0) {
      throw ValidationError("--patch-floor must be between 0 and 100")
    }
    if let diff {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: diff, isDirectory: &isDirectory) else {
        throw ValidationError("--patch-diff \(diff): no such file")
      }
      if isDirectory.boolValue { throw ValidationError("--patch-diff \(diff) is a directory; give a diff file") }
    }
  }

  /// What to ask the gate, and why nothing is asked when `auto` finds no pull request; `github`
  /// reads the pull request's diff when a shallow clone lacks the base commit.
  func request(github: GitHubTarget, environment: [String: String]) -> (request: PatchRequest?, note: String?) {
    if let diff { return (PatchRequest(source: .diffFile(diff), floor: floor), nil) }
    guard let base else { return (nil, nil) }
    guard base == "auto" else { return (PatchRequest(source: .gitBase(base), floor: floor), nil) }
    return AutomaticPatchBase.request(floor: floor, github: github, environment: environment)
  }
}
