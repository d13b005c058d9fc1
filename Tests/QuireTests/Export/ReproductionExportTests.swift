import Foundation
import QuireCore
import QuireSimulator
import Testing

@testable import Quire

/// `quire export --reproduce`: per repeat, the split and every choice a third party needs, equal
/// to what the document records; never written among files it did not create.
struct ReproductionExportTests {
    static let document = """
        ```dataset id=shared
        generator: moons
        samples: 30
        noise: 0.1
        ```

        ```experiment id=vqc
        dataset: {ref: shared, test_fraction: 0.3}
        model: {kind: variational, layers: 1}
        train: {epochs: 2}
        baselines: [logistic-regression, knn]
        repeat: 2
        ```

        ```experiment id=kernel
        dataset: shared
        model: {kind: kernel}
        baselines: []
        ```

        """

    /// The document run, and a fresh export folder beside it.
    func exported(blocks: [String] = []) throws -> (project: ProjectFolder, export: String, report: ReproductionExport.Report) {
        let project = try ProjectFolder(Self.document)
        _ = try NotebookFile.run(path: project.paper, options: RunOptions())
        let export = project.outside + "/export"
        let report = try ReproductionExport.export(path: project.paper, to: export, blocks: blocks, options: RunOptions())
        return (project, export, report)
    }

    /// The parts of `repeat.json` the tests read. Decoded with JSONDecoder, which parses numbers
    /// correctly rounded (Foundation's JSONSerialization on Linux is an ulp off at times).
    struct Record: Decodable {
        struct Model: Decodable {
            var name: String?
            var kind: String?
            var testAccuracy: Double
            var testPredictions: [Int]
            var parameters: [Double]?
            var bias: Double?
            var testOutputs: [Double]?
            var c: Double?
        }
        var splitSha256: String
        var baselines: [Model]
        var quantum: Model?
    }

    func json(_ path: String) throws -> Record {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(Record.self, from: try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test func everyRepeatIsWrittenWithItsSplitAndChoices() throws {
        let (project, export, report) = try exported()
        defer { project.remove() }
        #expect(report.blocks == ["vqc", "kernel"] && report.repeats == 3)
        #expect(
            project.entries(export).filter { $0.hasSuffix("repeat.json") } == [
                "kernel/repeat-1/repeat.json", "vqc/repeat-1/repeat.json", "vqc/repeat-2/repeat.json",
            ])
        let record = try json(export + "/vqc/repeat-2/repeat.json")
        let csv = try #require(project.text(export + "/vqc/repeat-2/split.csv")).split(separator: "\n")
        #expect(csv[0] == "set,row,label,x0,x1" && csv.count == 31)
        #expect(csv.filter { $0.hasPrefix("test,") }.count == 9)
        // The rows of both sets together are the 30 samples, each once.
        #expect(Set(csv.dropFirst().map { $0.split(separator: ",")[1] }).count == 30)
        // The document's provenance records the same split digest.
        let paper = try #require(project.text(project.paper))
        #expect(paper.contains("\"split_sha256\": \"\(record.splitSha256)\""))
        let quantum = try #require(record.quantum)
        #expect(quantum.parameters?.count == 6 && quantum.bias != nil)
        #expect(quantum.testPredictions.count == 9 && quantum.testOutputs?.count == 9)
        #expect(record.baselines.map(\.name) == ["logistic-regression", "knn"])
        #expect(try #require(project.text(export + "/vqc/repeat-2/repeat.json")).contains("\"n_neighbors\": "))
        let kernel = try #require(try json(export + "/kernel/repeat-1/repeat.json").quantum)
        #expect(kernel.kind == "kernel" && kernel.c == 1)
    }

    /// The predictions exported give the accuracy exported: the files agree with themselves and
    /// with the split's labels.
    @Test func predictionsMatchTheAccuracy() throws {
        let (project, export, _) = try exported(blocks: ["vqc"])
        defer { project.remove() }
        let record = try json(export + "/vqc/repeat-1/repeat.json")
        let labels = try #require(project.text(export + "/vqc/repeat-1/split.csv")).split(separator: "\n")
            .filter { $0.hasPrefix("test,") }.map { Int($0.split(separator: ",")[2])! }
        for model in record.baselines + [try #require(record.quantum)] {
            let correct = zip(model.testPredictions, labels).filter { $0 == $1 }.count
            #expect(Double(correct) / Double(labels.count) == model.testAccuracy)
        }
        #expect(!FileManager.default.fileExists(atPath: export + "/kernel"), "--block vqc exports only vqc")
    }

    /// The circuits a model ran: one per test sample (a kernel also one per training sample), each
    /// OpenQASM that reads back as the model's circuit on its qubits.
    @Test func theExecutedCircuitsAreWritten() throws {
        let (project, export, _) = try exported()
        defer { project.remove() }
        let vqc = project.entries(export + "/vqc/repeat-1/circuits")
        #expect(vqc.count == 9 && vqc.contains("test-0.qasm") && vqc.contains("test-8.qasm"))
        let kernel = project.entries(export + "/kernel/repeat-1/circuits")
        #expect(kernel.filter { $0.hasPrefix("train-") }.count == 21 && kernel.filter { $0.hasPrefix("test-") }.count == 9)
        let circuit = try QASMReader.read(try #require(project.text(export + "/vqc/repeat-1/circuits/test-3.qasm")))
        #expect(circuit.qubitCount == 2 && circuit.operations.count > 4)
    }

    @Test func aFolderOfOtherFilesIsNeverWrittenInto() throws {
        let project = try ProjectFolder(Self.document)
        defer { project.remove() }
        try project.write("mine", to: project.outside + "/notes.txt")
        #expect(throws: LocatedError.self) { try ReproductionExport.export(path: project.paper, to: project.outside, options: RunOptions()) }
        #expect(project.entries(project.outside) == ["notes.txt"])
    }

    /// A symbolic link planted in an earlier export, where a block's folder goes, is refused, not followed.
    @Test func aLinkInAnEarlierExportIsNotFollowed() throws {
        let (project, export, _) = try exported(blocks: ["kernel"])
        defer { project.remove() }
        let elsewhere = project.root.appendingPathComponent("elsewhere").path
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: export + "/vqc", withDestinationPath: elsewhere)
        #expect(throws: LocatedError.self) { try ReproductionExport.export(path: project.paper, to: export, options: RunOptions()) }
        #expect(project.entries(elsewhere).isEmpty)
    }

    @Test func anUnknownBlockNamesTheExperiments() throws {
        let project = try ProjectFolder(Self.document)
        defer { project.remove() }
        let error = #expect(throws: LocatedError.self) {
            try ReproductionExport.export(path: project.paper, to: project.outside + "/x", blocks: ["vqd"], options: RunOptions())
        }
        #expect(error?.description.contains("no experiment block 'vqd'") == true && error?.description.contains("vqc, kernel") == true)
    }
}
