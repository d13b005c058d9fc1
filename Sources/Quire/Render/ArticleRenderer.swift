import Foundation
import Mustache
import QuireCore
import QuireMarkdown
import QuireTemplates

/// `quire render`: a paper as one standalone HTML file (figures inlined as data URIs, so it needs no
/// network or neighbouring files to view), through a Mustache template from Templates/.
public enum ArticleRenderer {
    /// Largest image inlined, in bytes; larger ones are left as links.
    public static let maxImageBytes = 16 << 20

    /// Renders the document at `path` with the built-in template `template`.
    ///
    /// - Parameter allowRawHTML: pass the document's raw HTML through (otherwise omitted: a notebook
    ///   under review is untrusted input).
    /// - Throws: input errors for a missing file, malformed document or unknown template.
    public static func render(path: String, template: String, allowRawHTML: Bool) throws -> String {
        try renderReading(path: path, template: template, allowRawHTML: allowRawHTML).html
    }

    /// Renders the document at `path` like `render` and writes the HTML to `output` atomically.
    ///
    /// - Throws: a `LocatedError`, before anything is written, when `output` is the document or an
    ///   image it inlines (the same file by device and inode, or by resolved path); else what
    ///   `render` and `AtomicFile.write` throw.
    public static func write(path: String, to output: String, template: String, allowRawHTML: Bool) throws {
        let (html, inputs) = try renderReading(path: path, template: template, allowRawHTML: allowRawHTML)
        if let input = ([path] + inputs).first(where: { isSameFile(output, $0) }) {
            throw LocatedError(
                nil, "the output \(output) is \(input == path ? "the document being rendered" : "the image \(input), which the article inlines")",
                hint: "name another file with -o, e.g. -o \(path.hasSuffix(".md") ? String(path.dropLast(3)) : path).html; nothing was written")
        }
        try AtomicFile.write(Array(html.utf8), to: output)
    }

    /// The HTML of the document at `path` and the image files it inlined.
    private static func renderReading(path: String, template: String, allowRawHTML: Bool) throws -> (html: String, images: [String]) {
        guard QuireTemplates.names.contains(template), let text = QuireTemplates.text(template + ".mustache") else {
            throw LocatedError(nil, "no template named '\(template)'", hint: "built-in templates: \(QuireTemplates.names.joined(separator: ", "))")
        }
        let mustache: MustacheTemplate
        do { mustache = try MustacheTemplate(string: text) } catch {
            throw LocatedError(nil, "template '\(template)' does not parse: \(error)")
        }
        let document = try QuireDocument(bytes: try NotebookFile.read(path), file: path)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var images: [String] = []
        var article = ArticleHTML(document: document, allowRawHTML: allowRawHTML) { source in
            guard let image = imageFile(source, folder: folder) else { return nil }
            images.append(image.file)
            return dataURI(image)
        }
        let front = FrontMatterFields(document.frontMatter)
        let name = URL(fileURLWithPath: path).lastPathComponent
        var title = front.title ?? article.headings.first(where: { $0.level == 1 })?.text ?? name
        if title.isEmpty { title = name }
        article.removeLeadingTitle(title)
        var context: [String: Any] = [
            "title": title,
            "lang": front.language ?? "en",
            "authors": front.authors,
            "hasAuthors": !front.authors.isEmpty,
            "contents": article.headings.filter { $0.level <= 3 }.map { ["level": $0.level, "text": $0.text, "id": $0.id] as [String: Any] },
            "hasContents": article.headings.count > 1,
            "body": article.body,
            "css": QuireTemplates.text("quire.css") ?? "",
            "version": QuireVersion.current,
            "source": name,
        ]
        if let abstract = front.abstract { context["abstract"] = ArticleHTML.fragment(abstract) }
        if let provenance = article.provenance { context["provenance"] = provenance }
        return (mustache.render(context), images)
    }

    /// Whether `first` and `second` name the same file: the same device and inode when both exist,
    /// else the same path once the folder's symbolic links are resolved.
    static func isSameFile(_ first: String, _ second: String) -> Bool {
        var one = stat()
        var other = stat()
        if stat(first, &one) == 0, stat(second, &other) == 0 { return one.st_dev == other.st_dev && one.st_ino == other.st_ino }
        func resolved(_ path: String) -> String? {
            let url = URL(fileURLWithPath: path)
            return ProjectPath.realPath(url.deletingLastPathComponent().path).map { $0 + "/" + url.lastPathComponent }
        }
        return resolved(first) != nil && resolved(first) == resolved(second)
    }

    /// A `data:` URI for an image file inside the document's folder; `nil` for anything else
    /// (remote URLs, paths leaving the folder, unknown types, FIFOs and devices, files over the size
    /// limit).
    static func inlineImage(_ written: String, folder: String) -> String? {
        imageFile(written, folder: folder).flatMap(dataURI)
    }

    /// The file an image link names inside `folder`, with its MIME type when it is one Quire
    /// inlines; `nil` when the link leaves the folder or names nothing. `written` is the link as
    /// written, so it is percent-decoded first (`my%20paper.figures/…`, as Quire links figures in a
    /// folder whose name has a space) — once, here, for both the inlining and the list of inputs
    /// `write` refuses to overwrite.
    static func imageFile(_ written: String, folder: String) -> (file: String, type: String?)? {
        let source = written.removingPercentEncoding ?? written
        let types = ["svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp"]
        return ProjectPath.resolve(source, in: folder).map { ($0, types[(source as NSString).pathExtension.lowercased()]) }
    }

    /// The `data:` URI of `image`, a regular file of at most `maxImageBytes` of a known type.
    private static func dataURI(_ image: (file: String, type: String?)) -> String? {
        guard let type = image.type, let bytes = RegularFile.read(image.file, limit: maxImageBytes) else { return nil }
        return "data:\(type);base64,\(Data(bytes).base64EncodedString())"
    }
}

/// The author's front-matter fields a template shows: title, authors, abstract, language.
struct FrontMatterFields {
    var title: String?
    var authors: [String] = []
    var abstract: String?
    var language: String?

    /// Reads the fields leniently: the front matter is the author's, only `quire:` is checked.
    init(_ frontMatter: FrontMatter?) {
        guard let yaml = frontMatter?.yaml,
            let root = try? SpecNode.parse(yaml, origin: YAMLOrigin(yaml: yaml) { SourceLocation(file: "", line: $0, column: $1) }),
            case .mapping(let top) = root.node
        else { return }
        title = top["title"]?.string
        abstract = top["abstract"]?.string
        language = top["lang"]?.string
        switch top["authors"] ?? top["author"] {
        case .scalar(let scalar)?: authors = [scalar.string]
        case .sequence(let items)?:
            authors = items.compactMap { item in
                if case .mapping(let author) = item { return author["name"]?.string }
                return item.string
            }
        default: break
        }
    }
}
