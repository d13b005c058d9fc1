import QuireCore

/// Rewrites a document's generated regions and nothing else.
///
/// Every runnable block gets its output region directly after it (replacing the one there, or
/// inserted as a blank line plus the region); regions whose block is gone are removed with the
/// blank line inserted before them; the provenance appendix is replaced in place or appended.
/// Removing every region and the appendix from the result gives back the author's bytes exactly.
public enum DocumentSplicer {
    /// The new document bytes.
    ///
    /// - Parameters:
    ///   - outputs: Markdown content of each block's region by block id, lines separated by `\n`;
    ///     a block without an entry keeps its existing region untouched.
    ///   - appendix: Markdown content of the provenance appendix, or `nil` to have none.
    ///   - force: overwrite regions edited by hand instead of refusing.
    /// - Throws: `MarkdownError.regionEditedByHand` when a region to be replaced or removed no
    ///   longer matches its recorded hash and `force` is false; `MarkdownError.outputWouldChangeText`
    ///   when the rewritten document would not read back as the author's bytes plus Quire's regions
    ///   (the document ends inside an unclosed code fence or HTML block, which would swallow them;
    ///   the error points at where that construct opens).
    public static func splice(
        _ document: QuireDocument, outputs: [String: String], appendix: String?,
        force: Bool = false
    ) throws -> [UInt8] {
        try spliced(document, outputs: outputs, appendix: appendix, force: force).source.bytes
    }

    /// The new document, parsed: `splice` reads its bytes back to verify them, and a caller that
    /// needs the new regions (`quire check`) takes that parse instead of parsing a second time.
    ///
    /// - Throws: as `splice`.
    public static func spliced(
        _ document: QuireDocument, outputs: [String: String], appendix: String?,
        force: Bool = false
    ) throws -> QuireDocument {
        let rewritten = try rewrite(document, outputs: outputs, appendix: appendix, force: force)
        guard rewritten != document.source.bytes else { return document }
        // The splice places regions by the parse of the old bytes; reading the new bytes back is
        // what proves the author's text around them still means what it did.
        guard let reread = try? QuireDocument(bytes: rewritten, file: document.file), strip(reread) == strip(document) else {
            let open = document.openAtEnd
            throw MarkdownError.outputWouldChangeText(
                open?.location ?? SourceLocation(file: document.file, line: max(1, document.source.lineCount), column: 1),
                unclosed: open)
        }
        return reread
    }

    /// The spliced bytes, unchecked.
    private static func rewrite(
        _ document: QuireDocument, outputs: [String: String], appendix: String?,
        force: Bool
    ) throws -> [UInt8] {
        if let terminated = try document.withFinalLineBreak() {
            return try rewrite(terminated, outputs: outputs, appendix: appendix, force: force).droppingFinalLineBreak(terminated.source.lineEnding)
        }
        let source = document.source
        let eol = source.lineEnding
        var edits: [(range: Range<Int>, bytes: [UInt8])] = []
        var kept = Set<Int>()

        for block in document.blocks {
            guard let content = outputs[block.id] else {
                if let index = regionIndex(after: block, in: document) { kept.insert(index) }
                continue
            }
            let rendered = render(
                opening: RegionMarkers.outputOpening(id: block.id), content: content,
                closing: { RegionMarkers.outputClosing(hash: $0) }, prefix: block.containerPrefix, eol: eol)
            if let index = regionIndex(after: block, in: document) {
                let region = document.regions[index]
                try checkUnedited(region, in: source, replacement: rendered, force: force)
                kept.insert(index)
                edits.append((region.range, rendered))
            } else {
                edits.append((block.endOffset..<block.endOffset, blankLine(block.containerPrefix, eol) + rendered))
            }
        }
        for (index, region) in document.regions.enumerated() where !kept.contains(index) {
            try checkUnedited(region, in: source, replacement: nil, force: force)
            edits.append((removalRange(region, in: source), []))
        }
        let renderedAppendix = appendix.map {
            render(opening: RegionMarkers.provenanceOpening, content: $0, closing: { _ in RegionMarkers.provenanceClosing }, prefix: [], eol: eol)
        }
        switch (document.provenance, renderedAppendix) {
        case (let existing?, let new?): edits.append((existing.range, new))
        case (let existing?, nil): edits.append((removalRange(existing, in: source), []))
        case (nil, let new?):
            let end = source.bytes.count
            edits.append((end..<end, eol + new))
        case (nil, nil): break
        }
        return edits.isEmpty ? source.bytes : apply(edits, to: source.bytes)
    }

