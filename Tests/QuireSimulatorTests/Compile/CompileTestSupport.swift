import Numerics
import QuireCore

@testable import QuireSimulator

/// Helpers for the compilation tests: circuit unitaries by matrix products, random circuits.
enum CompileTestSupport {
    /// The unitary of a circuit of gates only (its operations multiplied out; local bit j = qubit j).
    static func unitary(_ circuit: Circuit) -> ComplexMatrix {
        let all = Array(0..<circuit.qubitCount)
        var u = ComplexMatrix.identity(1 << circuit.qubitCount)
        for operation in circuit.operations {
            guard case let .gate(gate, qubits, parameters) = operation.kind else { continue }
            u = gate.matrix(parameters: parameters).embedded(from: qubits, into: all) * u
        }
        return u
    }

    /// The largest entrywise distance between `a` and `b` after removing the global phase that
    /// aligns their largest-magnitude entry of `b`.
    static func distanceUpToPhase(_ a: ComplexMatrix, _ b: ComplexMatrix) -> Double {
        let index = b.elements.indices.max { b.elements[$0].length < b.elements[$1].length }!
        let ratio = a.elements[index] / b.elements[index]
        let phase = ratio / Complex(ratio.length)
        return a.maxDistance(to: phase * b)
    }

    /// A seeded random circuit on `qubits` qubits: `count` standard gates drawn from `gates` (every
    /// gate that fits by default) on random distinct qubits, with random parameters in [−2π, 2π].
    static func randomCircuit(
        qubits: Int, count: Int, seed: UInt64, gates: [StandardGate] = StandardGate.allCases
    ) -> Circuit {
        var random = RandomStream(seed: seed, purpose: "compile-test").generator()
        let fitting = gates.filter { $0.qubitCount <= qubits }
        var operations: [Operation] = []
        for index in 0..<count {
            let gate = fitting[Int(random.next() % UInt64(fitting.count))]
            var wires = Array(0..<qubits)
            wires.shuffle(using: &random)
            let parameters = (0..<gate.parameterCount).map { _ in (random.nextUniform() * 2 - 1) * 2 * .pi }
            operations.append(
                Operation(.gate(gate, qubits: Array(wires.prefix(gate.qubitCount)), parameters: parameters), line: index + 1, column: 1))
        }
        return Circuit(quantumRegisters: [Register(name: "q", size: qubits, offset: 0)], operations: operations)
    }

    /// Every basis family with its usual entangler, and the other entanglers on the generic family.
    static let bases: [NativeBasis] = [
        NativeBasis(oneQubit: .rzSX, entangler: .cx), NativeBasis(oneQubit: .rzSX, entangler: .ecr),
        NativeBasis(oneQubit: .rzRX, entangler: .cz), NativeBasis(oneQubit: .gpi, entangler: .ms),
        NativeBasis(oneQubit: .u3, entangler: .cx), NativeBasis(oneQubit: .u3, entangler: .cz),
    ]
}
