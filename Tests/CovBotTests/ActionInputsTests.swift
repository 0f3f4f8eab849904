import Foundation
import TestSupport
import Testing

/// The GitHub Action (ci/action.yml) against the CLI: a renamed or removed `covbot gate` flag, an input
/// without a flag, or a script that interpolates an input fails here, not in a user's workflow.
@Suite struct ActionInputsTests {
  /// Every input of ci/action.yml and how it reaches `covbot gate`. Keep in step with the action.
  static let table: [String: ActionInput] = [
    "working-directory": .option("--module-dir"),
    "packages": .positional,
    "exclude": .option("--exclude", repeating: true),
    "default-floor": .option("--default-floor"),
    "tolerance": .option("--tolerance"),
    "loose": .option("--loose", values: ["fail", "warn"]),
    "strategy": .option("--strategy", values: ["auto", "per-package", "single"]),
    "parallelism": .option("--parallelism"),
    "timeout": .option("--timeout"),
    "history": .option("--history"),
    "shard": .option("--shard"),
    "results-file": .option("--json"),
    "junit": .option("--junit"),
    "base-results": .option("--base"),
    "patch-base": .option("--patch-base"),
    "patch-floor": .option("--patch-floor"),
    "publish": .flag(["--publish"]),
    "comment": .option("--comment", values: ["off", "on", "on-failure"]),
    "status": .flag(["--status", "--no-status"]),
    "check-run": .flag(["--check-run", "--no-check-run"]),
    "fail-on-publish-error": .flag(["--fail-on-publish-error"]),
    "token": .environment("GITHUB_TOKEN"),
    "install-only": .actionOnly,
    "version": .actionOnly,
    "build-from-source": .actionOnly,
    "go-cache": .actionOnly,
  ]

  /// The action file, split into its inputs and steps.
  static func action() throws -> ActionFile {
    let path = GoFixture.repositoryRoot.appendingPathComponent("ci/action.yml").path
    return try ActionFile(text: String(contentsOfFile: path, encoding: .utf8))
  }

  /// `covbot gate`'s arguments as argument-parser describes them (`--experimental-dump-help`), by long name.
  static func gateArguments() async throws -> (options: [String: DumpedArgument], positionals: [DumpedArgument]) {
    let output = try await CovBotProcess.run(
      ["gate", "--experimental-dump-help"], workingDirectory: FileManager.default.temporaryDirectory.path)
    try #require(output.exitCode == 0, "\(output.combined)")
    let info = try JSONDecoder().decode(DumpedTool.self, from: Data(output.stdout.utf8))
    try #require(info.command.commandName == "gate")
    var options: [String: DumpedArgument] = [:]
    var positionals: [DumpedArgument] = []
    for argument in info.command.arguments ?? [] {
      if argument.kind == "positional" { positionals.append(argument) }
      for name in argument.names ?? [] where name.kind == "long" { options["--" + name.name] = argument }
    }
    return (options, positionals)
  }

  @Test func everyActionInputIsInTheTableAndBack() throws {
    let inputs = try Self.action().inputs
    #expect(inputs.count == Set(inputs).count, "duplicate inputs in ci/action.yml: \(inputs)")
    let missingFromTable = Set(inputs).subtracting(Self.table.keys).sorted()
    let missingFromAction = Set(Self.table.keys).subtracting(inputs).sorted()
    #expect(missingFromTable.isEmpty, "inputs of ci/action.yml without a row in the table: \(missingFromTable)")
    #expect(missingFromAction.isEmpty, "rows of the table that ci/action.yml lacks: \(missingFromAction)")
  }

