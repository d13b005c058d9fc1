import QuireCore
import QuireKernels
import Testing

@testable import QuireSimulator

/// Gate fusion (SimulationProgram+Fusion): which gates merge, which end a run, and that the fused
/// program gives the state of applying every gate in turn.
struct FusionTests {
    /// The qubits of each gate step of the prepared program, in order.
    static func gateQubits(_ program: SimulationProgram) -> [[Int]] {
        program.steps.compactMap { if case let .gate(_, qubits, _) = $0.action { qubits } else { nil } }
    }

    @Test func runsOnOneQubitMergeAndMultiQubitGatesEndThem() throws {
        // q0: h t h | cx | s ; q1: x sx z (interleaved with q0's run) | cx | y.
        let circuit = makeCircuit(
            qubits: 2,
            [
                gate(.h, 0), gate(.x, 1), gate(.t, 0), gate(.sx, 1), gate(.h, 0), gate(.z, 1),
                gate(.cx, 0, 1), gate(.s, 0), gate(.y, 1),
            ])
        let oneQubitRuns = try SimulationProgram(circuit: circuit, noise: nil, fusedQubits: 1)
        #expect(Self.gateQubits(oneQubitRuns) == [[0], [1], [0, 1], [0], [1]])
        #expect(Self.gateQubits(try SimulationProgram(circuit: circuit, noise: nil)) == [[0, 1]])
        #expect(
            maxDifference(
                try Simulator.run(circuit, options: .init(method: .statevector)).probabilities,
                gateByGate(circuit)) <= 1e-15)
    }

    @Test func gatesWithNoiseConditionsMeasurementOrResetAreNotMerged() throws {
        let noisy = makeCircuit(qubits: 1, [gate(.h, 0), gate(.t, 0), gate(.h, 0)])
        let noise = NoiseProfile(depolarizing: .init(oneQubit: 0.01, twoQubit: 0.02))
        let program = try SimulationProgram(circuit: noisy, noise: Simulator.noiseModel(SimulationOptions(noise: noise), circuit: noisy))
        #expect(Self.gateQubits(program).count == 3)

        let register = Register(name: "c", size: 1, offset: 0)
        let branching = makeCircuit(
            qubits: 2, clbits: 1,
            [
                gate(.h, 0), QuireSimulator.Operation(.measure(qubit: 0, clbit: 0)), gate(.h, 0),
                QuireSimulator.Operation(.gate(.x, qubits: [1], parameters: []), condition: Condition(register: register, value: 1)),
                gate(.h, 1), QuireSimulator.Operation(.reset(qubit: 1)), gate(.x, 1), gate(.h, 1),
            ])
        let steps = try SimulationProgram(circuit: branching, noise: nil).steps
        // h0 | measure | conditional x1 | h1 | reset | h0 | x1·h1 fused: the measurement (kept, its bit
        // is read) ends q0's run, the second h0 waits for the end; the conditional x1 stands alone.
        #expect(steps.count == 7)
        #expect(Self.gateQubits(try SimulationProgram(circuit: branching, noise: nil)) == [[0], [1], [1], [0], [1]])
    }

    /// A long transpiled-style chain (rz·sx·rz on every qubit between cx layers) against Qiskit's
    /// definition of the same gates applied one at a time, on every engine.
    @Test(arguments: [SimulationMethod.statevector, .densityMatrix])
    func fusedChainsMatchGateByGateEvolution(method: SimulationMethod) throws {
        var operations: [QuireSimulator.Operation] = []
        for layer in 0..<4 {
            for q in 0..<4 {
                operations += [
                    gate(.rz, q, parameters: [0.3 * Double(q + layer)]), gate(.sx, q),
                    gate(.rz, q, parameters: [1.1 - 0.2 * Double(q)]), gate(.sx, q), gate(.u3, q, parameters: [0.4, 0.1, -0.5]),
                ]
            }
            for q in stride(from: layer % 2, to: 3, by: 2) { operations.append(gate(.cx, q, q + 1)) }
        }
        let circuit = makeCircuit(qubits: 4, operations)
        #expect(try SimulationProgram(circuit: circuit, noise: nil).steps.count < operations.count / 3)
        let fused = try Simulator.run(circuit, options: .init(method: method)).probabilities
        #expect(maxDifference(fused, gateByGate(circuit)) <= 1e-13)
    }

    /// The layered brickwork of `quire sim`'s benchmark: blocks of at most the limit's qubits (cx stays
    /// two-qubit under limit 1), far fewer steps than gates, and the same state as the unfused program.
    @Test(arguments: 1...4)
    func brickworkBlocksStayWithinTheLimit(limit: Int) throws {
        var operations: [QuireSimulator.Operation] = []
        for layer in 0..<6 {
            for q in 0..<9 { operations.append(gate(.u3, q, parameters: [0.3 * Double(q), 0.1 * Double(layer), -0.7])) }
            for q in stride(from: layer % 2, to: 8, by: 2) { operations.append(gate(.cx, q, q + 1)) }
        }
        let circuit = makeCircuit(qubits: 9, operations)
        let program = try SimulationProgram(circuit: circuit, noise: nil, fusedQubits: limit)
        let widths = Self.gateQubits(program).map(\.count)
        #expect(widths.max() == max(limit, 2))
        // 78 gates: one-qubit runs only keep 73 steps; blocks of 2, 3 and 4 qubits leave 24, 14 and 9.
        #expect(program.steps.count == [73, 24, 14, 9][limit - 1])
        #expect(try Self.differenceFromUnfused(circuit, limit: limit) <= 1e-12)
    }

    /// Random circuits of 1–10 qubits over every standard gate: fused and unfused states agree to
    /// 1e-12 (rounding of a few dozen products of unit-modulus entries).
    @Test(arguments: 1...10)
    func randomCircuitsMatchTheUnfusedProgram(qubits n: Int) throws {
        let stream = RandomStream(seed: 41, purpose: "fusion-random-circuits").substream(index: UInt64(n))
        let gates = StandardGate.allCases.filter { $0.qubitCount <= n }
        var operations: [QuireSimulator.Operation] = []
        for index in 0..<(12 * n) {
            let draw = stream.substream(index: UInt64(index))
            let gate = gates[Int(draw.uint64(at: 0) % UInt64(gates.count))]
            var qubits: [Int] = []
            var counter: UInt64 = 1
            while qubits.count < gate.qubitCount {
                let q = Int(draw.uint64(at: counter) % UInt64(n))
                counter += 1
                if !qubits.contains(q) { qubits.append(q) }
            }
            let parameters = (0..<gate.parameterCount).map { 6 * draw.uniform(at: 100 + UInt64($0)) - 3 }
            operations.append(QuireSimulator.Operation(.gate(gate, qubits: qubits, parameters: parameters)))
        }
        let circuit = makeCircuit(qubits: n, operations)
        for limit in 1...4 { #expect(try Self.differenceFromUnfused(circuit, limit: limit) <= 1e-12) }
    }

    /// Largest amplitude difference between the program fused up to `limit` qubits and the unfused one.
    static func differenceFromUnfused(_ circuit: Circuit, limit: Int) throws -> Double {
        func amplitudesOf(_ fusedQubits: Int) throws -> [Double] {
            let program = try SimulationProgram(circuit: circuit, noise: nil, fusedQubits: fusedQubits)
            let state = try Statevector(program: program, threads: 1, memoryLimitBytes: 1 << 30)
            return amplitudes(state.branches[0].state)
        }
        return maxDifference(try amplitudesOf(limit), try amplitudesOf(0))
    }

    /// Probabilities from applying each gate's full matrix with the naive sum (no fusion, no kernels).
    func gateByGate(_ circuit: Circuit) -> [Double] {
        let state = AmplitudeBuffer(qubitCount: circuit.qubitCount)
        for operation in circuit.operations {
            guard case let .gate(gate, qubits, parameters) = operation.kind else { continue }
            let next = naiveApply(gate.matrix(parameters: parameters), qubits: qubits, to: state)
            for i in 0..<state.count { state[i] = (next[2 * i], next[2 * i + 1]) }
        }
        return (0..<state.count).map { state[$0].re * state[$0].re + state[$0].im * state[$0].im }
    }
}
