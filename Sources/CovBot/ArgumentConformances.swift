import ArgumentParser
import CovEngine

extension Percent: ExpressibleByArgument {
  /// Parses `80`, `78.4`: an exact decimal, as in `.covgate` files.
  public init?(argument: String) {
    self.init(argument)
  }

  public var defaultValueDescription: String { description }
}

extension GateSettings.LoosePolicy: ExpressibleByArgument {}
extension StrategyChoice: ExpressibleByArgument {}
extension PrewarmMode: ExpressibleByArgument {}

extension ShardSelection: ExpressibleByArgument {
  /// Parses `K/N`.
  public init?(argument: String) {
    self.init(argument)
  }
}
