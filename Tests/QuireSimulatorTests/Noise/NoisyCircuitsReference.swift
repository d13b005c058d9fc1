import Foundation
import QuireSimulator

/// Small random circuits with noise profiles and Aer's exact noisy probabilities, from
/// `Reference/generate_noisy_circuits.py`: the data of the end-to-end conformance test of noisy engines.
struct NoisyCircuitsReference: Decodable {
    /// One gate as the script writes it: qelib1 name, qubits (controls first), parameters.
    struct Op: Decodable {
        let gate: String
        let qubits: [Int]
        let params: [Double]
    }

    struct Case: Decodable {
        let name: String
        let qubits: Int
        let ops: [Op]
        /// The same circuit as OpenQASM 2 text, without measurements.
        let qasm: String
        let profile: ProfileJSON
        /// Diagonal of Aer's final density matrix; index bit q is qubit q.
        let probabilitiesBeforeReadout: [Double]
        /// The same with every qubit's readout error applied: `SimulationResult.probabilities`.
        let probabilities: [Double]

        /// The circuit as Quire's IR, one register `q`.
        var circuit: Circuit {
            Circuit(
                quantumRegisters: [Register(name: "q", size: qubits, offset: 0)],
                operations: ops.map { Operation(.gate(StandardGate(rawValue: $0.gate)!, qubits: $0.qubits, parameters: $0.params)) })
        }
    }

    let cases: [Case]

    /// The committed reference file, read once.
    static let shared: NoisyCircuitsReference = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Reference/noisy_circuits.json")
        do {
            return try snakeCaseDecoder.decode(NoisyCircuitsReference.self, from: Data(contentsOf: url))
        } catch {
            fatalError("cannot read \(url.path): \(error)")
        }
    }()
}
