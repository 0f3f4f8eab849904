extension Duration {
  /// The duration in seconds, as a `Double`.
  public var seconds: Double {
    Double(components.seconds) + Double(components.attoseconds) / 1e18
  }
}

extension Duration {
  /// Whole seconds in Go's duration style, for messages: `5s`, `10m`, `1h30m`, `1m05s`.
  public var goStyle: String {
    let total = max(components.seconds, 0)
    let (hours, minutes, seconds) = (total / 3600, total % 3600 / 60, total % 60)
    var text = ""
    if hours > 0 { text += "\(hours)h" }
    if minutes > 0 || (hours > 0 && seconds > 0) { text += "\(minutes)m" }
    if seconds > 0 || text.isEmpty { text += (text.isEmpty || seconds >= 10 ? "" : "0") + "\(seconds)s" }
    return text
  }
}
