import Foundation
import Testing

@testable import QuireSimulator

/// The statevector engine against analytic states and Qiskit Aer (circuits.json).
struct StatevectorTests {
    static func probabilities(_ circuit: Circuit, threads: Int = 1) throws -> [Double] {
        try Simulator.run(circuit, options: SimulationOptions(method: .statevector, threads: threads)).probabilities
    }

    @Test func bellState() throws {
        let p = try Self.probabilities(makeCircuit(qubits: 2, [gate(.h, 0), gate(.cx, 0, 1)]))
        #expect(maxDifference(p, [0.5, 0, 0, 0.5]) <= 1e-15)
    }

    @Test func ghzState() throws {
        let p = try Self.probabilities(makeCircuit(qubits: 5, [gate(.h, 0)] + (1..<5).map { gate(.cx, 0, $0) }))
        var expected = [Double](repeating: 0, count: 32)
        (expected[0], expected[31]) = (0.5, 0.5)
        #expect(maxDifference(p, expected) <= 1e-15)
    }

    /// The QFT of |x⟩ has amplitudes e^{2πi·xy/2ⁿ}/√2ⁿ: uniform probabilities, and the inverse QFT
    /// (conjugate phases) after it returns |x⟩ exactly; with the final swaps omitted the QFT is
    /// textbook (qubit order reversed), so x is recovered bit-reversed.
    @Test func quantumFourierTransformOfBasisState() throws {
        let n = 4, x = 0b1011
        var ops = (0..<n).filter { x >> $0 & 1 == 1 }.map { gate(.x, $0) }
        let qft = (0..<n).reversed().flatMap { target in
            [gate(.h, target)]
                + (0..<target).reversed().map { control in
                    gate(.cp, control, target, parameters: [Double.pi / Double(1 << (target - control))])
                }
        }
        ops += qft
        let uniform = try Self.probabilities(makeCircuit(qubits: n, ops))
        #expect(maxDifference(uniform, [Double](repeating: 1.0 / 16, count: 16)) <= 1e-14)
        // Inverse: undo in reverse order with negated phases, then read x again.
        let inverse = qft.reversed().map { op -> QuireSimulator.Operation in
            guard case let .gate(g, qubits, parameters) = op.kind else { return op }
            return QuireSimulator.Operation(.gate(g, qubits: qubits, parameters: parameters.map { -$0 }))
        }
        let back = try Self.probabilities(makeCircuit(qubits: n, ops + inverse))
        #expect(abs(back[x] - 1) <= 1e-14)
    }

    /// Aer statevector probabilities to 1e-10 (the reference's rounding is ~1e-15 per gate).
    @Test(arguments: ReferenceData.circuits["statevector"]!)
    func matchesAer(_ reference: ReferenceData.CircuitCase) throws {
        #expect(maxDifference(try Self.probabilities(reference.circuit), reference.probabilities) <= 1e-10)
        #expect(try Self.probabilities(reference.circuit, threads: 2) == Self.probabilities(reference.circuit))
    }

    /// Mid-circuit measurement, reset and conditions as an exact branch ensemble, vs Aer on the
    /// deferred-measurement circuit.
    @Test(arguments: ReferenceData.circuits["midcircuit"]!)
    func midCircuitMatchesAer(_ reference: ReferenceData.CircuitCase) throws {
        #expect(maxDifference(try Self.probabilities(reference.circuit), reference.probabilities) <= 1e-10)
    }

    /// The mid-circuit references really split the state: some case keeps several branches to the end.
    @Test func midCircuitReferencesBranch() throws {
        let counts = try ReferenceData.circuits["midcircuit"]!.map { reference in
            try Statevector(circuit: reference.circuit, options: SimulationOptions()).branchCount
        }
        #expect(counts.max()! >= 4)
    }

    /// x; measure → c; if (c==1) x q1: with P(read 0 | 1) = 0.05 the condition sees a noisy bit, so
    /// q1 flips with probability 0.95; the final read of both qubits adds the readout error again.
    @Test func readoutErrorReachesConditions() throws {
        let creg = Register(name: "c", size: 1, offset: 0)
        let circuit = makeCircuit(
            qubits: 2, clbits: 1,
            [
                gate(.x, 0), QuireSimulator.Operation(.measure(qubit: 0, clbit: 0)), gate(.x, 0), gate(.x, 0),
                QuireSimulator.Operation(.gate(.x, qubits: [1], parameters: []), condition: Condition(register: creg, value: 1)),
            ])
        let noise = NoiseProfile(qubits: [0: .init(readout: .init(probMeas1Prep0: 0, probMeas0Prep1: 0.05))])
        for method in [SimulationMethod.statevector, .densityMatrix] {
            let p = try Simulator.run(circuit, options: SimulationOptions(method: method, noise: noise)).probabilities
            // Before the final read: |11⟩ with 0.95, |01⟩ with 0.05; final read flips q0's 1 to 0 with 0.05.
            #expect(maxDifference(p, [0.05 * 0.05, 0.05 * 0.95, 0.95 * 0.05, 0.95 * 0.95]) <= 1e-15)
        }
        // Trajectories draw the recorded bit's flip: within the statistical bound of the exact result.
        let sampled = try Simulator.run(circuit, options: SimulationOptions(method: .trajectories, seed: 8, noise: noise, trajectories: 4000))
        #expect(
            TrajectoriesTests.withinBound(
                sampled.probabilities, [0.05 * 0.05, 0.05 * 0.95, 0.95 * 0.05, 0.95 * 0.95],
                trajectories: 4000))
        #expect(sampled.probabilities[1] > 0 && sampled.probabilities[3] > 0)
    }

    @Test func resetOfSuperpositionMergesIntoOneBranch() throws {
        let state = try Statevector(
            circuit: makeCircuit(qubits: 2, [gate(.h, 0), QuireSimulator.Operation(.reset(qubit: 0)), gate(.h, 1)]),
            options: SimulationOptions(method: .statevector))
        #expect(state.branchCount == 1)
        #expect(maxDifference(state.probabilities(), [0.5, 0, 0.5, 0]) <= 1e-15)
    }
}
