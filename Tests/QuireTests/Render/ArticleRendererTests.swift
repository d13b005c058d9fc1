import Foundation
import QuireCore
import Testing

@testable import Quire

/// `quire render`: deterministic, standalone, and safe with an untrusted document.
struct ArticleRendererTests {
    static let paper = """
        ---
        title: A small study
        authors: [Ada Lovelace, {name: Alan Turing}]
        abstract: We measure *one* thing.
        ---
        # Introduction

        Text with <span class="note">raw</span> and <script>alert(1)</script> inline and a [link](https://example.org).

        ## Method

        ![Loss per epoch](paper.figures/loss.svg)

        ![outside](../secret.svg)

        > ## Quoted heading

        ## Method

        """

    /// A folder with the paper, one figure inside it, and a secret beside it.
    func project() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("quire-render-\(UUID().uuidString)")
        let folder = root.appendingPathComponent("project")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("paper.figures"), withIntermediateDirectories: true)
        try Data(Self.paper.utf8).write(to: folder.appendingPathComponent("paper.md"))
        try Data("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8).write(to: folder.appendingPathComponent("paper.figures/loss.svg"))
        try Data("<svg>secret</svg>".utf8).write(to: root.appendingPathComponent("secret.svg"))
        return folder
    }

    @Test func rendersTheSameBytesTwiceWithFiguresInlined() throws {
        let path = try project().appendingPathComponent("paper.md").path
        let html = try ArticleRenderer.render(path: path, template: "article", allowRawHTML: false)
        #expect(try ArticleRenderer.render(path: path, template: "article", allowRawHTML: false) == html)
        #expect(html.contains("<title>A small study</title>"))
        #expect(html.contains("<span class=\"author\">Ada Lovelace</span><span class=\"author\">Alan Turing</span>"))
        #expect(html.contains("<em>one</em>"))
        let inlined = "data:image/svg+xml;base64," + Data("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8).base64EncodedString()
        #expect(
            html.contains(
                "<figure id=\"figure-1\"><img src=\"\(inlined)\" alt=\"Loss per epoch\" /><figcaption><span class=\"figure-number\">Figure 1.</span> Loss per epoch</figcaption></figure>"
            ))
        #expect(html.contains("src=\"../secret.svg\""), "a path leaving the project is never read")
        #expect(!html.contains(Data("<svg>secret</svg>".utf8).base64EncodedString()))
    }

    @Test func percentEncodedFigurePathsAreInlined() throws {
        // Quire writes a figures folder with a space as `my%20figs/…` (MarkdownText.destination).
        let folder = try project()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("my figs"), withIntermediateDirectories: true)
        try Data("<svg/>".utf8).write(to: folder.appendingPathComponent("my figs/a.svg"))
        #expect(
            ArticleRenderer.inlineImage("my%20figs/a.svg", folder: folder.path) == "data:image/svg+xml;base64,"
                + Data("<svg/>".utf8).base64EncodedString())
        #expect(ArticleRenderer.inlineImage("..%2Fsecret.svg", folder: folder.path) == nil)
    }

    /// The output-is-an-input check sees an image linked percent-encoded, as Quire links a figures
    /// folder whose name has a space.
    @Test func anOutputThatIsAPercentEncodedImageIsRefused() throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("my figs"), withIntermediateDirectories: true)
        try Data("<svg/>".utf8).write(to: folder.appendingPathComponent("my figs/a.svg"))
        let path = folder.appendingPathComponent("spaced.md").path
        try Data("# Spaced\n\n![a](my%20figs/a.svg)\n".utf8).write(to: URL(fileURLWithPath: path))
        let output = folder.appendingPathComponent("my figs/a.svg").path
        let error = try #require(throws: LocatedError.self) {
            try ArticleRenderer.write(path: path, to: output, template: "article", allowRawHTML: false)
        }
        #expect(error.diagnostic.message.contains("which the article inlines"), "\(error)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: output)) == Data("<svg/>".utf8))
    }

    /// An image link to a FIFO planted in the folder is left as a link, never opened (it would block).
    @Test func aFIFOImageIsNotInlined() throws {
        let folder = try project()
        mkfifo(folder.appendingPathComponent("pipe.svg").path, 0o644)
        #expect(ArticleRenderer.inlineImage("pipe.svg", folder: folder.path) == nil)
    }

    @Test func headingsGetUniqueIDsAndAContentsList() throws {
        let html = try ArticleRenderer.render(path: try project().appendingPathComponent("paper.md").path, template: "article", allowRawHTML: false)
        #expect(html.contains("<h1 id=\"introduction\">Introduction</h1>"))
        #expect(html.contains("<h2 id=\"method\">Method</h2>"))
        #expect(html.contains("<h2 id=\"quoted-heading\">Quoted heading</h2>"))
        #expect(html.contains("<h2 id=\"method-1\">Method</h2>"))
        #expect(html.contains("<li class=\"level-2\"><a href=\"#method-1\">Method</a></li>"))
    }

    /// A body that opens with `# <its title>` shows the title once (the masthead's), and only then:
    /// a different opening heading, or the title heading later on, stays in the body.
    @Test(arguments: [("# A small study\n\nText.\n", 0), ("# Another heading\n\nText.\n", 1), ("Text.\n\n# A small study\n", 1)])
    func titleHeadingIsNotRepeated(body: String, bodyTitles: Int) throws {
        let folder = try project()
        let path = folder.appendingPathComponent("titled.md").path
        try Data("---\ntitle: A small study\n---\n\(body)".utf8).write(to: URL(fileURLWithPath: path))
        let html = try ArticleRenderer.render(path: path, template: "article", allowRawHTML: false)
        #expect(html.components(separatedBy: "<h1 class=\"title\">A small study</h1>").count == 2)
        #expect(html.components(separatedBy: "<h1 id=").count - 1 == bodyTitles)
        #expect(html.contains("<p>Text.</p>"))
    }

    @Test func rawHTMLIsOmittedUnlessAllowed() throws {
        let path = try project().appendingPathComponent("paper.md").path
        let safe = try ArticleRenderer.render(path: path, template: "article", allowRawHTML: false)
        #expect(!safe.contains("<script>") && !safe.contains("<span class=\"note\">"))
        let trusted = try ArticleRenderer.render(path: path, template: "report", allowRawHTML: true)
        #expect(trusted.contains("<span class=\"note\">raw</span>"))
        // GFM's tag filter still neutralises <script>, as GitHub does, even in a trusted document.
        #expect(!trusted.contains("<script>") && trusted.contains("&lt;script>"))
    }

    @Test func unknownTemplateIsAnInputError() throws {
        let path = try project().appendingPathComponent("paper.md").path
        #expect(throws: LocatedErrorMatcher.self) {
            do { _ = try ArticleRenderer.render(path: path, template: "../etc/passwd", allowRawHTML: false) } catch { throw LocatedErrorMatcher() }
        }
    }

    /// A run paper rendered, compared with a golden page a human has read (re-record with QUIRE_RECORD_GOLDEN=1).
    @Test func renderedPaperMatchesTheGoldenPage() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Golden")
        let html = try ArticleRenderer.render(path: folder.appendingPathComponent("article.md").path, template: "article", allowRawHTML: false)
        let golden = folder.appendingPathComponent("article.html")
        if ProcessInfo.processInfo.environment["QUIRE_RECORD_GOLDEN"] == "1" {
            try Data(html.utf8).write(to: golden)
            Issue.record("recorded \(golden.lastPathComponent); read it, then run again without QUIRE_RECORD_GOLDEN")
            return
        }
        #expect(html == String(decoding: try Data(contentsOf: golden), as: UTF8.self))
    }

    /// `-o` naming the document, an image the article inlines, or either through a symbolic or a
    /// hard link: refused before anything is written.
    @Test(arguments: ["paper.md", "paper.figures/loss.svg", "link.html", "hard.html"])
    func anOutputThatIsAnInputIsRefused(output: String) throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let path = folder.appendingPathComponent("paper.md").path
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link.html").path, withDestinationPath: "paper.md")
        link(path, folder.appendingPathComponent("hard.html").path)
        let before = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        let image = try Data(contentsOf: folder.appendingPathComponent("paper.figures/loss.svg"))
        let error = try #require(throws: LocatedError.self) {
            try ArticleRenderer.write(path: path, to: folder.appendingPathComponent(output).path, template: "article", allowRawHTML: false)
        }
        #expect(error.diagnostic.message.hasPrefix("the output \(folder.appendingPathComponent(output).path) is the "))
        #expect(error.diagnostic.hint?.contains("-o") == true)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == Self.paper)
        #expect(try Data(contentsOf: folder.appendingPathComponent("paper.figures/loss.svg")) == image)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == before)
        try ArticleRenderer.write(path: path, to: folder.appendingPathComponent("paper.html").path, template: "article", allowRawHTML: false)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("paper.html").path))
    }
}

/// Marks that an error was thrown, for `#expect(throws:)`.
struct LocatedErrorMatcher: Error {}
