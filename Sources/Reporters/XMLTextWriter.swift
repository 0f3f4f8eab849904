import CLibXML2

/// A thin owner of a libxml2 memory text writer; every string passes through ``XMLText`` first.
///
/// Not thread-safe: create one per document. The `…WriteFormat…` functions are variadic and
/// unavailable from Swift, so values are formatted before they reach the writer.
final class XMLTextWriter {
  private let buffer: xmlBufferPtr
  private let writer: xmlTextWriterPtr
  private var openElements: [String] = []

  /// Creates an indented UTF-8 writer into memory.
  init() throws(JUnitError) {
    _ = Self.initialized
    guard let buffer = xmlBufferCreate() else {
      throw JUnitError(reason: "libxml2 could not allocate an output buffer (out of memory?)")
    }
    guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
      xmlBufferFree(buffer)
      throw JUnitError(reason: "libxml2 could not create a text writer (out of memory?)")
    }
    self.buffer = buffer
    self.writer = writer
    xmlTextWriterSetIndent(writer, 1)
    xmlTextWriterSetIndentString(writer, "  ")
  }

  deinit {
    xmlFreeTextWriter(writer)
    xmlBufferFree(buffer)
  }

  /// `<?xml version="1.0" encoding="UTF-8"?>`.
  func startDocument() throws(JUnitError) {
    try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "the XML declaration")
  }

  /// Opens `<name>`.
  func startElement(_ name: String) throws(JUnitError) {
    try check(xmlTextWriterStartElement(writer, name), "<\(name)>")
    openElements.append(name)
  }

  /// Adds `name="value"` to the element just opened.
  func attribute(_ name: String, _ value: String) throws(JUnitError) {
    try check(xmlTextWriterWriteAttribute(writer, name, XMLText.sanitized(value)), "attribute \(name)")
  }

  /// Writes escaped character data.
  func text(_ text: String) throws(JUnitError) {
    try check(xmlTextWriterWriteString(writer, XMLText.sanitized(text)), "text in <\(current)>")
  }

  /// Writes `text` as one or more CDATA sections (split at `]]>`).
  func cdata(_ text: String) throws(JUnitError) {
    for piece in XMLText.cdataPieces(XMLText.sanitized(text)) {
      try check(xmlTextWriterWriteCDATA(writer, piece), "CDATA in <\(current)>")
    }
  }

  /// Closes the innermost open element (`<a/>` when it is empty).
  func endElement() throws(JUnitError) {
    try check(xmlTextWriterEndElement(writer), "</\(current)>")
    openElements.removeLast()
  }

  /// Writes `<name attributes…>body</name>`; `nil` attribute values are left out.
  func element(
    _ name: String, _ attributes: KeyValuePairs<String, String?> = [:],
    body: () throws(JUnitError) -> Void = {}
  ) throws(JUnitError) {
    try startElement(name)
    for (key, value) in attributes {
      if let value { try attribute(key, value) }
    }
    try body()
    try endElement()
  }

  /// Closes every open element, ends the document and returns it.
  func finish() throws(JUnitError) -> String {
    try check(xmlTextWriterEndDocument(writer), "the end of the document")
    try check(xmlTextWriterFlush(writer), "flushing the output")
    openElements.removeAll()
    guard let content = xmlBufferContent(buffer) else { return "" }
    let length = Int(xmlBufferLength(buffer))
    return String(decoding: UnsafeBufferPointer(start: content, count: length), as: UTF8.self)
  }

  private var current: String { openElements.last ?? "document" }

  private func check(_ status: Int32, _ what: String) throws(JUnitError) {
    if status < 0 {
      throw JUnitError(reason: "libxml2's writer failed at \(what)")
    }
  }

  /// libxml2 asks for one `xmlInitParser()` before use from several threads.
  private static let initialized: Void = xmlInitParser()
}
