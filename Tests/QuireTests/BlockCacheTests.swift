import Foundation
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

        ```experiment id=trained
        dataset: {name: moons, samples: 24, noise: 0.1, test_fraction: 0.25}
        encoding: {kind: angle, rotation: y}
        model: {kind: variational, qubits: 2, ansatz: strongly-entangling, layers: 1, observable: Z0}
        train: {optimizer: adam, learning_rate: 0.1, epochs: 2, batch_size: 6, gradient: adjoint}
        baselines: [rbf-svm, logistic-regression]
        repeat: 2
        ```

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
}
