import Foundation
import OrderedCollections
import QuireCore
import QuireLearning

/// `quire export --reproduce FOLDER`: re-executes a document's experiment blocks (every result is a
/// pure function of the document, so this is the run the document records) and writes, for every
/// sweep point and repeat, what a third party needs to reproduce its numbers with other tools: the
/// split with the scaled features every model saw, each baseline's chosen hyperparameters and test
/// predictions, and the quantum model's trained parameters, test outputs and executed circuits. The document is
/// only read. Tests/Reproduction/reproduce.py checks an export against scikit-learn and Qiskit.
///
/// Layout: `FOLDER/<block>/repeat-<r>/` (with a sweep, `FOLDER/<block>/point-<p>/repeat-<r>/`),
/// each holding `split.csv`, `repeat.json` and the quantum model's `circuits/*.qasm`;
/// `FOLDER/quire-export.json` names the document.
public enum ReproductionExport {
    /// What was written.
    public struct Report: Sendable {
        /// The experiment blocks exported, in document order.
        public var blocks: [String] = []
        /// Repeat folders written.
        public var repeats = 0
    }

    /// The marker file an export folder holds; a non-empty folder without it is never written into.
    static let marker = "quire-export.json"

    /// Exports every experiment block of the document at `path` (only `blocks`, when given) into `folder`.
    ///
    /// - Throws: a `LocatedError` for a document that does not plan or run, an unknown block id, a
    ///   folder that is not empty and not an earlier export, or a file that cannot be written.
    public static func export(path: String, to folder: String, blocks wanted: [String] = [], options: RunOptions) throws -> Report {
        let bytes = try NotebookFile.read(path)
        let plan = try Notebook.plan(bytes: bytes, file: path, options: try NotebookFile.located(options, path))
        let experiments = plan.blocks.filter { $0.block.kind == .experiment }
        for id in wanted where !experiments.contains(where: { $0.block.id == id }) {
            throw LocatedError(
                nil, "\(path) has no experiment block '\(id)'",
                hint: "experiment blocks: \(experiments.map(\.block.id).joined(separator: ", "))")
        }
        try prepareFolder(folder, document: path)
        var report = Report()
        let budget = JobBudget(jobs: options.jobs)
        let memory = MemoryBudget(limit: options.limits.memoryBytes)
        for (block, prepared) in experiments where wanted.isEmpty || wanted.contains(block.id) {
            let log = PointLog()
            _ = try prepared.get().execute(BlockExecution(budget: budget, memory: memory, report: { _ in }, reproduce: log.append))
            let points = log.points
            for (index, (point, outcome)) in points.enumerated() {
                let pointFolder = folder + "/" + block.id + (points.count > 1 ? "/point-\(index + 1)" : "")
                for (repeatIndex, repeatOutcome) in outcome.repeats.enumerated() {
                    let repeatFolder = pointFolder + "/repeat-\(repeatIndex + 1)"
                    try createFolder(repeatFolder, under: folder)
                    let files = try RepeatFiles(
                        block: block.id, point: point, outcome: outcome, repeatIndex: repeatIndex, repeatOutcome: repeatOutcome)
                    try AtomicFile.write(Array(files.splitCSV.utf8), to: repeatFolder + "/split.csv", keepingMode: false)
                    try AtomicFile.write(Array((files.json.rendered() + "\n").utf8), to: repeatFolder + "/repeat.json", keepingMode: false)
                    if !files.circuits.isEmpty { try createFolder(repeatFolder + "/circuits", under: folder) }
                    for (name, qasm) in files.circuits {
                        try AtomicFile.write(Array(qasm.utf8), to: repeatFolder + "/circuits/" + name, keepingMode: false)
                    }
                    report.repeats += 1
                }
            }
            report.blocks.append(block.id)
        }
        return report
    }

    /// Creates `folder` (or accepts an empty one, or an earlier export) and writes its marker.
    private static func prepareFolder(_ folder: String, document: String) throws {
        var status = stat()
        if lstat(folder, &status) == 0 {
            guard status.st_mode & S_IFMT == S_IFDIR else {
                throw LocatedError(nil, "\(folder) is not a folder", hint: "name a new or empty folder for the export")
            }
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            guard entries.isEmpty || RegularFile.isRegular(folder + "/" + marker) else {
                throw LocatedError(
                    nil, "\(folder) is not empty and holds no earlier export (\(marker))",
                    hint: "name a new or empty folder: an export never writes among files it did not create")
            }
        } else {
            try AtomicFile.createFolder(folder, named: "the export folder", hint: "name a folder you can write")
        }
        let marker = CanonicalJSON.object(["document": .string(document), "quire": .string(QuireVersion.current)])
        try AtomicFile.write(Array((marker.rendered() + "\n").utf8), to: folder + "/" + Self.marker, keepingMode: false)
    }

    /// Creates `path` below `root` one component at a time, refusing any that is a symbolic link
    /// (an earlier export folder could have had one planted to redirect the writes).
    private static func createFolder(_ path: String, under root: String) throws {
        var current = root
        for component in path.dropFirst(root.count + 1).split(separator: "/") {
            current += "/" + component
            var status = stat()
            if lstat(current, &status) != 0 {
                guard mkdir(current, 0o755) == 0 else { throw AtomicFile.failure("cannot create \(current)", current) }
            } else if status.st_mode & S_IFMT != S_IFDIR {
                throw LocatedError(nil, "\(current) is not a folder (a file or a symbolic link)", hint: "remove it, or export into a new folder")
            }
        }
    }

    /// Collects the sweep points an experiment block reports while it executes.
    private final class PointLog: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [(ExperimentBlock.Point, ExperimentRunner.Outcome)] = []

        var points: [(ExperimentBlock.Point, ExperimentRunner.Outcome)] { lock.withLock { items } }

        func append(_ point: ExperimentBlock.Point, _ outcome: ExperimentRunner.Outcome) {
            lock.withLock { items.append((point, outcome)) }
        }
    }
}
