import QuireCore

/// Problems with the structure of a Quire document, each located in the Markdown file.
public enum MarkdownError: InputError, Hashable {
    /// The document opens front matter with `---` but never closes it.
    case unterminatedFrontMatter(SourceLocation)
    /// A fenced block's kind looks like a Quire kind but is not one (a typo would silently skip it).
    case unknownBlockKind(SourceLocation, kind: String, suggestion: String)
    /// A runnable block has no `id=` attribute.
    case missingID(SourceLocation, kind: String)
    /// An `id` uses characters outside `[A-Za-z0-9_-]`.
    case invalidID(SourceLocation, id: String)
    /// An `id` is longer than `limit` characters (it names figure and cache files, which the file
    /// system limits to 255 bytes).
    case idTooLong(SourceLocation, id: String, limit: Int)
    /// Two runnable blocks share an id.
    case duplicateID(SourceLocation, id: String, first: SourceLocation)
    /// An info-string attribute is not of the form `key=value`, or repeats a key.
    case malformedAttribute(SourceLocation, text: String)
    /// A runnable block's fence is never closed, so its end (and where results go) is unknown.
    case unclosedFence(SourceLocation, id: String)
    /// An output region or appendix opens but never closes.
    case unterminatedRegion(SourceLocation, name: String)
    /// A closing marker with no opening marker before it.
    case unmatchedClosingMarker(SourceLocation, name: String)
    /// A region's content no longer matches the hash in its closing marker: someone edited it.
    case regionEditedByHand(SourceLocation, id: String)
    /// The same output region appears twice.
    case duplicateRegion(SourceLocation, id: String)
    /// Inserting Quire's regions would change how the author's text reads: located at the code
    /// fence or HTML block left open at the end (`construct`, with what closes it) that would
    /// swallow them, or at the last line when there is none.
    case outputWouldChangeText(SourceLocation, unclosed: OpenConstruct?)
    /// Invalid UTF-8 (`byte` is the first invalid one) makes cmark-gfm read other blocks or regions
    /// than the same document with it replaced: it stops an info string or an HTML comment from
    /// ending where it should, hiding `hiddenBlocks` (or moving blocks and regions).
    case invalidUTF8(SourceLocation, byte: UInt8, hiddenBlocks: [String])

    /// The located, actionable description of the failure.
    public var diagnostic: Diagnostic {
        switch self {
        case .unterminatedFrontMatter(let at):
            Diagnostic(
                location: at, message: "front matter opened with '---' is never closed",
                hint: "end the YAML front matter with a line holding only '---'")
        case .unknownBlockKind(let at, let kind, let suggestion):
            Diagnostic(
                location: at, message: "unknown block kind '\(kind)'",
                hint: "did you mean '\(suggestion)'? Quire's kinds are \(BlockKind.allCases.map(\.rawValue).joined(separator: ", "))")
        case .missingID(let at, let kind):
            Diagnostic(
                location: at, message: "\(kind) block has no id",
                hint: "add an id to the info string, e.g. ```\(kind) id=my-\(kind)")
        case .invalidID(let at, let id):
            Diagnostic(
                location: at, message: "invalid block id '\(id)'",
                hint: "ids use only letters, digits, '-' and '_'")
        case .idTooLong(let at, let id, let limit):
            Diagnostic(
                location: at, message: "block id '\(id.prefix(24))…' is \(id.utf8.count) characters long, more than \(limit)",
                hint: "use a shorter id; it names the block's figure and cache files")
        case .duplicateID(let at, let id, let first):
            Diagnostic(
                location: at, message: "duplicate block id '\(id)' (first used at \(first))",
                hint: "give every runnable block its own id")
        case .malformedAttribute(let at, let text):
            Diagnostic(
                location: at, message: "malformed attribute '\(text)' in the info string",
                hint: "attributes are key=value pairs separated by spaces, each key once, e.g. id=bell shots=1000")
        case .unclosedFence(let at, let id):
            Diagnostic(
                location: at, message: "the fence of block '\(id)' is never closed",
                hint: "close the block with a fence of the same character at least as long as the opening one")
        case .unterminatedRegion(let at, let name):
            Diagnostic(
                location: at, message: "\(name) opens here but its closing marker is missing",
                hint: "restore the closing marker, or delete the whole region and run again")
        case .unmatchedClosingMarker(let at, let name):
            Diagnostic(
                location: at, message: "closing marker of \(name) without an opening marker",
                hint: "restore the opening marker, or delete the whole region and run again")
        case .regionEditedByHand(let at, let id):
            Diagnostic(
                location: at,
                message: "the output region of '\(id)' was edited by hand (its content no longer matches the hash in its closing marker)",
                hint: "move your text outside the region, or run with --force to overwrite it")
        case .duplicateRegion(let at, let id):
            Diagnostic(
                location: at, message: "output region of '\(id)' appears twice",
                hint: "delete one of the regions")
        case .outputWouldChangeText(let at, let construct?):
            Diagnostic(
                location: at,
                message:
                    "the \(construct.name) opened here is never closed, so Quire's output appended after it would become part of it; nothing was written",
                hint: "close it with \(construct.closer) where it should end, then run again")
        case .outputWouldChangeText(let at, nil):
            Diagnostic(
                location: at, message: "Quire's output cannot be added without changing how the document reads; nothing was written",
                hint:
                    "the document probably ends inside an unclosed code fence or HTML block (``` without its closing fence, <!-- without -->), which would swallow the results; close it and run again"
            )
        case .invalidUTF8(let at, let byte, let hidden):
            Diagnostic(
                location: at,
                message: "invalid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true))) changes how the document reads: "
                    + (hidden.isEmpty
                        ? "blocks or regions after it are read differently"
                        : "it hides block\(hidden.count == 1 ? "" : "s") \(hidden.map { "'\($0)'" }.joined(separator: ", "))"),
                hint:
                    "an invalid byte keeps a fence's info string or an HTML comment from ending; save the document as UTF-8 (e.g. iconv -f latin1 -t utf-8)"
            )
        }
    }
}
