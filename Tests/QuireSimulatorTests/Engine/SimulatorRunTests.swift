import QuireCore
import Testing

@testable import QuireSimulator

/// Method choice, limits, shots and expectation values.
struct SimulatorRunTests {
    static let bell = makeCircuit(qubits: 2, [gate(.h, 0), gate(.cx, 0, 1)])

    @Test func autoPicksTheEngine() throws {
        let noisy = NoiseProfile(depolarizing: .init(oneQubit: 0.01, twoQubit: 0.02))
        let readoutOnly = NoiseProfile(readout: .init(probMeas1Prep0: 0.01, probMeas0Prep1: 0.02))
        #expect(try Simulator.run(Self.bell, options: SimulationOptions()).method == .statevector)
        #expect(try Simulator.run(Self.bell, options: SimulationOptions(noise: readoutOnly)).method == .statevector)
        #expect(try Simulator.run(Self.bell, options: SimulationOptions(noise: noisy)).method == .densityMatrix)
        let wide = makeCircuit(qubits: 13, [gate(.h, 0)])
        #expect(try Simulator.run(wide, options: SimulationOptions(noise: noisy, trajectories: 2)).method == .trajectories)
    }

    @Test func statevectorRefusesGateNoise() {
        let noisy = NoiseProfile(depolarizing: .init(oneQubit: 0.01, twoQubit: 0.02))
        #expect(throws: SimulationError.noiseNeedsMixedStates) {
            try Simulator.run(Self.bell, options: SimulationOptions(method: .statevector, noise: noisy))
        }
    }

    /// 30 qubits need 16 GiB of amplitudes, whose storage then holds the 8 GiB of probabilities:
    /// refused against a 1 GiB limit before anything is allocated (the test would otherwise take
    /// seconds and gigabytes), and the message states the bytes.
    @Test func memoryLimitRefusesBeforeAllocating() {
        let circuit = makeCircuit(qubits: 30, [gate(.h, 0)])
        let expected = SimulationError.memoryLimit(method: .statevector, qubits: 30, bytes: (16 << 30) + Circuit.bytesPerOperation, limit: 1 << 30)
        #expect(throws: expected) {
            try Simulator.run(circuit, options: SimulationOptions(method: .statevector, memoryLimitBytes: 1 << 30))
        }
        #expect(expected.description.contains("17179869696 bytes for 30 qubits (state, result and circuit)"))
        #expect(throws: SimulationError.memoryLimit(method: .densityMatrix, qubits: 12, bytes: (16 << 24) + (16 << 12), limit: 1 << 28)) {
            try Simulator.run(makeCircuit(qubits: 12, []), options: SimulationOptions(method: .densityMatrix, shots: 10, memoryLimitBytes: 1 << 28))
        }
        #expect(throws: SimulationError.tooManyQubits(method: .densityMatrix, qubits: 15, cap: 14)) {
            try Simulator.run(makeCircuit(qubits: 15, []), options: SimulationOptions(method: .densityMatrix))
        }
        #expect(throws: SimulationError.tooManyQubits(method: .statevector, qubits: 33, cap: 32)) {
            try Simulator.run(makeCircuit(qubits: 33, []), options: SimulationOptions(method: .statevector))
        }
    }

    @Test func branchLimitIsAClearError() {
        // Three measured-and-reused qubits of 10: up to 8 branches of 16 KiB, above a 64 KiB limit.
        let creg = Register(name: "c", size: 3, offset: 0)
        var ops: [QuireSimulator.Operation] = (0..<3).flatMap { q in
            [gate(.h, q), QuireSimulator.Operation(.measure(qubit: q, clbit: q))]
        }
        ops.append(QuireSimulator.Operation(.gate(.x, qubits: [9], parameters: []), condition: Condition(register: creg, value: 5)))
        let options = SimulationOptions(method: .statevector, memoryLimitBytes: 64 << 10)
        #expect {
            try Simulator.run(makeCircuit(qubits: 10, clbits: 3, ops), options: options)
        } throws: { error in
            guard case .tooManyBranches = error as? SimulationError else { return false }
            return true
        }
    }

    @Test func badOperationNamesItsLine() {
        let circuit = makeCircuit(qubits: 2, [QuireSimulator.Operation(.gate(.cx, qubits: [0, 2], parameters: []), line: 7, column: 3)])
        #expect {
            try Simulator.run(circuit, options: SimulationOptions())
        } throws: { error in
            (error as? SimulationError)?.description.contains("line 7, column 3") ?? false
        }
    }

    /// Same seed, threads 1 and 2: identical counts; the counts fit the distribution (chi-square
    /// with 15 degrees of freedom below 37.7, its 99.9% quantile) and ascend by state.
    @Test func shotsAreReproducibleAndFitTheDistribution() throws {
        let circuit = makeCircuit(
            qubits: 4,
            [
                gate(.u3, 0, parameters: [1.1, 0.2, 0.3]), gate(.ry, 1, parameters: [2.0]),
                gate(.cx, 1, 2), gate(.h, 3), gate(.crx, 3, 0, parameters: [0.7]),
            ])
        let shots = 20000
        let one = try Simulator.run(circuit, options: SimulationOptions(shots: shots, seed: 42, threads: 1))
        let two = try Simulator.run(circuit, options: SimulationOptions(shots: shots, seed: 42, threads: 2))
        #expect(one == two)
        #expect(one.counts.map(\.state) == one.counts.map(\.state).sorted())
        #expect(one.counts.reduce(0) { $0 + $1.count } == shots)
        var chiSquare = 0.0
        for (state, p) in one.probabilities.enumerated() where p > 0 {
            let observed = Double(one.counts.first { $0.state == UInt64(state) }?.count ?? 0)
            chiSquare += (observed - Double(shots) * p) * (observed - Double(shots) * p) / (Double(shots) * p)
        }
        #expect(chiSquare < 37.7)
        let other = try Simulator.run(circuit, options: SimulationOptions(shots: shots, seed: 43))
        #expect(!other.counts.elementsEqual(one.counts) { $0.state == $1.state && $0.count == $1.count })
    }

    @Test func pauliExpectationsOfBellState() throws {
        let state = try Statevector(circuit: Self.bell, options: SimulationOptions())
        let rho = try DensityMatrix(circuit: Self.bell, options: SimulationOptions())
        for (label, value) in [("ZZ", 1.0), ("XX", 1), ("YY", -1), ("ZI", 0), ("IX", 0), ("XY", 0)] {
            #expect(abs(try state.expectation(of: PauliString(label)) - value) <= 1e-15)
            #expect(abs(try rho.expectation(of: PauliString(label, coefficient: 0.5)) - value / 2) <= 1e-15)
        }
        #expect(throws: SimulationError.self) { try PauliString("ZQ") }
        #expect(throws: SimulationError.self) { try state.expectation(of: PauliString("ZZZ")) }
    }

    /// ⟨Z…⟩ strings from probabilities (Σ p · parity) agree with the engines' expectation on random circuits.
    @Test(arguments: ReferenceData.circuits["statevector"]!.filter { $0.circuit.qubitCount <= 6 })
    func zStringsMatchProbabilities(_ reference: ReferenceData.CircuitCase) throws {
        let n = reference.circuit.qubitCount
        let state = try Statevector(circuit: reference.circuit, options: SimulationOptions())
        let rho = try DensityMatrix(circuit: reference.circuit, options: SimulationOptions())
        let label = String((0..<n).map { $0 % 2 == 0 ? "Z" : "I" })
        let zMask = (0..<n).filter { label.reversed().map { $0 }[$0] == "Z" }.reduce(0) { $0 | 1 << $1 }
        let expected = reference.probabilities.enumerated().reduce(0.0) { sum, entry in
            sum + ((entry.offset & zMask).nonzeroBitCount % 2 == 0 ? entry.element : -entry.element)
        }
        #expect(abs(try state.expectation(of: PauliString(label)) - expected) <= 1e-10)
        #expect(abs(try rho.expectation(of: PauliString(label)) - expected) <= 1e-10)
        let mixed = String((0..<n).map { ["X", "Y", "Z", "I"][$0 % 4] })
        #expect(abs(try state.expectation(of: PauliString(mixed)) - rho.expectation(of: PauliString(mixed))) <= 1e-12)
    }
}

