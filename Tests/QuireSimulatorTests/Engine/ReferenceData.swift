import Foundation
import Numerics
import Testing

@testable import QuireSimulator

/// Reference values generated once with Qiskit / Qiskit Aer by the scripts in ../Reference.
enum ReferenceData {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Reference")

    static func json(_ name: String) -> Any {
        let data = try! Data(contentsOf: folder.appendingPathComponent(name))
        return try! JSONSerialization.jsonObject(with: data)
    }

    /// One gate matrix from gate_matrices.json.
    struct GateCase: Sendable, CustomTestStringConvertible {
        var gate: StandardGate
        var parameters: [Double]
        var matrix: ComplexMatrix
        var testDescription: String { "\(gate.rawValue)\(parameters)" }
    }

    static let gateCases: [GateCase] = (json("gate_matrices.json") as! [[String: Any]]).map { entry in
        let re = entry["real"] as! [Double], im = entry["imag"] as! [Double]
        let dimension = Int(Double(re.count).squareRoot())
        return GateCase(
            gate: StandardGate(rawValue: entry["gate"] as! String)!, parameters: entry["parameters"] as! [Double],
            matrix: ComplexMatrix(dimension: dimension, elements: zip(re, im).map { Complex($0, $1) }))
    }

    /// One circuit from circuits.json with Aer's probabilities.
    struct CircuitCase: Sendable, CustomTestStringConvertible {
        var name: String
        var circuit: Circuit
        var probabilities: [Double]
        var lambdas: (Double, Double)
        var testDescription: String { name }
    }

    static let circuits: [String: [CircuitCase]] = {
        let sections = json("circuits.json") as! [String: [[String: Any]]]
        return sections.mapValues { $0.map(circuitCase) }
    }()

    static func circuitCase(_ entry: [String: Any]) -> CircuitCase {
        let n = entry["qubits"] as! Int, m = entry["clbits"] as! Int
        let creg = Register(name: "c", size: m, offset: 0)
        let operations = (entry["ops"] as! [[String: Any]]).map { op -> QuireSimulator.Operation in
            if let qubit = op["measure"] as? Int { return QuireSimulator.Operation(.measure(qubit: qubit, clbit: op["clbit"] as! Int)) }
            if let qubit = op["reset"] as? Int { return QuireSimulator.Operation(.reset(qubit: qubit)) }
            let condition = (op["condition"] as? [Any]).map { Condition(register: creg, value: UInt64($0[1] as! Int)) }
            return QuireSimulator.Operation(
                .gate(
                    StandardGate(rawValue: op["gate"] as! String)!, qubits: op["qubits"] as! [Int],
                    parameters: op["parameters"] as! [Double]), condition: condition)
        }
        let circuit = Circuit(
            quantumRegisters: [Register(name: "q", size: n, offset: 0)],
            classicalRegisters: m > 0 ? [creg] : [], operations: operations)
        return CircuitCase(
            name: entry["name"] as! String, circuit: circuit, probabilities: entry["probabilities"] as! [Double],
            lambdas: ((entry["lambda1"] as? Double) ?? 0, (entry["lambda2"] as? Double) ?? 0))
    }
}

/// Largest entrywise difference of two equally long arrays.
func maxDifference(_ a: [Double], _ b: [Double]) -> Double {
    precondition(a.count == b.count, "arrays differ in length")
    return zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) }
}

/// A circuit on one register `q` of `qubits` qubits (and `clbits` classical bits in register `c`).
func makeCircuit(qubits: Int, clbits: Int = 0, _ operations: [QuireSimulator.Operation]) -> Circuit {
    Circuit(
        quantumRegisters: [Register(name: "q", size: qubits, offset: 0)],
        classicalRegisters: clbits > 0 ? [Register(name: "c", size: clbits, offset: 0)] : [], operations: operations)
}

/// A gate operation.
func gate(_ gate: StandardGate, _ qubits: Int..., parameters: [Double] = []) -> QuireSimulator.Operation {
    QuireSimulator.Operation(.gate(gate, qubits: qubits, parameters: parameters))
}
