import QuireCore

/// A Markdown document read as Quire sees it: front matter, runnable blocks, and the generated
/// regions already present, each with exact byte ranges so a rewrite touches nothing else.
public struct QuireDocument: Sendable {
    /// The file name used in diagnostics.
    public let file: String
    /// The bytes and their line table.
    public let source: MarkdownSource
    /// The YAML front matter, if any.
    public let frontMatter: FrontMatter?
    /// Runnable blocks in document order.
    public let blocks: [RunnableBlock]
    /// Output regions in document order.
    public let regions: [OutputRegion]
    /// The provenance appendix, if present.
    public let provenance: OutputRegion?
    /// The code fence or HTML block left open at the end, which would swallow anything appended.
    let openAtEnd: OpenConstruct?
    /// Problems that do not stop a run: invalid UTF-8 that changes nothing Quire reads.
    public let warnings: [Diagnostic]

    /// The version of the linked cmark-gfm, recorded in provenance.
    public static var cmarkVersion: String { CmarkTree.version }

    /// The longest block id, in characters: an id names the block's figure files
    /// (`<id>-confusion-<model>.svg`) and must leave room for that within a file name's 255 bytes.
    public static let maximumIDLength = 64

    /// Parses `bytes` (the file `file`) into blocks and regions.
    ///
    /// Invalid UTF-8 is kept byte for byte, but cmark-gfm's scanners stop at it: a fence whose info
    /// string holds an invalid byte does not open, and an HTML comment holding one never ends, so
    /// the blocks after it would vanish without a word. The document is therefore also read with
    /// every invalid byte replaced by a space: when that finds other blocks or regions (or only one
    /// of the two reads fails), the invalid byte is an error (`MarkdownError.invalidUTF8`);
    /// otherwise it is a warning in `warnings`. Both name the first invalid byte's line and column.
    ///
    /// - Throws: `MarkdownError` for an unknown Quire-like block kind, a missing, invalid or duplicate
    ///   id, a malformed attribute, an unclosed fence, unbalanced region markers, or invalid UTF-8
    ///   that hides or changes blocks or regions.
    public init(bytes: [UInt8], file: String) throws {
        self.file = file
        let source = MarkdownSource(bytes)
        self.source = source
        let read = Result { try Self.read(source, file: file) }
        let invalid = source.invalidUTF8Offsets()
        var warnings: [Diagnostic] = []
        if let first = invalid.first {
            var repaired = bytes
            for offset in invalid { repaired[offset] = UInt8(ascii: " ") }
            let clean = Result { try Self.read(MarkdownSource(repaired), file: file) }
            let line = source.line(containing: first)
            let at = SourceLocation(file: file, line: line, column: first - source.lineStarts[line - 1] + 1)
            // Wrong either way: the error the document has with its bytes repaired.
            if case .failure(let error) = clean, case .failure = read { throw error }
            let layout = { (result: Result<(FrontMatter?, NodeReader), any Error>) in (try? result.get()).map { $0.1.layout } }
            guard let cleanLayout = layout(clean), layout(read) == cleanLayout else {
                let hidden = (layout(clean) ?? []).compactMap { $0.block }.filter { id in (layout(read) ?? []).allSatisfy { $0.block != id } }
                throw MarkdownError.invalidUTF8(at, byte: bytes[first], hiddenBlocks: hidden)
            }
            warnings.append(Self.invalidUTF8Warning(at, byte: bytes[first], count: invalid.count))
        }
        let (frontMatter, reader) = try read.get()
        self.frontMatter = frontMatter
        blocks = reader.blocks
        regions = reader.regions
        provenance = reader.provenance
        openAtEnd = reader.openAtEnd
        self.warnings = warnings
    }

