import CXMLCheck
import CovEngine
import Foundation
import FuzzSupport
import Reporters

/// The bundled templates, loaded once (every input renders with them).
let markdown = try! MarkdownReport(templateDirectory: nil)

/// A results file from untrusted code: once it decodes, merging it and rendering every report
/// must work, the JUnit XML must be well-formed, Markdown tables must keep their shape, and
/// printed percentages must read back.
runFuzzer { data in
  let decoded: CovResults
  do {
    decoded = try ResultsFile.decodeResults(data, path: "fuzz.json")
  } catch {
    // FUZZ_DEBUG=1 says why a seed is refused (a seed that never decodes only exercises the decoder).
    if debugEnabled { print(error) }
    return
  }
  // A single file merges as itself (a 1-of-1 shard or no shard at all); anything it refuses is fine.
  let results = (try? ResultsMerger.merge([(path: "fuzz.json", results: decoded)])) ?? decoded
  if let comment = try? markdown.comment(for: results, runURL: "https://example.com/run", commentKey: "fuzz") {
    MarkdownTables.check(comment)
  }
  if let summary = try? markdown.summary(for: results, runURL: nil) { MarkdownTables.check(summary) }
  if results.diff != nil, let diff = try? markdown.thresholdDiff(for: results) { MarkdownTables.check(diff) }
  _ = MarkdownReport.oneLineVerdict(for: results)
  _ = TerminalTable.render(results, showUncovered: true)
  _ = AnnotationBuilder.annotations(for: results)
  _ = AnnotationBuilder.patchAnnotations(for: results)
  if let xml = try? JUnitReport(includeGoTests: true).render(results) {
    let wellFormed = xml.utf8CString.withUnsafeBufferPointer { buffer in
      covbot_fuzz_xml_well_formed(buffer.baseAddress, Int32(buffer.count - 1))
    }
    oracle(wellFormed == 1, "JUnit XML is not well-formed:\n\(xml.prefix(4000))")
  }
  for package in results.packages {
    oracle(Percent("\(package.floor)") == package.floor, "floor \(package.floor) does not read back")
    let shown = package.coverage.formatted()
    if shown != "—" {
      let value = Percent(String(shown.dropLast()))
      oracle(value == package.coverage.flooredPercent(), "coverage \(shown) does not read back")
    }
    if let suggested = package.suggestedFloor {
      oracle(Percent("\(suggested)") == suggested, "suggested floor \(suggested) does not read back")
    }
  }
}