  @Test func everyTableFlagExistsOnCovbotGate() async throws {
    let (options, positionals) = try await Self.gateArguments()
    var missing: [String] = []
    for (input, mapping) in Self.table.sorted(by: { $0.key < $1.key }) {
      switch mapping {
      case .option(let flag, let repeating, let values):
        guard let argument = options[flag] else {
          missing.append("\(input) → \(flag)")
          continue
        }
        #expect(argument.kind == "option", "input \(input): \(flag) must take a value, is a \(argument.kind)")
        if repeating { #expect(argument.isRepeating, "input \(input): \(flag) must be repeatable") }
        if let values {
          #expect(
            Set(argument.allValues ?? []) == Set(values),
            "input \(input): \(flag) accepts \(argument.allValues ?? []), the action documents \(values)")
        }
      case .flag(let flags):
        for flag in flags {
          guard let argument = options[flag] else {
            missing.append("\(input) → \(flag)")
            continue
          }
          #expect(argument.kind == "flag", "input \(input): \(flag) must be a flag, is a \(argument.kind)")
        }
      case .positional:
        #expect(positionals.contains { $0.isRepeating }, "input \(input): covbot gate takes no package patterns")
      case .environment, .actionOnly:
        continue
      }
    }
    #expect(missing.isEmpty, "action inputs whose flag covbot gate lacks: \(missing.joined(separator: ", "))")
  }

  @Test func gateScriptPassesExactlyTheTableFlags() throws {
    let gate = try #require(try Self.action().steps.first { $0.id == "gate" }, "no step with id: gate")
    let script = try #require(gate.run, "the gate step has no run script")
    let used = Set(script.matches(of: /(?:^|[^\w-])(--[a-z][a-z-]*)/).map { String($0.output.1) })
    let table = Set(
      Self.table.values.flatMap { mapping -> [String] in
        switch mapping {
        case .option(let flag, _, _): [flag]
        case .flag(let flags): flags
        case .positional, .environment, .actionOnly: []
        }
      })
    #expect(used.subtracting(table).isEmpty, "flags the script passes without a table row: \(used.subtracting(table))")
    #expect(table.subtracting(used).isEmpty, "table flags the script never passes: \(table.subtracting(used))")
  }

  @Test func inputsReachScriptsOnlyThroughTheEnvironment() throws {
    let action = try Self.action()
    #expect(!action.steps.isEmpty)
    for step in action.steps {
      guard let run = step.run else { continue }
      let shell = step.fields["shell"]
      #expect(shell == "bash", "step \(step.name ?? "?") has no `shell: bash`")
      let interpolates = run.contains("${{")
      #expect(!interpolates, "step \(step.name ?? "?") interpolates an expression into its script")
    }
    let gate = try #require(action.steps.first { $0.id == "gate" })
    for (input, mapping) in Self.table where mapping != .actionOnly {
      #expect(
        gate.environment.values.contains("${{ inputs.\(input) }}"),
        "the gate step does not receive input \(input) through env:")
    }
    #expect(gate.environment["GITHUB_TOKEN"] == "${{ inputs.token }}")
    let script = try #require(gate.run)
    #expect(!script.contains("GITHUB_TOKEN"), "the script must not touch the token; covbot reads it from env")
  }

  @Test func parserReadsStepsAndBlocks() throws {
    let action = try ActionFile(
      text: """
        name: x
        inputs:
          one:
            description: a
            default: ''
          two-words:
            description: >-
              folded
        outputs:
          out:
            value: ${{ steps.s.outputs.out }}
        runs:
          using: composite
          steps:
            # a comment between steps
            - name: First
              id: s
              shell: bash
              env:
                A: ${{ inputs.one }}
              run: |
                echo "$A"

                echo done
            - uses: actions/cache/restore@v5
              with:
                key: k
        """)
    #expect(action.inputs == ["one", "two-words"])
    #expect(action.steps.count == 2)
    #expect(action.steps[0].id == "s")
    #expect(action.steps[0].run == "echo \"$A\"\n\necho done")
    #expect(action.steps[0].environment == ["A": "${{ inputs.one }}"])
    #expect(action.steps[1].fields["uses"] == "actions/cache/restore@v5")
    #expect(action.steps[1].run == nil)
  }
}

/// How one action input reaches `covbot gate`.
enum ActionInput: Equatable, Sendable {
  /// `--flag VALUE`; `values` are the accepted choices when the flag takes one of a fixed set.
  case option(String, repeating: Bool = false, values: [String]? = nil)
  /// `true`/`false` inputs that add one of these flags.
  case flag([String])
  /// Positional package patterns.
  case positional
  /// An environment variable of the gate step, never an argument.
  case environment(String)
  /// Used by the action itself; covbot never sees it.
  case actionOnly
}

