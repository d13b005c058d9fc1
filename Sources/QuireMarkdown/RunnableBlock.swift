import QuireCore

/// A fenced block Quire executes, with everything needed to run it, locate errors in it and
/// place its output region after it.
public struct RunnableBlock: Sendable, Hashable {
    /// The block's kind.
    public var kind: BlockKind
    /// The block's id, unique in the document.
    public var id: String
    /// The info-string attributes after the kind, in the order written (`id` included).
    public var attributes: [BlockAttribute]
    /// The body with container prefixes (block quote markers, list indentation) removed, as cmark-gfm reads it.
    public var body: String
    /// Where the opening fence starts.
    public var location: SourceLocation
    /// Document line of the body's first line.
    public var firstBodyLine: Int
    /// For each body line, the number of bytes before it on its document line (container prefix,
    /// fence indentation), so a position in the body maps back to the document.
    public var bodyColumnOffsets: [Int]
    /// Byte offset just after the closing fence's line: where the output region goes.
    public var endOffset: Int
    /// The container prefix of the closing fence line (e.g. `> ` in a block quote), repeated on
    /// every line of the output region so the region stays inside the same container.
    public var containerPrefix: [UInt8]

    /// The value of attribute `key`, if present.
    public func attribute(_ key: String) -> String? {
        attributes.first { $0.key == key }?.value
    }

    /// The document location of 1-based `line` and `column` inside the body.
    public func documentLocation(bodyLine line: Int, column: Int) -> SourceLocation {
        let index = min(max(line, 1), max(bodyColumnOffsets.count, 1)) - 1
        let offset = index < bodyColumnOffsets.count ? bodyColumnOffsets[index] : 0
        return SourceLocation(file: location.file, line: firstBodyLine + line - 1, column: offset + max(column, 1))
    }
}

/// One `key=value` attribute of a block's info string, with where it was written.
public struct BlockAttribute: Sendable, Hashable {
    /// The key, e.g. `shots`.
    public var key: String
    /// The value as written (quotes removed).
    public var value: String
    /// Where the attribute starts on the fence line.
    public var location: SourceLocation

    /// Creates an attribute.
    public init(key: String, value: String, location: SourceLocation) {
        self.key = key
        self.value = value
        self.location = location
    }
}
