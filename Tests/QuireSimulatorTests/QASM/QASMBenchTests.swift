import Foundation
import QuireCore
import QuireSimulator
import Testing

/// The public QASMBench sample at `../shared/qasmbench` beside the repository (never copied into
/// it), and the facts Qiskit computed about it (`Reference/generate_qasmbench_counts.py`).
enum QASMBenchSample {
    /// What the reference script records for one file.
    struct Facts: Decodable {
        var qubits: Int
        var clbits: Int
        var operations: Int
        var gates: [String: Int]
        var wiresSHA256: String
        var parameterChecksum: Double

        enum CodingKeys: String, CodingKey {
            case qubits, clbits, operations, gates
            case wiresSHA256 = "wires_sha256"
            case parameterChecksum = "parameter_checksum"
        }
    }

    struct Reference: Decodable {
        var generator: String
        var files: [String: Facts]
    }

    /// The repository root: the nearest folder above this file holding Package.swift.
    static let repositoryRoot: URL = {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) && folder.path != "/" {
            folder.deleteLastPathComponent()
        }
        return folder
    }()

    /// The sample folder, when present on this machine.
    static let directory: URL? = {
        let folder = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/qasmbench")
        return FileManager.default.fileExists(atPath: folder.path) ? folder : nil
    }()

    /// The committed reference, or `nil` if it cannot be read (a test then fails).
    static let reference: Reference? = {
        let url = repositoryRoot.appendingPathComponent("Tests/QuireSimulatorTests/Reference/qasmbench_counts.json")
        return try? JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    }()

    static let fileNames: [String] = reference?.files.keys.sorted() ?? []

    static let skipReason: Comment = "the QASMBench sample is not at ../shared/qasmbench beside the repository"
}

@Suite("QASMBench sample against Qiskit")
struct QASMBenchTests {
    @Test("the committed reference reads and names Qiskit as its generator")
    func referenceReads() throws {
        let reference = try #require(QASMBenchSample.reference)
        #expect(reference.generator.hasPrefix("qiskit "))
        #expect(reference.files.count == 12)
    }

    @Test("the reference covers exactly the sample's files", .enabled(if: QASMBenchSample.directory != nil, QASMBenchSample.skipReason))
    func coverage() throws {
        let directory = try #require(QASMBenchSample.directory)
        let present = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".qasm") }.sorted()
        #expect(present == QASMBenchSample.fileNames)
        #expect(present.count == 12)
    }

    /// Counts must match exactly; the per-wire operation sequences (names, qubits, clbits; see the
    /// script for why per wire) must hash the same; the weighted parameter sum must agree to 1e-12
    /// relative (the parameters are the same Doubles; only the order of summation differs).
    @Test(
        "each file reads like Qiskit reads it", .enabled(if: QASMBenchSample.directory != nil, QASMBenchSample.skipReason),
        arguments: QASMBenchSample.fileNames)
    func matchesQiskit(file: String) throws {
        let directory = try #require(QASMBenchSample.directory)
        let facts = try #require(QASMBenchSample.reference?.files[file])
        let source = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
        let circuit = try QASMReader.read(source)
        #expect(circuit.qubitCount == facts.qubits)
        #expect(circuit.clbitCount == facts.clbits)
        #expect(circuit.operations.count == facts.operations)
        var gates: [String: Int] = [:]
        var qubitWires = Array(repeating: "", count: circuit.qubitCount)
        var qubitWireLengths = Array(repeating: 0, count: circuit.qubitCount)
        var clbitWires = Array(repeating: "", count: circuit.clbitCount)
        var checksum = 0.0
        for operation in circuit.operations {
            let (name, line, qubits, clbits, parameters) = Self.describe(operation)
            gates[name, default: 0] += 1
            let weight = Double(qubits[0] + 1) * Double(qubitWireLengths[qubits[0]] + 1)
            for (k, value) in parameters.enumerated() { checksum += weight * Double(k + 1) * value }
            for qubit in qubits {
                qubitWires[qubit] += line + "\n"
                qubitWireLengths[qubit] += 1
            }
            for clbit in clbits { clbitWires[clbit] += line + "\n" }
        }
        let text = qubitWires.enumerated().map { "q\($0):\n\($1)" }.joined() + clbitWires.enumerated().map { "c\($0):\n\($1)" }.joined()
        #expect(gates == facts.gates)
        #expect(Hashing.sha256Hex(text) == facts.wiresSHA256)
        #expect(abs(checksum - facts.parameterChecksum) <= 1e-12 * max(1, abs(facts.parameterChecksum)))
    }

    /// The operation's name, its line in the script's canonical form, its qubits, clbits and parameters.
    private static func describe(_ operation: QuireSimulator.Operation) -> (String, String, [Int], [Int], [Double]) {
        func list(_ qubits: [Int]) -> String { qubits.map(String.init).joined(separator: ",") }
        switch operation.kind {
        case .gate(let gate, let qubits, let parameters): return (gate.rawValue, "\(gate.rawValue) \(list(qubits))", qubits, [], parameters)
        case .measure(let qubit, let clbit): return ("measure", "measure \(qubit) -> \(clbit)", [qubit], [clbit], [])
        case .reset(let qubit): return ("reset", "reset \(qubit)", [qubit], [], [])
        case .barrier(let qubits): return ("barrier", "barrier \(list(qubits))", qubits, [], [])
        }
    }
}
