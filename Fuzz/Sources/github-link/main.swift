import FuzzSupport

@testable import GitHub

/// `Link` headers, one value per input line: parsing never traps and every URL it returns is
/// taken from the input (byte-wise; it never invents or rewrites a URL).
runFuzzer { data in
  let text = String(decoding: data, as: UTF8.self)
  let values = FuzzText.lines(text).map(String.init)
  let header = LinkHeader(values)
  let bytes = Array(text.utf8)
  for (relation, url) in header.links {
    oracle(bytes.containsSubsequence(Array(url.utf8)), "rel \(relation) URL \(url.debugDescription) not in the input")
    oracle(!relation.isEmpty, "empty relation for \(url.debugDescription)")
  }
  oracle(header.next == header.links["next"], "next differs from links[next]")
}
