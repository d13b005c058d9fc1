import Foundation
import QuireCore
import QuireSimulator
import Testing

@testable import Quire

/// A document with a QASM encoding and a QASM ansatz, run end to end: reproducible, recorded in
/// the provenance, and exported as circuits that give the recorded outputs when simulated anew.
struct QASMExperimentTests {
    static let encoding = "h q;\nrz(x[0]) q[0];\nrz(x[1]) q[1];\nrzz(2*(pi - x[0])) q[0], q[1];\n"
    static let ansatz = "ry(theta[0]) q[0]; ry(theta[1]) q[1];\ncx q[0], q[1];\nrz(-0.5*theta[2] + pi/4) q[1];\n"

    /// The README's example, smaller.
    static let document = """
        ```experiment id=custom
        dataset: {name: moons, samples: 30}
        encoding:
          qasm: |
        \(encoding.split(separator: "\n").map { "    \($0)" }.joined(separator: "\n"))
        model:
          kind: variational
          layers: 2
          ansatz:
            qasm: |
        \(ansatz.split(separator: "\n").map { "      \($0)" }.joined(separator: "\n"))
        train: {epochs: 3}
        baselines: []
        ```

        """

    /// The parts of an exported `repeat.json` this test reads.
    struct Record: Decodable {
        struct Quantum: Decodable {
            var parameters: [Double]
            var bias: Double
            var testOutputs: [Double]
            var testPredictions: [Int]
        }
        var quantum: Quantum
    }

    @Test func aDocumentWithQASMBodiesRunsReproduciblyAndExportsItsCircuits() throws {
        let project = try ProjectFolder(Self.document)
        defer { project.remove() }
        _ = try NotebookFile.run(path: project.paper, options: RunOptions())
        let first = try #require(project.text(project.paper))
        _ = try NotebookFile.run(path: project.paper, options: RunOptions())
        #expect(project.text(project.paper) == first, "a second run changes nothing")
        // The canonical spec holds each body as written and its SHA-256.
        for body in [Self.encoding, Self.ansatz] {
            let escaped = body.replacingOccurrences(of: "\n", with: "\\n")
            #expect(first.contains("\"qasm\": \"\(escaped)\",\n"), "\(first)")
            #expect(first.contains("\"sha256\": \"\(Hashing.sha256Hex(body))\"\n"), "\(first)")
        }
        #expect(first.contains("\"kind\": \"qasm\""))
        // Found writing this test: the row was labelled with the built-in default ansatz.
        #expect(first.contains("| variational (qasm ansatz, 2 layers) |") && !first.contains("strongly-entangling"), "\(first)")

        let export = project.outside + "/export"
        _ = try ReproductionExport.export(path: project.paper, to: export, options: RunOptions())
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let record = try decoder.decode(Record.self, from: try Data(contentsOf: URL(fileURLWithPath: export + "/custom/repeat-1/repeat.json")))
        #expect(record.quantum.parameters.count == 6, "two layers of three theta")
        // Each test circuit, read back by the plain QASM reader and simulated, gives the recorded
        // output ⟨Z0⟩ + b and prediction (1e-12: exact statevector both ways, a few dozen gates).
        for (index, output) in record.quantum.testOutputs.enumerated() {
            let text = try #require(project.text(export + "/custom/repeat-1/circuits/test-\(index).qasm"))
            let circuit = try QASMReader.read(text)
            #expect(circuit.qubitCount == 2)
            let probabilities = try Simulator.run(circuit, options: SimulationOptions(method: .statevector)).probabilities
            let z0 = probabilities.indices.reduce(0.0) { $0 + ($1 & 1 == 1 ? -1 : 1) * probabilities[$1] }
            #expect(abs(z0 + record.quantum.bias - output) < 1e-12, "test-\(index): \(z0 + record.quantum.bias) vs \(output)")
            #expect(record.quantum.testPredictions[index] == (output >= 0 ? 1 : 0))
        }
    }

    /// A QASM body that spells the built-in hardware-efficient ansatz on two qubits trains to the
    /// very outputs the built-in ansatz gives (same seed, same parameter count, same circuit).
    @Test func aQASMBodySpellingTheBuiltInAnsatzGivesTheSameOutputs() throws {
        func outputs(_ ansatz: String) throws -> [Double] {
            let text =
                "```experiment id=same\ndataset: {name: moons, samples: 30}\nmodel:\n  kind: variational\n  ansatz: \(ansatz)\n"
                + "train: {epochs: 2}\nbaselines: []\n```\n"
            let project = try ProjectFolder(text)
            defer { project.remove() }
            _ = try NotebookFile.run(path: project.paper, options: RunOptions())
            let export = project.outside + "/export"
            _ = try ReproductionExport.export(path: project.paper, to: export, options: RunOptions())
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            let url = URL(fileURLWithPath: export + "/same/repeat-1/repeat.json")
            return try decoder.decode(Record.self, from: try Data(contentsOf: url)).quantum.testOutputs
        }
        let spelled = try outputs("{qasm: \"ry(theta[0]) q[0]; rz(theta[1]) q[0]; ry(theta[2]) q[1]; rz(theta[3]) q[1]; cx q[0], q[1];\"}")
        #expect(try spelled == outputs("hardware-efficient"))
    }
}
