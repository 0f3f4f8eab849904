import ArgumentParser

/// A duration flag in Go's style (`90s`, `10m`, `1h30m`) or plain seconds (`600`).
struct DurationArgument: ExpressibleByArgument, Sendable {
  var duration: Duration

  init?(argument: String) {
    // Ten years at most: `inf` or `1e300` would trap the Int64 conversion.
    let longest = 10 * 365.25 * 24 * 3600
    if let seconds = Double(argument), seconds > 0 {
      guard seconds <= longest else { return nil }
      duration = .milliseconds(Int64(seconds * 1000))
      return
    }
    var total = 0.0
    var number = ""
    for character in argument {
      if character.isNumber || character == "." {
        number.append(character)
        continue
      }
      guard let value = Double(number) else { return nil }
      switch character {
      case "h": total += value * 3600
      case "m": total += value * 60
      case "s": total += value
      default: return nil
      }
      number = ""
    }
    guard number.isEmpty, total > 0, total <= longest else { return nil }
    duration = .milliseconds(Int64(total * 1000))
  }

  var defaultValueDescription: String {
    let seconds = Int(duration.components.seconds)
    return seconds % 60 == 0 ? "\(seconds / 60)m" : "\(seconds)s"
  }
}
