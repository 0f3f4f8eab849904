import ArgumentParser

/// A duration flag in Go's style (`90s`, `10m`, `1h30m`) or plain seconds (`600`), from 1 s to 100 h.
///
/// The bound keeps `go test -timeout` and covbot's own limits far from overflow: Go's
/// `time.Duration` ends at about 2.5 million hours, and a `--timeout 99999999h` used to make go
/// reject every package.
struct DurationArgument: ExpressibleByArgument, Sendable {
  var duration: Duration

  /// The longest duration accepted.
  static let maximumSeconds = 100.0 * 3600

  init?(argument: String) {
    guard let seconds = Self.seconds(argument), seconds >= 1, seconds <= Self.maximumSeconds else { return nil }
    duration = .milliseconds(Int64((seconds * 1000).rounded()))
  }

  private static func seconds(_ argument: String) -> Double? {
    if let seconds = Double(argument), seconds.isFinite { return seconds }
    var total = 0.0
    var number = ""
    for character in argument {
      if character.isASCII && (character.isNumber || character == ".") {
        number.append(character)
        continue
      }
      guard let value = Double(number), value.isFinite else { return nil }
      switch character {
      case "h": total += value * 3600
      case "m": total += value * 60
      case "s": total += value
      default: return nil
      }
      number = ""
    }
    guard number.isEmpty, !argument.isEmpty, total.isFinite else { return nil }
    return total
  }

  var defaultValueDescription: String {
    let seconds = Int(duration.components.seconds)
    return seconds % 60 == 0 ? "\(seconds / 60)m" : "\(seconds)s"
  }
}