extension SimulatorRunTests {
    /// An unphysical profile is refused with the noise module's message, before any simulation.
    @Test func invalidNoiseIsRefused() {
        let noise = NoiseProfile(depolarizing: .init(oneQubit: 2, twoQubit: 0))
        for method in [SimulationMethod.auto, .densityMatrix, .trajectories] {
            #expect {
                try Simulator.run(Self.bell, options: SimulationOptions(method: method, noise: noise))
            } throws: { error in
                guard case .depolarizingOutOfRange = error as? SimulationError else { return false }
                return (error as? SimulationError)?.description.contains("depolarizing.one_qubit") ?? false
            }
        }
    }

    /// A probability outside [0, 1] beyond rounding is a defect to report, never a table; rounding
    /// residue within 1e-12 (plus 2⁻⁵⁰ per operation) passes.
    @Test func probabilityOutOfRangeIsAnError() throws {
        try Simulator.checkRange([0.5, 0.5 + 1e-13, -1e-13], method: .statevector, operations: 0)
        try Simulator.checkRange([1 + 7e-10, 0], method: .statevector, operations: 10_000_000)
        #expect(throws: SimulationError.self) { try Simulator.checkRange([0.25, 1.587], method: .statevector, operations: 100) }
        #expect(throws: SimulationError.self) { try Simulator.checkRange([-1e-9, 1], method: .densityMatrix, operations: 100) }
        #expect(throws: SimulationError.self) { try Simulator.checkRange([.nan, 1], method: .trajectories, operations: 1) }
    }
}
