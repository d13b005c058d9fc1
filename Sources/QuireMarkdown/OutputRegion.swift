import QuireCore

/// A generated region already in the document: an output region after a block, or the provenance
/// appendix. Found through cmark-gfm's HTML blocks, so markers quoted inside code blocks are ignored.
public struct OutputRegion: Sendable, Hashable {
    /// The block id for an output region; `nil` for the provenance appendix.
    public var id: String?
    /// Bytes from the start of the opening marker's line to the end of the closing marker's line.
    public var range: Range<Int>
    /// Bytes between the two marker lines: the region's content.
    public var contentRange: Range<Int>
    /// The short hash recorded in the closing marker (output regions only).
    public var recordedHash: String?
    /// Where the opening marker is.
    public var location: SourceLocation
    /// Document line of the opening marker.
    public var openingLine: Int

    /// Whether the content no longer matches the hash its closing marker recorded (edited by hand).
    public func isEdited(in bytes: [UInt8]) -> Bool {
        recordedHash.map { RegionMarkers.contentHash(bytes[contentRange]) != $0 } ?? false
    }
}

/// The exact text of the markers that delimit generated regions (DESIGN §3).
public enum RegionMarkers {
    /// The short hash of a region's content with line endings read as LF, so a checkout that
    /// converts line endings (git's autocrlf) does not make every region look edited by hand.
    public static func contentHash<Bytes: Collection<UInt8>>(_ content: Bytes) -> String {
        var normalized: [UInt8] = []
        normalized.reserveCapacity(content.count)
        var previous: UInt8 = 0
        for byte in content {
            if byte == UInt8(ascii: "\n"), previous == UInt8(ascii: "\r") {
                // CRLF: the CR already stood for this line ending.
            } else {
                normalized.append(byte == UInt8(ascii: "\r") ? UInt8(ascii: "\n") : byte)
            }
            previous = byte
        }
        return Hashing.shortHash(normalized)
    }

    /// `<!-- quire:output id=ID -->`.
    public static func outputOpening(id: String) -> String { "<!-- quire:output id=\(id) -->" }
    /// `<!-- /quire:output sha256=HASH -->`, HASH the first 8 hex digits of the content's SHA-256.
    public static func outputClosing(hash: String) -> String { "<!-- /quire:output sha256=\(hash) -->" }
    /// Opens the provenance appendix.
    public static let provenanceOpening = "<!-- quire:provenance -->"
    /// Closes the provenance appendix.
    public static let provenanceClosing = "<!-- /quire:provenance -->"

    /// What a marker HTML block says, if it is one.
    enum Parsed: Equatable {
        case outputOpening(id: String)
        case outputClosing(hash: String)
        case provenanceOpening
        case provenanceClosing
    }

    /// Reads a marker from an HTML block's literal; `nil` if it is any other HTML.
    static func parse(_ literal: String) -> Parsed? {
        let text = literal.trimmingASCIIWhitespace
        guard text.hasPrefix("<!--"), text.hasSuffix("-->") else { return nil }
        let inner = text.dropFirst(4).dropLast(3).trimmingASCIIWhitespace
        let words = inner.split(separator: " ", omittingEmptySubsequences: true)
        guard let head = words.first else { return nil }
        switch (head, words.count) {
        case ("quire:output", 2) where words[1].hasPrefix("id="):
            return .outputOpening(id: String(words[1].dropFirst(3)))
        case ("/quire:output", 2) where words[1].hasPrefix("sha256="):
            return .outputClosing(hash: String(words[1].dropFirst(7)))
        case ("quire:provenance", 1): return .provenanceOpening
        case ("/quire:provenance", 1): return .provenanceClosing
        default: return nil
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing ASCII spaces, tabs and line breaks.
    var trimmingASCIIWhitespace: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
