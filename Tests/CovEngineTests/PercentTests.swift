import CovEngine
import Foundation
import Testing

@Suite struct PercentTests {
  @Test(arguments: [
    ("80", 80, 0), ("78.4", 784, 1), ("0.05", 5, 2), ("100.000", 100_000, 3), ("-0.5", -5, 1), ("+1.5", 15, 1),
  ])
  func parsesPlainDecimals(text: String, units: Int64, scale: Int) throws {
    let percent = try #require(Percent(text))
    #expect(percent.units == units)
    #expect(percent.scale == scale)
  }

  @Test(arguments: ["", "abc", "1e3", "80%", "80.", ".5", "1.2.3", "1.1234567", "12 3", "0x10", "--1"])
  func rejectsEverythingElse(text: String) {
    #expect(Percent(text) == nil)
  }

  @Test func comparesAcrossScales() throws {
    #expect(try #require(Percent("80")) == #require(Percent("80.000")))
    #expect(try #require(Percent("79.96")) < #require(Percent("80.0")))
    #expect(try #require(Percent("80.01")) > #require(Percent("80")))
    #expect(try Set([#require(Percent("80")), #require(Percent("80.0"))]).count == 1)
  }

  @Test(arguments: [("80", "80.0"), ("78.40", "78.4"), ("0.05", "0.05"), ("-2", "-2.0"), ("100", "100.0")])
  func describesWithAtLeastOneDecimal(text: String, expected: String) throws {
    #expect(try #require(Percent(text)).description == expected)
  }

  @Test func addsAndSubtractsExactly() throws {
    let sum = try #require(Percent("80.1")) + #require(Percent("0.25"))
    #expect(sum == Percent(units: 8035, scale: 2))
    let difference = try #require(Percent("0.3")) - #require(Percent("0.1"))
    #expect(difference == Percent(units: 2, scale: 1))
  }

  @Test(arguments: ["78.4", "80", "0.05", "99.999999", "0"])
  func roundTripsThroughJSON(text: String) throws {
    let percent = try #require(Percent(text))
    let data = try JSONEncoder().encode([percent])
    let decoded = try JSONDecoder().decode([Percent].self, from: data)
    #expect(decoded == [percent])
  }

  @Test func rejectsJSONWithTooManyDecimals() {
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode([Percent].self, from: Data("[1.23456789]".utf8))
    }
  }
}
