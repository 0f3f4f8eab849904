import CLibXML2
import Foundation

/// libxml2 in tests: parse a document back into a tree, and validate it against an XSD.
enum LibXML {
  /// An element with its attributes, text (character data and CDATA, concatenated) and child elements.
  struct Element {
    var name: String
    var attributes: [String: String]
    var text: String
    var children: [Element]

    /// Children named `name`.
    func children(_ name: String) -> [Element] { children.filter { $0.name == name } }
    /// The first child named `name`.
    func child(_ name: String) -> Element? { children.first { $0.name == name } }
    /// `attributes[name]` as an integer.
    func int(_ name: String) -> Int? { attributes[name].flatMap { Int($0) } }
    /// Every descendant named `name`, in document order.
    func descendants(_ name: String) -> [Element] {
      children.flatMap { ($0.name == name ? [$0] : []) + $0.descendants(name) }
    }
  }

  /// A parse or validation failure, with libxml2's messages.
  struct Failure: Error, CustomStringConvertible {
    var messages: [String]
    var description: String { messages.joined(separator: "\n") }
  }

  /// Parses `xml` strictly (well-formedness errors fail) into a tree.
  static func parse(_ xml: String) throws -> Element {
    try withDocument(xml) { document in
      guard let root = xmlDocGetRootElement(document) else { throw Failure(messages: ["no root element"]) }
      return element(root)
    }
  }

  /// libxml2's schema-validation errors for `xml` against the XSD at `schemaPath` (empty: valid).
  static func validationErrors(_ xml: String, schemaPath: String) throws -> [String] {
    let collector = Collector()
    let box = Unmanaged.passUnretained(collector).toOpaque()
    guard let parserContext = xmlSchemaNewParserCtxt(schemaPath) else {
      throw Failure(messages: ["cannot open schema \(schemaPath)"])
    }
    defer { xmlSchemaFreeParserCtxt(parserContext) }
    xmlSchemaSetParserStructuredErrors(parserContext, collect, box)
    guard let schema = xmlSchemaParse(parserContext) else {
      throw Failure(messages: ["schema \(schemaPath) does not parse"] + collector.messages)
    }
    defer { xmlSchemaFree(schema) }
    guard let validation = xmlSchemaNewValidCtxt(schema) else { throw Failure(messages: ["no validation context"]) }
    defer { xmlSchemaFreeValidCtxt(validation) }
    xmlSchemaSetValidStructuredErrors(validation, collect, box)
    let result = try withDocument(xml) { document in xmlSchemaValidateDoc(validation, document) }
    if result != 0 && collector.messages.isEmpty { return ["validation failed with code \(result)"] }
    return collector.messages
  }

  /// Whether `xml` is well-formed.
  static func isWellFormed(_ xml: String) -> Bool {
    (try? withDocument(xml) { _ in true }) ?? false
  }

  private final class Collector {
    var messages: [String] = []
  }

  private static let collect: xmlStructuredErrorFunc = { userData, error in
    guard let userData, let error else { return }
    let collector = Unmanaged<Collector>.fromOpaque(userData).takeUnretainedValue()
    let message = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
    collector.messages.append("line \(error.pointee.line): \(message.trimmingCharacters(in: .whitespacesAndNewlines))")
  }

  private static func withDocument<T>(_ xml: String, _ body: (xmlDocPtr) throws -> T) throws -> T {
    let bytes = Array(xml.utf8)
    let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
    let document = bytes.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) {
        xmlReadMemory($0.baseAddress, Int32($0.count), "report.xml", "UTF-8", options)
      }
    }
    guard let document else {
      let message = xmlGetLastError().flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "parse error"
      throw Failure(messages: ["not well-formed: \(message)"])
    }
    defer { xmlFreeDoc(document) }
    return try body(document)
  }

  private static func element(_ node: xmlNodePtr) -> Element {
    var attributes: [String: String] = [:]
    var attribute = node.pointee.properties
    while let current = attribute {
      let name = String(cString: current.pointee.name)
      if let value = xmlNodeListGetString(node.pointee.doc, current.pointee.children, 1) {
        attributes[name] = String(cString: value)
        free(value)  // xmlFree is a mutable global Swift 6 rejects; libxml2 allocates with malloc here.
      } else {
        attributes[name] = ""
      }
      attribute = current.pointee.next
    }
    var text = ""
    var children: [Element] = []
    var child = node.pointee.children
    while let current = child {
      switch current.pointee.type {
      case XML_ELEMENT_NODE: children.append(element(current))
      case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
        if let content = current.pointee.content { text += String(cString: content) }
      default: break
      }
      child = current.pointee.next
    }
    return Element(name: String(cString: node.pointee.name), attributes: attributes, text: text, children: children)
  }
}