    /// Front matter, blocks and regions of `source`.
    private static func read(_ source: MarkdownSource, file: String) throws -> (FrontMatter?, NodeReader) {
        let frontMatter = try FrontMatter.find(in: source, file: file)
        let nodes = CmarkTree.nodes(Self.parseInput(source, frontMatter: frontMatter))
        var reader = NodeReader(source: source, file: file)
        for node in nodes { try reader.read(node) }
        try reader.finish()
        return (frontMatter, reader)
    }

    /// The warning for `count` invalid bytes, the first at `location`, that change nothing Quire reads.
    private static func invalidUTF8Warning(_ location: SourceLocation, byte: UInt8, count: Int) -> Diagnostic {
        Diagnostic(
            location: location,
            message: "invalid UTF-8: byte 0x\(String(byte, radix: 16, uppercase: true))"
                + (count > 1 ? " (and \(count - 1) more invalid byte\(count == 2 ? "" : "s") after it)" : "")
                + "; the bytes are kept, and text read from them shows U+FFFD",
            hint: "save the document as UTF-8 (e.g. iconv -f latin1 -t utf-8); GitHub may show it differently")
    }

    /// The bytes handed to cmark-gfm: the BOM dropped and the front matter blanked to spaces, so
    /// line numbers (and every column after line 1) are those of the file.
    private static func parseInput(_ source: MarkdownSource, frontMatter: FrontMatter?) -> [UInt8] {
        var bytes = Array(source.bytes.dropFirst(source.bomLength))
        if let frontMatter {
            let end = source.lineRange(frontMatter.closingLine).upperBound - source.bomLength
            for index in 0..<end where bytes[index] != 0x0A && bytes[index] != 0x0D {
                bytes[index] = 0x20
            }
        }
        return bytes
    }
}

/// One block or region of `NodeReader.layout`.
private struct LayoutEntry: Equatable {
    /// The block's id; `nil` for a region.
    var block: String?
    /// Everything else that places it.
    var text: String
}

/// Turns cmark-gfm nodes into blocks and regions, checking the document's structural rules.
private struct NodeReader {
    let source: MarkdownSource
    let file: String
    var blocks: [RunnableBlock] = []
    var regions: [OutputRegion] = []
    var provenance: OutputRegion?
    var firstUse: [String: SourceLocation] = [:]
    var open: (marker: RegionMarkers.Parsed, line: Int, column: Int)?
    var openAtEnd: OpenConstruct?

    init(source: MarkdownSource, file: String) {
        self.source = source
        self.file = file
    }

