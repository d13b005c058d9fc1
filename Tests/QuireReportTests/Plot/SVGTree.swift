import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// An SVG document parsed by Foundation's XMLParser (libxml2, an independent, validating-for-
/// well-formedness reader) into a small tree that tests can query.
final class SVGNode {
    let name: String
    let attributes: [String: String]
    var children: [SVGNode] = []
    var text = ""
    weak var parent: SVGNode?

    init(name: String, attributes: [String: String], parent: SVGNode?) {
        self.name = name
        self.attributes = attributes
        self.parent = parent
    }

    /// Every node below this one, depth first, in document order.
    var descendants: [SVGNode] {
        children.flatMap { [$0] + $0.descendants }
    }

    /// Descendants named `name` with `class` equal to `className` (any class if nil).
    func all(_ name: String, class className: String? = nil) -> [SVGNode] {
        descendants.filter { $0.name == name && (className == nil || $0.attributes["class"] == className) }
    }

    /// Descendants whose `class` is `className`, whatever their element name.
    func all(class className: String) -> [SVGNode] {
        descendants.filter { $0.attributes["class"] == className }
    }

    /// The text of a `<text>` element, its `<tspan>` lines joined by spaces.
    var content: String {
        children.isEmpty ? text : children.map(\.content).joined(separator: " ")
    }

    /// A numeric attribute.
    func number(_ attribute: String) -> Double? {
        attributes[attribute].flatMap(Double.init)
    }

    /// Parses `text`; nil (with the parser's error) if it is not well-formed XML.
    static func parse(_ text: String) -> (root: SVGNode?, error: String?) {
        let parser = XMLParser(data: Data(text.utf8))
        let builder = Builder()
        parser.delegate = builder
        parser.shouldProcessNamespaces = false
        guard parser.parse() else { return (nil, parser.parserError.map { "\($0)" } ?? "parse failed") }
        return (builder.root, nil)
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: SVGNode?
        var current: SVGNode?

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
        ) {
            let node = SVGNode(name: elementName, attributes: attributeDict, parent: current)
            if let current { current.children.append(node) } else { root = node }
            current = node
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?
        ) {
            current = current?.parent
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            current?.text += string
        }
    }
}
