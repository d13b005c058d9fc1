import Foundation
import QuireCore
import Testing

@testable import Quire

/// What `quire run` may write and delete when the document's folder is untrusted (a paper under
/// review, an unpacked archive): nothing outside the folder, through no symbolic link, and never
/// a file Quire did not create; and how it treats a symlinked or read-only document.
struct NotebookFileTests {
    /// A document whose one block writes a figure.
    static let circuit = WriteFaultTests.circuitPaper

    /// `.quire` itself, or `.quire/cache`, a link to a folder outside.
    @Test(arguments: [(".quire", "the manifest folder '.quire/manifests'"), (".quire/cache", "the cache folder '.quire/cache'")])
    func aCacheFolderLinkedOutsideIsRefused(link: String, named: String) throws {
        let project = try ProjectFolder(Self.circuit)
        defer { project.remove() }
        if link != ".quire" { try FileManager.default.createDirectory(atPath: project.folder + "/.quire", withIntermediateDirectories: true) }
        try FileManager.default.createSymbolicLink(atPath: project.folder + "/" + link, withDestinationPath: project.outside)
        let error = try #require(throws: LocatedError.self) { try NotebookFile.run(path: project.paper, options: project.options()) }
        #expect(error.diagnostic.message == named + " leads outside the document's folder (a symbolic link, or '..')")
        #expect(error.diagnostic.hint?.contains("only inside the document's folder") == true)
        #expect(project.entries(project.outside).isEmpty)
        #expect(project.text(project.paper) == Self.circuit)
    }

    @Test func aManifestFolderLinkedOutsideIsRefusedWithoutTheCacheToo() throws {
        let project = try ProjectFolder(Self.circuit)
        defer { project.remove() }
        try FileManager.default.createDirectory(atPath: project.folder + "/.quire", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: project.folder + "/.quire/manifests", withDestinationPath: project.outside)
        var options = project.options()
        options.useCache = false
        let error = try #require(throws: LocatedError.self) { try NotebookFile.run(path: project.paper, options: options) }
        #expect(error.diagnostic.message.hasPrefix("the manifest folder '.quire/manifests' leads outside"))
        #expect(project.entries(project.outside).isEmpty)
    }

    /// A front-matter `figures:` inside `.git` or `.quire` (the folders git and Quire own) is refused
    /// where it is written, and nothing is written there.
    @Test(arguments: [".git/hooks", ".quire/cache", "plots/.GIT"])
    func aFiguresFolderInsideAToolsFolderIsRefused(figures: String) throws {
        let project = try ProjectFolder("---\nquire:\n  figures: \(figures)\n---\n" + Self.circuit)
        defer { project.remove() }
        let error = try #require(throws: LocatedError.self) { try NotebookFile.run(path: project.paper, options: project.options()) }
        #expect(error.description.contains("/paper.md:3:12: error: the figures folder '\(figures)' lies inside"), "\(error)")
        #expect(!FileManager.default.fileExists(atPath: project.folder + "/" + figures))
    }

    /// The default `paper.figures` and a front-matter `figures:` folder, each a link to a folder
    /// outside: refused before anything is written, the front-matter one located where it is set.
    @Test(arguments: [("", "paper.figures", nil), ("---\nquire:\n  figures: plots\n---\n", "plots", "paper.md:3:12")] as [(String, String, String?)])
    func aFiguresFolderLinkedOutsideIsRefused(frontMatter: String, figures: String, location: String?) throws {
        let project = try ProjectFolder(frontMatter + Self.circuit)
        defer { project.remove() }
        try FileManager.default.createSymbolicLink(atPath: project.folder + "/" + figures, withDestinationPath: project.outside)
        let error = try #require(throws: LocatedError.self) { try NotebookFile.run(path: project.paper, options: project.options()) }
        #expect(error.diagnostic.message == "the figures folder '\(figures)' leads outside the document's folder (a symbolic link, or '..')")
        #expect(error.diagnostic.location.map { "\(URL(fileURLWithPath: $0.file).lastPathComponent):\($0.line):\($0.column)" } == location)
        #expect(project.entries(project.outside).isEmpty)
        #expect(project.text(project.paper) == frontMatter + Self.circuit)
    }

    /// A figure file that is a symbolic link, to a file outside or inside the folder.
    @Test(arguments: [true, false])
    func aFigureThatIsASymbolicLinkIsNeitherFollowedNorReplaced(outside: Bool) throws {
        let project = try ProjectFolder(Self.circuit)
        defer { project.remove() }
        try FileManager.default.createDirectory(atPath: project.folder + "/paper.figures", withIntermediateDirectories: true)
        let target = (outside ? project.outside : project.folder) + "/target.svg"
        try project.write("mine", to: target)
        try FileManager.default.createSymbolicLink(atPath: project.folder + "/paper.figures/bell-histogram.svg", withDestinationPath: target)
        let error = try #require(throws: LocatedError.self) { try NotebookFile.run(path: project.paper, options: project.options()) }
        #expect(error.diagnostic.message.contains("is a symbolic link or not a regular file"))
        #expect(project.text(target) == "mine")
        #expect(project.text(project.paper) == Self.circuit)
    }

    /// Renames the block of a run document, so its figure becomes stale; returns the stale figure's path.
    func renameBlock(_ project: ProjectFolder) throws -> String {
        _ = try NotebookFile.run(path: project.paper, options: project.options())
        let figure = project.folder + "/paper.figures/bell-histogram.svg"
        #expect(FileManager.default.fileExists(atPath: figure))
        try project.write(project.text(project.paper)!.replacingOccurrences(of: "id=bell", with: "id=pair"), to: project.paper)
        return figure
    }