    func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column + (line == 1 ? source.bomLength : 0))
    }

    mutating func read(_ node: SourceNode) throws {
        noteIfOpenAtEnd(node)
        switch node.kind {
        case .fencedCode(let info, let literal, _):
            try readFence(node, info: info, literal: literal)
        case .html(let literal):
            guard let marker = RegionMarkers.parse(literal) else { return }
            try readMarker(marker, line: node.startLine, column: node.startColumn)
        }
    }

    /// Records `node` as `openAtEnd` when it is a top-level code fence or HTML block with nothing
    /// but blank lines after it and no closing fence or closing text.
    private mutating func noteIfOpenAtEnd(_ node: SourceNode) {
        guard node.topLevel, node.endLine <= source.lineCount,
            ((node.endLine + 1)..<(source.lineCount + 1)).allSatisfy({ source.bytes[source.contentRange($0)].allSatisfy { $0 == 0x20 || $0 == 0x09 } }
            )
        else { return }
        let at = location(line: node.startLine, column: node.startColumn)
        switch node.kind {
        case .fencedCode(_, _, let fenceLength):
            guard !hasClosingFence(opening: node.startLine, closing: node.endLine) else { return }
            let fence =
                source.bytes[source.contentRange(node.startLine)].first { $0 == UInt8(ascii: "`") || $0 == UInt8(ascii: "~") } ?? UInt8(ascii: "`")
            openAtEnd = OpenConstruct(
                location: at, name: "code fence", closer: String(repeating: Character(UnicodeScalar(fence)), count: fenceLength))
        case .html(let literal):
            guard let kind = OpenConstruct.unclosedHTML(literal) else { return }
            openAtEnd = OpenConstruct(location: at, name: kind.name, closer: kind.closer)
        }
    }

    /// Where every block and region is, for comparing two reads of a document: a block by kind, id
    /// and fence position, a region by id and byte range.
    var layout: [LayoutEntry] {
        blocks.map { LayoutEntry(block: $0.id, text: "\($0.kind.rawValue) \($0.location) \($0.endOffset)") }
            + (regions + (provenance.map { [$0] } ?? [])).map { LayoutEntry(block: nil, text: "region \($0.id ?? "provenance") \($0.range)") }
    }

    mutating func finish() throws {
        if let open { throw MarkdownError.unterminatedRegion(location(line: open.line, column: open.column), name: name(of: open.marker)) }
    }

    private func name(of marker: RegionMarkers.Parsed) -> String {
        switch marker {
        case .outputOpening(let id): "the output region of '\(id)'"
        case .outputClosing: "an output region"
        case .provenanceOpening, .provenanceClosing: "the provenance appendix"
        }
    }

    private mutating func readMarker(_ marker: RegionMarkers.Parsed, line: Int, column: Int) throws {
        switch marker {
        case .outputOpening, .provenanceOpening:
            if let open { throw MarkdownError.unterminatedRegion(location(line: open.line, column: open.column), name: name(of: open.marker)) }
            open = (marker, line, column)
        case .outputClosing(let hash):
            guard let opened = open, case .outputOpening(let id) = opened.marker else {
                throw MarkdownError.unmatchedClosingMarker(location(line: line, column: column), name: "an output region")
            }
            if regions.contains(where: { $0.id == id }) {
                throw MarkdownError.duplicateRegion(location(line: opened.line, column: opened.column), id: id)
            }
            regions.append(region(id: id, hash: hash, from: opened, to: line))
            open = nil
        case .provenanceClosing:
            guard let opened = open, case .provenanceOpening = opened.marker else {
                throw MarkdownError.unmatchedClosingMarker(location(line: line, column: column), name: "the provenance appendix")
            }
            if provenance != nil {
                throw MarkdownError.duplicateRegion(location(line: opened.line, column: opened.column), id: "provenance")
            }
            provenance = region(id: nil, hash: nil, from: opened, to: line)
            open = nil
        }
    }

    private func region(id: String?, hash: String?, from opened: (marker: RegionMarkers.Parsed, line: Int, column: Int), to closingLine: Int)
        -> OutputRegion
    {
        let openRange = source.lineRange(opened.line)
        let closeRange = source.lineRange(closingLine)
        return OutputRegion(
            id: id, range: openRange.lowerBound..<closeRange.upperBound,
            contentRange: openRange.upperBound..<closeRange.lowerBound, recordedHash: hash,
            location: location(line: opened.line, column: opened.column), openingLine: opened.line)
    }

    /// The 1-based column where the info string starts: after the fence run and the spaces after it.
    private static func infoStringColumn(_ line: some Collection<UInt8>, fenceColumn: Int) -> Int {
        let bytes = Array(line)
        var index = fenceColumn - 1
        while index < bytes.count, bytes[index] == UInt8(ascii: "`") || bytes[index] == UInt8(ascii: "~") { index += 1 }
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
        return index + 1
    }

    private mutating func readFence(_ node: SourceNode, info: String, literal: String) throws {
        let fenceLocation = location(line: node.startLine, column: node.startColumn)
        let words = info.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard let word = words.first.map(String.init) else { return }
        guard let kind = BlockKind(rawValue: word) else {
            if let meant = BlockKind.likelyMeant(by: word) {
                let kindColumn = Self.infoStringColumn(source.lineText(node.startLine).utf8, fenceColumn: node.startColumn)
                throw MarkdownError.unknownBlockKind(location(line: node.startLine, column: kindColumn), kind: word, suggestion: meant.rawValue)
            }
            return
        }
        let fenceLine = source.lineText(node.startLine)
        let attributes = try InfoString.attributes(words.dropFirst().map(String.init), fenceLine: fenceLine) {
            self.location(line: node.startLine, column: $0)
        }
        guard let idAttribute = attributes.first(where: { $0.key == "id" }) else {
            throw MarkdownError.missingID(fenceLocation, kind: kind.rawValue)
        }
        let id = idAttribute.value
        guard !id.isEmpty, id.utf8.allSatisfy({ InfoString.isIDByte($0) }) else {
            throw MarkdownError.invalidID(idAttribute.location, id: id)
        }
        guard id.utf8.count <= QuireDocument.maximumIDLength else {
            throw MarkdownError.idTooLong(idAttribute.location, id: id, limit: QuireDocument.maximumIDLength)
        }
        if let first = firstUse[id] { throw MarkdownError.duplicateID(idAttribute.location, id: id, first: first) }
        firstUse[id] = idAttribute.location

        let bodyLines = Self.lines(of: literal)
        guard node.endLine - node.startLine - 1 == bodyLines.count, node.endLine <= source.lineCount,
            hasClosingFence(opening: node.startLine, closing: node.endLine)
        else {
            throw MarkdownError.unclosedFence(fenceLocation, id: id)
        }
        let offsets = bodyLines.enumerated().map { index, line in
            max(0, source.contentRange(node.startLine + 1 + index).count - line.utf8.count)
        }
        let closing = source.contentRange(node.endLine)
        let prefixEnd = source.bytes[closing].firstIndex { $0 == UInt8(ascii: "`") || $0 == UInt8(ascii: "~") } ?? closing.lowerBound
        blocks.append(
            RunnableBlock(
                kind: kind, id: id, attributes: attributes, body: bodyLines.map { $0 + "\n" }.joined(),
                location: fenceLocation, firstBodyLine: node.startLine + 1, bodyColumnOffsets: offsets,
                endOffset: source.lineRange(node.endLine).upperBound,
                containerPrefix: Array(source.bytes[closing.lowerBound..<prefixEnd])))
    }

    /// Whether line `closing` closes the fence opened on line `opening`: container prefix bytes only
    /// (spaces, tabs, `>`), then at least as many of the opening fence character, then only spaces
    /// and tabs. cmark-gfm also ends a fenced block where its container ends (an unindented line in
    /// a list item, a block quote's last line); such a block has no closing fence, and a region
    /// inserted after it would fall outside the container and change how the rest of the file reads.
    private func hasClosingFence(opening: Int, closing: Int) -> Bool {
        let isFence: (UInt8) -> Bool = { $0 == UInt8(ascii: "`") || $0 == UInt8(ascii: "~") }
        let isPrefix: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == UInt8(ascii: ">") }
        let open = source.bytes[source.contentRange(opening)]
        guard let openStart = open.firstIndex(where: isFence) else { return false }
        let fence = open[openStart]
        let length = open[openStart...].prefix { $0 == fence }.count
        let line = source.bytes[source.contentRange(closing)]
        guard let start = line.firstIndex(where: { !isPrefix($0) }), line[start] == fence else { return false }
        let run = line[start...].prefix { $0 == fence }.count
        return run >= length && line[(start + run)...].allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    /// The lines of a code block's literal, without their line breaks (LF, CRLF or CR).
    private static func lines(of literal: String) -> [String] {
        var lines: [String] = []
        var current: [UInt8] = []
        var bytes = Array(literal.utf8).makeIterator()
        var pending = bytes.next()
        while let byte = pending {
            pending = bytes.next()
            if byte == 0x0A || byte == 0x0D {
                if byte == 0x0D && pending == 0x0A { pending = bytes.next() }
                lines.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            } else {
                current.append(byte)
            }
        }
        if !current.isEmpty { lines.append(String(decoding: current, as: UTF8.self)) }
        return lines
    }
}
