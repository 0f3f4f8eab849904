import DecodingDiagnostics
import Foundation
import Testing

@Suite struct DecodingErrorTextTests {
  struct Document: Decodable {
    struct Package: Decodable {
      var importPath: String
      var percent: Double
    }
    var schemaVersion: Int
    var packages: [Package]
  }

  private func message(for json: String) -> String {
    do {
      _ = try JSONDecoder().decode(Document.self, from: Data(json.utf8))
      return "decoded"
    } catch {
      return DecodingErrorText.describe(error)
    }
  }

  @Test(arguments: [
    (#"{"packages":[]}"#, "missing field schemaVersion"),
    (
      #"{"schemaVersion":1,"packages":[{"importPath":"a","percent":1},{"percent":2}]}"#,
      "missing field packages[1].importPath"
    ),
  ])
  func missingFieldsAreNamedByTheirJSONPath(json: String, expected: String) {
    #expect(message(for: json) == expected)
  }

  @Test func wrongTypesNameTheFieldAndWhatWasExpected() {
    let text = message(for: #"{"schemaVersion":1,"packages":[{"importPath":"a","percent":"high"}]}"#)
    #expect(text.hasPrefix("field packages[0].percent: "), "\(text)")
  }

  @Test func nullWhereAValueIsRequiredNamesTheField() {
    #expect(message(for: #"{"schemaVersion":null,"packages":[]}"#).hasPrefix("field schemaVersion: "))
  }

  @Test func invalidJSONSaysSoWithoutAFieldPath() {
    let text = message(for: "{not json")
    #expect(!text.hasPrefix("field") && !text.isEmpty && text != "decoded")
  }

  @Test func otherErrorsKeepTheirOwnDescription() {
    struct Custom: Error, CustomStringConvertible { var description: String { "custom failure" } }
    #expect(DecodingErrorText.describe(Custom()) == "custom failure")
  }
}