    /// The document without any output region or provenance appendix: the author's bytes alone.
    /// `strip(splice(d))` is `d` for a document that had no regions.
    public static func strip(_ document: QuireDocument) -> [UInt8] {
        let source = document.source
        let regions = document.regions + (document.provenance.map { [$0] } ?? [])
        guard !regions.isEmpty else { return source.bytes }
        if let terminated = try? document.withFinalLineBreak() {
            return strip(terminated).droppingFinalLineBreak(source.lineEnding)
        }
        return apply(regions.map { (removalRange($0, in: source), []) }, to: source.bytes)
    }

    /// The index of the region directly after `block` (only blank lines between) that belongs to it.
    private static func regionIndex(after block: RunnableBlock, in document: QuireDocument) -> Int? {
        let source = document.source
        guard let index = document.regions.firstIndex(where: { $0.range.lowerBound >= block.endOffset }) else { return nil }
        let region = document.regions[index]
        guard region.id == block.id else { return nil }
        let firstGapLine = block.endOffset >= source.bytes.count ? region.openingLine : source.line(containing: block.endOffset)
        let gapIsBlank = (firstGapLine..<region.openingLine).allSatisfy { source.isBlank($0, prefix: block.containerPrefix) }
        return gapIsBlank ? index : nil
    }

    /// A region's bytes plus the blank line before it, which insertion added.
    private static func removalRange(_ region: OutputRegion, in source: MarkdownSource) -> Range<Int> {
        let line = region.openingLine
        guard line > 1 else { return region.range }
        let prefix = Array(source.bytes[source.lineRange(line).lowerBound..<region.range.lowerBound + region.location.column - 1])
        guard source.isBlank(line - 1, prefix: prefix) else { return region.range }
        return source.lineRange(line - 1).lowerBound..<region.range.upperBound
    }

    private static func checkUnedited(_ region: OutputRegion, in source: MarkdownSource, replacement: [UInt8]?, force: Bool) throws {
        guard !force, let recorded = region.recordedHash else { return }
        let content = source.bytes[region.contentRange]
        guard RegionMarkers.contentHash(content) != recorded else { return }
        if let replacement, Array(source.bytes[region.range]) == replacement { return }
        throw MarkdownError.regionEditedByHand(region.location, id: region.id ?? "provenance")
    }

    /// Marker line, content lines and a blank line, closing marker line; every line prefixed.
    private static func render(
        opening: String, content: String, closing: (String) -> String,
        prefix: [UInt8], eol: [UInt8]
    ) -> [UInt8] {
        var body: [UInt8] = []
        var lines = content.split(separator: "\n", omittingEmptySubsequences: false)
        while lines.last?.isEmpty == true { lines.removeLast() }
        for line in lines {
            body += line.isEmpty ? blankLine(prefix, eol) : prefix + Array(line.utf8) + eol
        }
        body += blankLine(prefix, eol)
        let hash = RegionMarkers.contentHash(body)
        return prefix + Array(opening.utf8) + eol + body + prefix + Array(closing(hash).utf8) + eol
    }

    /// An empty line inside the container: the prefix without its trailing spaces.
    private static func blankLine(_ prefix: [UInt8], _ eol: [UInt8]) -> [UInt8] {
        prefix.trailingWhitespaceTrimmed + eol
    }

    private static func apply(_ edits: [(range: Range<Int>, bytes: [UInt8])], to bytes: [UInt8]) -> [UInt8] {
        let sorted = edits.enumerated().sorted { ($0.element.range.lowerBound, $0.offset) < ($1.element.range.lowerBound, $1.offset) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + edits.reduce(0) { $0 + $1.bytes.count })
        var cursor = 0
        for (_, edit) in sorted {
            let start = max(edit.range.lowerBound, cursor)
            output += bytes[cursor..<start]
            output += edit.bytes
            cursor = max(cursor, edit.range.upperBound)
        }
        output += bytes[cursor...]
        return output
    }
}

extension QuireDocument {
    /// The same document with a line break appended, when its last line has none: splicing works on
    /// terminated lines, and the break is taken off again so the author's last byte stays last.
    func withFinalLineBreak() throws -> QuireDocument? {
        guard !source.bytes.isEmpty, !source.endsWithLineBreak else { return nil }
        return try QuireDocument(bytes: source.bytes + source.lineEnding, file: file)
    }
}

extension Array where Element == UInt8 {
    /// The bytes without a final `lineEnding`, if they end with one.
    func droppingFinalLineBreak(_ lineEnding: [UInt8]) -> [UInt8] {
        count >= lineEnding.count && Array(self[(count - lineEnding.count)...]) == lineEnding ? Array(dropLast(lineEnding.count)) : self
    }
}