/// ci/action.yml read line by line: no YAML library is available, and the file keeps a fixed layout
/// (two-space indentation, steps under `runs.steps` at four spaces, `run: |` blocks).
struct ActionFile {
  /// One step of `runs.steps`.
  struct Step {
    /// Scalar fields (`name`, `id`, `shell`, `uses`, `if`) as written.
    var fields: [String: String] = [:]
    /// The `env:` map.
    var environment: [String: String] = [:]
    /// The `run: |` block without its indentation.
    var run: String?

    var id: String? { fields["id"] }
    var name: String? { fields["name"] }
  }

  /// Input names in file order.
  var inputs: [String] = []
  /// The composite steps in file order.
  var steps: [Step] = []

  init(text: String) throws {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var section = ""
    var index = 0
    while index < lines.count {
      let line = lines[index]
      index += 1
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      let indent = line.prefix { $0 == " " }.count
      if indent == 0 {
        section = String(line.prefix { $0 != ":" })
        continue
      }
      if section == "inputs", indent == 2, let key = Self.key(line) {
        inputs.append(key.name)
      } else if section == "runs", indent == 4, line.dropFirst(4).hasPrefix("- ") {
        // The step's first key follows `- `: read it as if it stood on its own line at indentation 6.
        steps.append(Step())
        index = try readStep(firstLine: String(repeating: " ", count: 6) + line.dropFirst(6), lines: lines, from: index)
      }
    }
  }

  /// Reads one step's keys at indentation 6 (its first key sits after the `- `); returns the next line index.
  private mutating func readStep(firstLine: String, lines: [String], from start: Int) throws -> Int {
    var pending = [firstLine]
    var index = start
    while index < lines.count {
      let line = lines[index]
      let indent = line.prefix { $0 == " " }.count
      let blank = line.trimmingCharacters(in: .whitespaces).isEmpty
      if !blank && indent <= 4 { break }
      pending.append(line)
      index += 1
    }
    var position = 0
    while position < pending.count {
      let line = pending[position]
      position += 1
      guard line.prefix(while: { $0 == " " }).count == 6, let key = Self.key(line) else { continue }
      var block: [String] = []
      while position < pending.count {
        let next = pending[position]
        let blank = next.trimmingCharacters(in: .whitespaces).isEmpty
        if !blank && next.prefix(while: { $0 == " " }).count <= 6 { break }
        block.append(next)
        position += 1
      }
      while let last = block.last, last.trimmingCharacters(in: .whitespaces).isEmpty { block.removeLast() }
      switch key.name {
      case "run":
        guard key.value == "|" else { throw ActionFileError("run: must be a `|` block, found `\(key.value)`") }
        steps[steps.count - 1].run = block.map { $0.count > 8 ? String($0.dropFirst(8)) : "" }
          .joined(separator: "\n")
      case "env":
        for entry in block {
          if let pair = Self.key(entry) { steps[steps.count - 1].environment[pair.name] = pair.value }
        }
      default:
        steps[steps.count - 1].fields[key.name] = key.value
      }
    }
    return index
  }

  /// `  name: value` → (`name`, `value`); nil for lines that are not a plain key.
  private static func key(_ line: String) -> (name: String, value: String)? {
    guard let match = line.wholeMatch(of: /\s*([A-Za-z0-9_-]+):(?:\s+(.*))?\s*/) else { return nil }
    return (String(match.output.1), String(match.output.2 ?? ""))
  }
}

/// A layout ci/action.yml's line parser does not read.
struct ActionFileError: Error, CustomStringConvertible {
  var description: String

  init(_ description: String) {
    self.description = description
  }
}

/// `--experimental-dump-help` output (argument-parser's ToolInfoV0), the parts these tests read.
struct DumpedTool: Decodable {
  var command: DumpedCommand
}

/// One command of the dump.
struct DumpedCommand: Decodable {
  var commandName: String
  var arguments: [DumpedArgument]?
}

/// One argument of the dump: `kind` is `positional`, `option` or `flag`.
struct DumpedArgument: Decodable {
  /// One spelling of the argument: `kind` is `long`, `short` or `longWithSingleDash`.
  struct Name: Decodable {
    var kind: String
    var name: String
  }

  var kind: String
  var isRepeating: Bool
  var names: [Name]?
  var allValues: [String]?
}
