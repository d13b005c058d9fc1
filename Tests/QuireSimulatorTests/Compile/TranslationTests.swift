import Numerics
import Testing

@testable import QuireSimulator

/// Translation to every native basis keeps the unitary (up to a global phase) and leaves only native gates.
struct TranslationTests {
    @Test(arguments: CompileTestSupport.bases, 0..<4)
    func randomCircuitKeepsItsUnitary(basis: NativeBasis, trial: Int) {
        let circuit = CompileTestSupport.randomCircuit(qubits: 2 + trial % 4, count: 30, seed: UInt64(trial))
        let translated = circuit.translated(to: basis)
        #expect(CompileTestSupport.distanceUpToPhase(CompileTestSupport.unitary(translated), CompileTestSupport.unitary(circuit)) <= 1e-10)
        for operation in translated.operations {
            guard case let .gate(gate, _, _) = operation.kind else { continue }
            #expect(basis.nativeGates.contains(gate), "\(gate) is not native to \(basis)")
        }
    }

    /// Each gate alone, so a failure names the gate.
    @Test(arguments: StandardGate.allCases)
    func everyGateKeepsItsUnitary(gate: StandardGate) {
        for basis in CompileTestSupport.bases {
            let circuit = CompileTestSupport.randomCircuit(qubits: gate.qubitCount, count: 1, seed: 7, gates: [gate])
            let translated = circuit.translated(to: basis)
            let distance = CompileTestSupport.distanceUpToPhase(CompileTestSupport.unitary(translated), CompileTestSupport.unitary(circuit))
            #expect(distance <= 1e-10, "\(gate) in \(basis.oneQubit)+\(basis.entangler)")
        }
    }
}
