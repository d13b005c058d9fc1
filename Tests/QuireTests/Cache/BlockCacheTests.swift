import Foundation
import QuireCore
import QuireTestSupport
import Testing

@testable import Quire

/// The result cache: a warm run computes nothing and writes the same bytes (recorded details keep
/// their key order and every digit: `trained` lists its baselines out of alphabetical order and
/// records loss curves); a corrupt entry is recomputed, never trusted; `check` never reads it.
struct BlockCacheTests {
    static let paper = """
        ```circuit id=bell shots=100
        OPENQASM 2.0;
        include "qelib1.inc";
        qreg q[2];
        h q[0];
        cx q[0], q[1];
        ```

        ```experiment id=e
        dataset: {name: moons, samples: 40}
        baselines: [logistic-regression]
        ```

        \(Fixtures.variationalExperiment(
            id: "trained", dataset: "samples: 24, noise: 0.1, test_fraction: 0.25", epochs: 2, batchSize: 6,
            baselines: "[rbf-svm, logistic-regression]"))
        """

    func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quire-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(Self.paper.utf8).write(to: folder.appendingPathComponent("paper.md"))
        return folder
    }

    var cached: RunOptions {
        var options = RunOptions()
        options.useCache = true
        options.cacheKeyPath = TestCacheKey.path
        return options
    }

    @Test func aWarmRunComputesNothingAndWritesTheSameBytes() throws {
        let folder = try folder()
        let path = folder.appendingPathComponent("paper.md").path
        let cold = try NotebookFile.run(path: path, options: cached)
        #expect(cold.cacheHits == 0)
        let once = try Data(contentsOf: URL(fileURLWithPath: path))
        // Undo the run, so the warm run must rewrite everything from the cache.
        try Data(Self.paper.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("paper.figures"))
        let warm = try NotebookFile.run(path: path, options: cached)
        #expect(warm.cacheHits == 3)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == once)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("paper.figures/bell-histogram.svg").path))
        #expect(try NotebookFile.check(path: path, options: cached).isClean)
    }

    @Test func aCorruptEntryIsRecomputed() throws {
        let folder = try folder()
        let path = folder.appendingPathComponent("paper.md").path
        _ = try NotebookFile.run(path: path, options: cached)
        let once = try Data(contentsOf: URL(fileURLWithPath: path))
        let cache = folder.appendingPathComponent(".quire/cache")
        for entry in try FileManager.default.contentsOfDirectory(atPath: cache.path) {
            let url = cache.appendingPathComponent(entry)
            var text = try String(contentsOf: url, encoding: .utf8)
            text = text.replacingOccurrences(of: "0.5000", with: "0.9999")
            try Data(text.prefix(text.count - 3).utf8).write(to: url)
        }
        try Data(Self.paper.utf8).write(to: URL(fileURLWithPath: path))
        let run = try NotebookFile.run(path: path, options: cached)
        #expect(run.cacheHits == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == once)
    }

    @Test func anEditedSpecMissesTheCache() throws {
        let folder = try folder()
        let path = folder.appendingPathComponent("paper.md").path
        _ = try NotebookFile.run(path: path, options: cached)
        let edited = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "shots=100", with: "shots=101")
        try Data(edited.utf8).write(to: URL(fileURLWithPath: path))
        #expect(try NotebookFile.run(path: path, options: cached).cacheHits == 2)
    }

    /// A forged entry: its result edited and its checksum recomputed as a plain SHA-256 over the
    /// same fields (what an author shipping a `.quire/` folder can do), and an entry authenticated
    /// under another user's key. Neither is used: the block is recomputed.
    @Test(arguments: [true, false])
    func aForgedEntryIsNotUsed(plainChecksum: Bool) throws {
        let project = try ProjectFolder(NotebookFileTests.circuit)
        defer { project.remove() }
        _ = try NotebookFile.run(path: project.paper, options: project.options())
        let once = project.text(project.paper)
        let cache = project.folder + "/.quire/cache"
        for name in try FileManager.default.contentsOfDirectory(atPath: cache) {
            let url = URL(fileURLWithPath: cache + "/" + name)
            var entry = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
            let markdown = try #require(entry["markdown"] as? String)
            #expect(markdown.contains("0.5"))
            entry["markdown"] = markdown.replacingOccurrences(of: "0.5", with: "0.9")
            if plainChecksum {
                let fields = [
                    entry["key"] as! String, entry["markdown"] as! String, entry["engine"] as? String ?? "", "\((entry["figures"] as! [Any]).count)",
                ]
                var text = fields.map { "\($0.utf8.count):\($0)" }.joined()
                for case let file as [String: String] in entry["figures"] as! [Any] {
                    text += [file["name"]!, file["svg"]!].map { "\($0.utf8.count):\($0)" }.joined()
                }
                entry["checksum"] = Hashing.sha256Hex(Array(text.utf8))
            }
            try JSONSerialization.data(withJSONObject: entry).write(to: url)
        }
        try project.write(NotebookFileTests.circuit, to: project.paper)
        var options = project.options()
        if !plainChecksum {
            // The untouched entries, under another key, are not trusted either.
            for name in try FileManager.default.contentsOfDirectory(atPath: cache) { try FileManager.default.removeItem(atPath: cache + "/" + name) }
            _ = try NotebookFile.run(path: project.paper, options: options)
            try project.write(NotebookFileTests.circuit, to: project.paper)
            options.cacheKeyPath = project.outside + "/another/key"
        }
        let run = try NotebookFile.run(path: project.paper, options: options)
        #expect(run.cacheHits == 0)
        #expect(project.text(project.paper) == once)
    }

    @Test func entriesAreWrittenWithMode644() throws {
        let project = try ProjectFolder(NotebookFileTests.circuit)
        defer { project.remove() }
        chmod(project.paper, 0o4700)
        _ = try NotebookFile.run(path: project.paper, options: project.options())
        let cache = project.folder + "/.quire/cache"
        let names = try FileManager.default.contentsOfDirectory(atPath: cache)
        #expect(names.count == 1)
        var status = stat()
        for name in names {
            stat(cache + "/" + name, &status)
            #expect(status.st_mode & 0o7777 == 0o644)
        }
    }

    /// `quire cache clean` deletes entries only: never another file, never through a link, and
    /// never a cache folder that leads outside the document's folder.
    @Test func cleaningDeletesOnlyEntriesInsideTheFolder() throws {
        let project = try ProjectFolder(NotebookFileTests.circuit)
        defer { project.remove() }
        _ = try NotebookFile.run(path: project.paper, options: project.options())
        let cache = project.folder + "/.quire/cache"
        try project.write("keep", to: cache + "/notes.txt")
        try project.write("keep", to: project.outside + "/data.json")
        let linked = String(repeating: "a", count: 64) + ".json"
        try FileManager.default.createSymbolicLink(atPath: cache + "/" + linked, withDestinationPath: project.outside + "/data.json")
        #expect(try BlockCache.clean(documentFolder: project.folder) == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache).sorted() == [linked, "notes.txt"])
        #expect(project.text(project.outside + "/data.json") == "keep")

        try FileManager.default.removeItem(atPath: project.folder + "/.quire")
        try FileManager.default.createSymbolicLink(atPath: project.folder + "/.quire", withDestinationPath: project.outside)
        try FileManager.default.createDirectory(atPath: project.outside + "/cache", withIntermediateDirectories: true)
        try project.write("keep", to: project.outside + "/cache/" + linked)
        #expect(throws: LocatedError.self) { try BlockCache.clean(documentFolder: project.folder) }
        #expect(project.text(project.outside + "/cache/" + linked) == "keep")
    }
}
