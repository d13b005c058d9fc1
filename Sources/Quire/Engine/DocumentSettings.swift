import QuireCore
import QuireMarkdown

/// The document-wide settings of a paper, from the `quire:` key of its front matter (DESIGN §3).
/// Other front-matter keys (title, authors, abstract, …) belong to the author and are not checked.
public struct DocumentSettings: Hashable, Sendable {
    /// Document seed: every block's seed derives from it and the block id. Default 0.
    public var seed: UInt64 = Seeds.defaultDocumentSeed
    /// Significant digits of every printed number. Default 4.
    public var precision: Int = 4
    /// Folder for SVG figures, relative to the document. Default `<stem>.figures`.
    public var figures: String
    /// Where the front matter sets `figures:`, if it does, for errors about the folder on disk.
    public var figuresLocation: SourceLocation?
    /// The front matter's title, if any, for reports.
    public var title: String?

    /// The keys allowed under `quire:`.
    static let keys = ["seed", "precision", "figures"]

    /// Settings for the document named `file` from its front matter.
    ///
    /// - Throws: a located error for malformed YAML, an unknown `quire:` key or a value out of range.
    public init(frontMatter: FrontMatter?, file: String) throws {
        figures = Self.defaultFigures(for: file)
        guard let frontMatter,
            let root = try SpecNode.parse(
                frontMatter.yaml,
                origin: YAMLOrigin(yaml: frontMatter.yaml) { line, column in
                    SourceLocation(file: file, line: frontMatter.firstYAMLLine + line - 1, column: column)
                })
        else { return }
        guard case .mapping(let top) = root.node else {
            throw root.error("front matter must be a YAML mapping", hint: "write key: value lines between the '---' lines")
        }
        title = top["title"]?.string
        guard let quire = top["quire"] else { return }
        let settings = try SpecNode(node: quire, path: "quire", origin: root.origin).mapping(allowed: Self.keys)
        if let seed = settings["seed"] { self.seed = try seed.unsigned64() }
        if let precision = settings["precision"] { self.precision = try precision.integer(in: 1...15) }
        if let figures = settings["figures"] {
            self.figures = try ProjectPath.relative(try figures.string(), at: figures)
            if let tool = self.figures.split(separator: "/").first(where: { Self.toolFolders.contains($0.lowercased()) }) {
                throw figures.error(
                    "the figures folder '\(self.figures)' lies inside '\(tool)', which belongs to \(tool.lowercased() == ".git" ? "git" : "Quire")",
                    hint: "name a folder of your own, e.g. figures: paper.figures")
            }
            figuresLocation = figures.location
        }
    }

    /// Folders that tools own, where a document may not have figures written (`.git/hooks`,
    /// `.quire/cache`): compared case-insensitively, as macOS's file system does.
    static let toolFolders: Set<String> = [".git", ".quire"]

    /// `<stem>.figures` for `paper.md`.
    static func defaultFigures(for file: String) -> String {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        let stem = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
        return stem + ".figures"
    }
}
