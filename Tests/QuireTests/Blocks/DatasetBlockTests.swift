import Foundation
import QuireCore
import Testing

@testable import Quire

/// `dataset` blocks: CSV files inside the project, pinned by SHA-256, referable from experiments.
struct DatasetBlockTests {
    static let csv =
        "x,y,kind\n0.0,1.00,a\n0.1,1.05,a\n0.2,1.10,a\n0.3,1.15,a\n0.4,1.20,a\n0.5,1.25,a\n0.6,1.30,a\n0.7,1.35,a\n0.8,1.40,a\n0.9,1.45,a\n2.0,3.00,b\n2.1,2.95,b\n2.2,2.90,b\n2.3,2.85,b\n2.4,2.80,b\n2.5,2.75,b\n2.6,2.70,b\n2.7,2.65,b\n2.8,2.60,b\n2.9,2.55,b\n"
    static var digest: String { Hashing.sha256Hex(Array(csv.utf8)) }

    /// Runs `document` in a fresh folder holding data/points.csv, a FIFO data/pipe.csv and, beside the
    /// folder, secret.csv.
    func run(_ document: String) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("quire-data-\(UUID().uuidString)")
        let folder = root.appendingPathComponent("paper")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("data"), withIntermediateDirectories: true)
        try Data(Self.csv.utf8).write(to: folder.appendingPathComponent("data/points.csv"))
        try Data(Self.csv.utf8).write(to: root.appendingPathComponent("secret.csv"))
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("data/link.csv"), withDestinationURL: root.appendingPathComponent("secret.csv"))
        mkfifo(folder.appendingPathComponent("data/pipe.csv").path, 0o644)
        let path = folder.appendingPathComponent("paper.md").path
        try Data(document.utf8).write(to: URL(fileURLWithPath: path))
        _ = try NotebookFile.run(path: path, options: RunOptions())
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    func error(_ document: String) -> String {
        do {
            _ = try run(document)
            return ""
        } catch { return "\(error)" }
    }

    func block(file: String = "data/points.csv", sha: String? = nil, extra: String = "") -> String {
        "```dataset id=pts\nfile: \(file)\nsha256: \(sha ?? Self.digest)\nlabel: kind\n\(extra)```\n"
    }

    @Test func aPinnedFileFeedsAnExperiment() throws {
        let out = try run(block() + "\n```experiment id=e\ndataset: {ref: pts, test_fraction: 0.3}\nbaselines: [logistic-regression]\n```\n")
        #expect(out.contains("Dataset `pts`: 20 samples, 2 features (`x`, `y`)"))
        #expect(out.contains("20 samples (14 train / 6 test, stratified)"))
        #expect(out.contains("| logistic-regression |          1.000 |         1.000 |"))
    }

    @Test func aChangedFileIsRefusedAtThePin() {
        let wrong = String(repeating: "0", count: 64)
        let message = error(block(sha: wrong))
        #expect(message.contains("paper.md:3:9: error: 'data/points.csv' has sha256 \(Self.digest), not the pinned \(wrong)"), "\(message)")
    }

    @Test func aMissingPinSuggestsTheDigest() {
        #expect(error("```dataset id=pts\nfile: data/points.csv\nlabel: kind\n```\n").contains("add sha256: \(Self.digest)"))
    }

    @Test(arguments: ["../secret.csv", "/etc/passwd", "data/link.csv", "data/absent.csv"])
    func filesOutsideTheProjectAreNeverRead(file: String) {
        let message = error(block(file: file))
        #expect(message.contains("paper.md:2:7: error:"), "\(message)")
    }

    /// Found by Fuzz/dataset: `file: data` (a folder inside the project) failed with an unlocated
    /// "cannot read" naming the absolute path.
    @Test func aFolderIsRefusedWhereItIsNamed() {
        let message = error(block(file: "data"))
        #expect(message.contains("paper.md:2:7: error: 'data' is a folder, not a CSV file"), "\(message)")
    }

    /// A FIFO planted in the folder (an archive can carry one) would block the read forever: it is
    /// refused where it is named, before anything opens it.
    @Test func aFIFOIsRefusedWithoutBeingOpened() {
        let message = error(block(file: "data/pipe.csv"))
        #expect(message.contains("paper.md:2:7: error: 'data/pipe.csv' is not a regular file (a FIFO, socket or device)"), "\(message)")
    }

    @Test func unknownColumnsListTheHeader() {
        #expect(error(block(extra: "features: [x, z]\n")).contains("no column named 'z'"))
    }

    @Test func anUnknownReferenceNamesTheDeclaredBlocks() {
        let message = error(block() + "\n```experiment id=e\ndataset: ptz\n```\n")
        #expect(message.contains("no dataset block has id 'ptz'") && message.contains("pts"), "\(message)")
    }

    static let moons = "```dataset id=shared\ngenerator: moons\nsamples: 40\nnoise: 0.1\n```\n"

    /// The samples' SHA-256 each experiment's provenance records for its dataset.
    func recordedDigests(_ document: String) -> [String] {
        document.components(separatedBy: "\"generated\": {").dropFirst().compactMap { part in
            guard let range = part.range(of: #""sha256": "[0-9a-f]{64}""#, options: .regularExpression) else { return nil }
            return String(part[range])
        }
    }

    /// Two experiments that name one generated dataset block train and test on the very same
    /// samples (one digest, equal to the block's own), whatever their own seeds; with an inline
    /// generator each would draw its own samples.
    @Test func aGeneratedDatasetIsSharedByExperiments() throws {
        let experiments = (1...2).map { "\n```experiment id=e\($0)\ndataset: shared\nbaselines: [logistic-regression]\n```\n" }.joined()
        let out = try run(Self.moons + experiments)
        #expect(out.contains("Dataset `shared`: 40 samples, 2 features, generated by `moons` with seed "), "\(out)")
        let digests = recordedDigests(out)
        #expect(digests.count == 2 && Set(digests).count == 1, "\(digests)")
        let blockDigest = out.components(separatedBy: "samples sha256 `")[1].prefix(12)
        #expect(digests[0].contains("\"sha256\": \"\(blockDigest)"), "\(digests[0]) vs \(blockDigest)")
        #expect(out.contains("| upper moon |"), "the generator's class names label the table")
    }

    /// The block's seed decides its samples: `seed=` or another id draws other data, a rerun the same.
    @Test func aGeneratedDatasetFollowsItsSeed() throws {
        let use = "\n```experiment id=e\ndataset: shared\nbaselines: [logistic-regression]\n```\n"
        let first = recordedDigests(try run(Self.moons + use))
        let again = recordedDigests(try run(Self.moons + use))
        let seeded = recordedDigests(try run(Self.moons.replacingOccurrences(of: "id=shared", with: "id=shared seed=7") + use))
        #expect(first == again && first.count == 1)
        #expect(seeded.count == 1 && seeded != first)
    }

    @Test(arguments: [
        ("generator: moonz\n", "paper.md:2:12: error: unknown dataset generator 'moonz'"),
        ("generator: moons\nbits: 3\n", "paper.md:3:1: error:"),
        ("generator: moons\nsamples: -4\n", "paper.md:3:10: error:"),
        (
            "generator: blobs\nsamples: 10000000\nfeatures: 1000\n",
            "paper.md:3:10: error: the dataset (10000000 samples × 1000 features) would need about"
        ),
    ])
    func badGeneratorsAreLocated(body: String, expected: String) {
        let message = error("```dataset id=shared\n\(body)```\n")
        #expect(message.contains(expected), "\(message)")
    }
}
