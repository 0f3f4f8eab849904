/// The Go snippets generated packages are built from.
///
/// Together they import the heavy parts of the standard library (net/http, crypto/tls, crypto/x509,
/// encoding/json, text/template, html/template, go/types, database/sql, compress/gzip, regexp …), so a
/// cold build cache has real work to do and packages share most of their dependency graph.
enum GoSnippetCatalog {
  /// Every snippet, in a stable order (the generator's choices depend on it).
  static let all: [GoSnippet] = web + encoding + tooling + security + utilities
}
