import Numerics
import Testing

@testable import QuireSimulator

/// Peephole optimisation keeps the unitary, stays native, and removes what it promises to.
struct OptimizationTests {
    @Test(arguments: CompileTestSupport.bases, 1...2)
    func randomCircuitKeepsItsUnitary(basis: NativeBasis, level: Int) {
        for trial in 0..<4 {
            let circuit = CompileTestSupport.randomCircuit(qubits: 2 + trial, count: 30, seed: UInt64(100 + trial))
            let translated = circuit.translated(to: basis)
            let optimized = translated.optimized(level: level, basis: basis)
            let distance = CompileTestSupport.distanceUpToPhase(CompileTestSupport.unitary(optimized), CompileTestSupport.unitary(circuit))
            #expect(distance <= 1e-10)
            #expect(optimized.operations.count <= translated.operations.count)
            for operation in optimized.operations {
                guard case let .gate(gate, _, _) = operation.kind else { continue }
                #expect(basis.nativeGates.contains(gate), "\(gate) is not native to \(basis)")
            }
        }
    }

    @Test func levelZeroIsTheIdentity() {
        let circuit = CompileTestSupport.randomCircuit(qubits: 3, count: 20, seed: 5).translated(to: CompileTestSupport.bases[0])
        #expect(circuit.optimized(level: 0, basis: CompileTestSupport.bases[0]) == circuit)
    }

    @Test func levelOneMergesRunsAndCancelsPairs() {
        let basis = NativeBasis(oneQubit: .rzSX, entangler: .cx)
        let circuit = Self.circuit([
            (.rz, [0], [0.25]), (.rz, [0], [-0.25]), (.cx, [0, 1], []), (.cx, [0, 1], []), (.sx, [1], []), (.sx, [1], []),
        ])
        // rz·rz is the identity, cx·cx cancels, sx·sx is x.
        #expect(circuit.optimized(level: 1, basis: basis).operations.map(\.kind) == [.gate(.x, qubits: [1], parameters: [])])
    }

    @Test func levelOneKeepsPairsWithSomethingBetween() {
        let basis = NativeBasis(oneQubit: .rzSX, entangler: .cx)
        let circuit = Self.circuit([(.cx, [0, 1], []), (.sx, [1], []), (.cx, [0, 1], []), (.cx, [1, 0], [])])
        #expect(circuit.optimized(level: 1, basis: basis) == circuit)
    }

    @Test func levelTwoMovesDiagonalsPastControls() throws {
        let basis = NativeBasis(oneQubit: .rzSX, entangler: .cx)
        let circuit = Self.circuit([(.rz, [0], [0.5]), (.cx, [0, 1], []), (.rz, [0], [0.25])])
        #expect(circuit.optimized(level: 1, basis: basis) == circuit)
        let optimized = circuit.optimized(level: 2, basis: basis).operations.map(\.kind)
        try #require(optimized.count == 2)
        #expect(optimized[0] == .gate(.cx, qubits: [0, 1], parameters: []))
        guard case let .gate(.rz, qubits: [0], parameters: angle) = optimized[1] else {
            Issue.record("expected one rz on qubit 0 after the cx, got \(optimized[1])")
            return
        }
        #expect(abs(angle[0] - 0.75) <= 1e-15)
    }

    @Test func conditionsAndMeasurementsBoundRuns() {
        let basis = NativeBasis(oneQubit: .rzSX, entangler: .cx)
        let creg = Register(name: "c", size: 1, offset: 0)
        let circuit = Circuit(
            quantumRegisters: [Register(name: "q", size: 1, offset: 0)], classicalRegisters: [creg],
            operations: [
                Operation(.gate(.sx, qubits: [0], parameters: [])), Operation(.measure(qubit: 0, clbit: 0)),
                Operation(.gate(.sx, qubits: [0], parameters: [])),
                Operation(.gate(.sx, qubits: [0], parameters: []), condition: Condition(register: creg, value: 1)),
            ])
        #expect(circuit.optimized(level: 2, basis: basis) == circuit)
    }

    @Test func isDeterministic() {
        for basis in CompileTestSupport.bases {
            let circuit = CompileTestSupport.randomCircuit(qubits: 4, count: 40, seed: 9)
            let once = circuit.translated(to: basis).optimized(level: 2, basis: basis)
            let twice = circuit.translated(to: basis).optimized(level: 2, basis: basis)
            #expect(once.qasm() == twice.qasm())
        }
    }

    static func circuit(_ gates: [(StandardGate, [Int], [Double])]) -> Circuit {
        Circuit(
            quantumRegisters: [Register(name: "q", size: 2, offset: 0)],
            operations: gates.map { Operation(.gate($0.0, qubits: $0.1, parameters: $0.2)) })
    }
}