    @Test func aStaleFigureQuireWroteIsDeleted() throws {
        let project = try ProjectFolder(Self.circuit)
        defer { project.remove() }
        let figure = try renameBlock(project)
        let warnings = ProjectFolder.Warnings()
        let report = try NotebookFile.run(path: project.paper, options: project.options(warnings: warnings))
        #expect(!FileManager.default.fileExists(atPath: figure))
        #expect(report.figuresChanged == 2 && warnings.all.isEmpty)
        let manifest = FileManifest.load(project.folder + "/.quire/manifests/paper.md.json")
        #expect(Array(manifest.files.keys) == ["paper.figures/pair-histogram.svg"])
    }

    /// A stale figure is left, with a warning saying why, when the manifest does not list it (a
    /// fresh clone), when it changed since Quire wrote it, and when it is a link to elsewhere.
    @Test(arguments: ["no manifest", "edited", "link"])
    func aStaleFigureQuireDidNotWriteIsLeft(change: String) throws {
        let project = try ProjectFolder(Self.circuit)
        defer { project.remove() }
        let figure = try renameBlock(project)
        let reasons = [
            "no manifest": "Quire has no record of writing it", "edited": "it changed since Quire wrote it",
            "link": "it is not a regular file inside the document's folder",
        ]
        switch change {
        case "no manifest": try FileManager.default.removeItem(atPath: project.folder + "/.quire/manifests")
        case "edited": try project.write("<svg>mine</svg>", to: figure)
        default:
            try project.write("mine", to: project.outside + "/figure.svg")
            try FileManager.default.removeItem(atPath: figure)
            try FileManager.default.createSymbolicLink(atPath: figure, withDestinationPath: project.outside + "/figure.svg")
        }
        let warnings = ProjectFolder.Warnings()
        _ = try NotebookFile.run(path: project.paper, options: project.options(warnings: warnings))
        var status = stat()
        #expect(lstat(figure, &status) == 0)
        let expected = "the figure paper.figures/bell-histogram.svg is no longer produced but was left in place: " + reasons[change]!
        #expect(warnings.all.count == 1 && warnings.all.allSatisfy { $0.hasPrefix(expected) }, "\(warnings.all)")
        if change == "link" { #expect(project.text(project.outside + "/figure.svg") == "mine") }
    }

    @Test func aSymlinkedDocumentIsWrittenThroughAndStaysALink() throws {
        let project = try ProjectFolder("")
        defer { project.remove() }
        let target = project.outside + "/real.md"
        try project.write(Self.circuit, to: target)
        chmod(target, 0o640)
        try FileManager.default.removeItem(atPath: project.paper)
        try FileManager.default.createSymbolicLink(atPath: project.paper, withDestinationPath: target)
        let report = try NotebookFile.run(path: project.paper, options: project.options())
        #expect(report.documentChanged)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: project.paper) == target)
        #expect(project.text(target)?.contains("<!-- quire:output id=bell -->") == true)
        var status = stat()
        stat(target, &status)
        #expect(status.st_mode & 0o7777 == 0o640)
        #expect(project.entries(project.outside) == ["real.md"])
        #expect(FileManager.default.fileExists(atPath: project.folder + "/paper.figures/bell-histogram.svg"))
    }

    @Test func aReadOnlyDocumentIsRewrittenOnlyWithForce() throws {
        let project = try ProjectFolder(Self.circuit)
        defer { project.remove() }
        chmod(project.paper, 0o444)
        let error = try #require(throws: LocatedError.self) { try NotebookFile.run(path: project.paper, options: project.options()) }
        #expect(error.diagnostic.message == "\(project.paper) is read-only (mode 444); its results changed and it was not rewritten")
        #expect(error.diagnostic.hint?.contains("--force") == true)
        #expect(project.text(project.paper) == Self.circuit)
        #expect(try NotebookFile.run(path: project.paper, options: project.options(force: true)).documentChanged)
        var status = stat()
        stat(project.paper, &status)
        #expect(status.st_mode & 0o7777 == 0o444)
        // Nothing to rewrite: a read-only document that is up to date runs without --force.
        #expect(try !NotebookFile.run(path: project.paper, options: project.options()).documentChanged)
    }

    @Test func setuidSetgidAndStickyBitsAreNeverCopied() throws {
        let project = try ProjectFolder(Self.circuit)
        defer { project.remove() }
        chmod(project.paper, 0o7755)
        _ = try NotebookFile.run(path: project.paper, options: project.options())
        var status = stat()
        stat(project.paper, &status)
        #expect(status.st_mode & 0o7777 == 0o755)
        stat(project.folder + "/paper.figures/bell-histogram.svg", &status)
        #expect(status.st_mode & 0o7777 == 0o644)
    }

    /// Temporary files of a killed run (its process gone) are removed by the next run, beside the
    /// document, in the figures folder and in the cache; those of a live process are kept.
    @Test func aRunRemovesTheTemporariesOfKilledRuns() throws {
        let project = try ProjectFolder(Self.circuit)
        defer { project.remove() }
        _ = try NotebookFile.run(path: project.paper, options: project.options())
        let dead = try StaleTemporariesTests.deadProcess()
        let left = [
            "/.paper.md.quire-\(dead).tmp", "/paper.figures/.bell-histogram.svg.quire-\(dead).tmp",
            "/paper.figures/.bell-histogram.svg.backup.quire-\(dead).tmp", "/.quire/cache/.entry.json.quire-\(dead).tmp",
        ]
        let live = "/.paper.md.quire-\(getppid()).tmp"
        for name in left + [live] { try project.write("partial", to: project.folder + name) }
        _ = try NotebookFile.run(path: project.paper, options: project.options())
        #expect(left.allSatisfy { !FileManager.default.fileExists(atPath: project.folder + $0) })
        #expect(FileManager.default.fileExists(atPath: project.folder + live))
    }
}
