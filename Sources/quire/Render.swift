import ArgumentParser
import Quire
import QuireCore

extension QuireCommand {
    /// `quire render`: a standalone HTML article from a paper.
    struct Render: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Render a paper as one standalone HTML file, figures inlined, through a template from Templates/.")

        @Argument(help: "The Markdown document to render.")
        var file: String

        @Option(
            name: .shortAndLong, help: "Where to write the HTML (default: the document's name with .html); never the document or an image it inlines."
        )
        var output: String?

        @Option(help: "The template: article (default) or report.")
        var template = "article"

        @Flag(help: "Pass the document's raw HTML through instead of omitting it. Only for documents you trust.")
        var allowHTML = false

        func run() async throws {
            do {
                let target = output ?? (file.hasSuffix(".md") ? String(file.dropLast(3)) : file) + ".html"
                try ArticleRenderer.write(path: file, to: target, template: template, allowRawHTML: allowHTML)
                Exit.printError("\(file): rendered to \(target)")
            } catch let error as any InputError {
                throw Exit.inputError(error)
            }
        }
    }
}
