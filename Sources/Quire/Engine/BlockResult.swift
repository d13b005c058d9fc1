import OrderedCollections
import QuireCore

/// What running one block produced: the Markdown of its output region, its figures, and the
/// provenance record from which the result can be rebuilt.
public struct BlockResult: Sendable {
    /// The region's Markdown, lines separated by `\n`.
    public var markdown: String
    /// SVG figures, written to the document's figures folder.
    public var figures: [Figure]
    /// Everything provenance records about this block.
    public var record: BlockRecord

    /// Creates a result.
    public init(markdown: String, figures: [Figure] = [], record: BlockRecord) {
        self.markdown = markdown
        self.figures = figures
        self.record = record
    }
}

/// A figure file produced by a block, named `<block>-<name>.svg` in slugs (`FigureName`).
public struct Figure: Sendable, Hashable {
    /// File name inside the figures folder.
    public var fileName: String
    /// The SVG text.
    public var svg: String

    /// Creates a figure.
    public init(fileName: String, svg: String) {
        self.fileName = fileName
        self.svg = svg
    }
}
