import Numerics
import QuireKernels
import Testing

@testable import QuireSimulator

/// The density-matrix engine's fused superoperator of several channels after one gate equals
/// Σ K ρ K† applied channel by channel with full-size matrices.
struct ChannelFusionTests {
    /// Amplitude damping with decay probability γ (Kraus operators of Nielsen & Chuang §8.3.5).
    static func amplitudeDamping(_ gamma: Double, on qubit: Int) -> QuantumChannel {
        QuantumChannel(
            qubits: [qubit],
            krausOperators: [
                ComplexMatrix(rows: [[.one, .zero], [.zero, Complex((1 - gamma).squareRoot())]]),
                ComplexMatrix(rows: [[.zero, Complex(gamma.squareRoot())], [.zero, .zero]]),
            ])
    }

    @Test func embeddingMatchesKronecker() {
        let k = StandardGate.u3.matrix(parameters: [0.3, 0.5, 0.9])
        #expect(k.embedded(from: [1], into: [0, 1]).maxDistance(to: k.kronecker(.identity(2))) == 0)
        #expect(k.embedded(from: [0], into: [0, 1]).maxDistance(to: ComplexMatrix.identity(2).kronecker(k)) == 0)
    }

    @Test func fusedChannelsMatchKrausSums() throws {
        let gateQubits = [2, 0]
        let depolarizing = NoiseModel(profile: NoiseProfile(depolarizing: .init(oneQubit: 0, twoQubit: 0.2)))
            .channels(after: .cx, on: gateQubits)
        let channels = depolarizing + [Self.amplitudeDamping(0.3, on: 2), Self.amplitudeDamping(0.1, on: 0)]
        // cx is a permutation: folding it into the superoperator keeps it as sparse, so one pass.
        try checkAgainstKrausSums(qubits: 3, gate: .cx, channels: channels, gateQubits: gateQubits, expectedOperations: 1)
    }

    /// A one-qubit gate is always folded into its channels' superoperator (one 4×4 pass).
    @Test func oneQubitGateIsFoldedIntoItsChannels() throws {
        let channels =
            NoiseModel(profile: NoiseProfile(depolarizing: .init(oneQubit: 0.05, twoQubit: 0))).channels(after: .u3, on: [1])
            + [Self.amplitudeDamping(0.2, on: 1)]
        try checkAgainstKrausSums(qubits: 3, gate: .u3, parameters: [0.4, -0.8, 1.3], channels: channels, gateQubits: [1], expectedOperations: 1)
    }

    /// A general two-qubit unitary would make the superoperator dense (256 nonzeros): the gate stays
    /// as its row and column passes, then one superoperator pass.
    @Test func denseTwoQubitGateIsNotFolded() throws {
        let channels = NoiseModel(profile: NoiseProfile(depolarizing: .init(oneQubit: 0, twoQubit: 0.1))).channels(after: .rxx, on: [0, 2])
        try checkAgainstKrausSums(qubits: 3, gate: .rxx, parameters: [0.7], channels: channels, gateQubits: [0, 2], expectedOperations: 3)
    }

    /// A channel on four qubits (superoperator on 8 > 6 local qubits) goes term by term.
    @Test func wideChannelGoesTermByTerm() throws {
        let x = StandardGate.x.matrix(parameters: [])
        let xxxx = x.kronecker(x).kronecker(x).kronecker(x)
        let channel = QuantumChannel(
            qubits: [4, 0, 2, 1],
            krausOperators: [
                Complex(0.9.squareRoot()) * .identity(16), Complex(0.1.squareRoot()) * xxxx,
            ])
        try checkAgainstKrausSums(qubits: 5, gate: .c3x, channels: [channel], gateQubits: [4, 0, 2, 1], expectedOperations: 3)
    }

    /// Applies `gate` on `gateQubits` and then `channels` to a random ρ with the engine, and with
    /// full-size matrices: ρ → U ρ U†, then ρ → Σ K ρ K† per channel.
    func checkAgainstKrausSums(
        qubits n: Int, gate: StandardGate, parameters: [Double] = [], channels: [QuantumChannel],
        gateQubits: [Int], expectedOperations: Int
    ) throws {
        // A random density matrix ρ = A A†, as a 2n-qubit buffer and as a matrix.
        let a = randomState(qubits: 2 * n, seed: 8)
        var rho = ComplexMatrix(dimension: 1 << n, elements: (0..<(1 << (2 * n))).map { Complex(a[$0].re, a[$0].im) })
        rho = rho * rho.adjoint
        let buffer = AmplitudeBuffer(qubitCount: 2 * n)
        for r in 0..<(1 << n) {
            for c in 0..<(1 << n) { buffer[r | c << n] = (rho[r, c].real, rho[r, c].imaginary) }
        }
        let engine = try DensityMatrix(circuit: makeCircuit(qubits: n, []), options: SimulationOptions(method: .densityMatrix))
        let operation = KernelOperation(gate: gate, qubits: gateQubits, parameters: parameters)
        let operations = engine.gateOperations(operation, qubits: gateQubits, channels: channels)
        #expect(operations.count == expectedOperations)
        for operation in operations { engine.applyChannel(operation, to: buffer) }
        let unitary = gate.matrix(parameters: parameters).embedded(from: gateQubits, into: Array(0..<n))
        rho = unitary * rho * unitary.adjoint
        for channel in channels {
            let full = channel.krausOperators.map { $0.embedded(from: channel.qubits, into: Array(0..<n)) }
            rho = full.map { $0 * rho * $0.adjoint }.dropFirst().reduce(full[0] * rho * full[0].adjoint, +)
        }
        var distance = 0.0
        for r in 0..<(1 << n) {
            for c in 0..<(1 << n) {
                distance = max(distance, (Complex(buffer[r | c << n].re, buffer[r | c << n].im) - rho[r, c]).length)
            }
        }
        #expect(distance <= 1e-13)
    }
}

/// How trajectories apply channels: Pauli mixtures without trial applications, others by trial.
struct TrajectoryChannelTests {
    @Test func depolarizingIsAUnitaryMixture() {
        let lambda = 0.2
        let channel = NoiseModel(profile: NoiseProfile(depolarizing: .init(oneQubit: lambda))).channels(after: .h, on: [3])[0]
        guard case let .unitaryMixture(probabilities, unitaries) = TrajectoryChannel(channel) else {
            Issue.record("depolarizing should be a unitary mixture")
            return
        }
        #expect(maxDifference(probabilities, [1 - 3 * lambda / 4, lambda / 4, lambda / 4, lambda / 4]) <= 1e-15)
        if case .identity = unitaries[0] {} else { Issue.record("the first Kraus operator is a multiple of I") }
    }

    @Test func amplitudeDampingIsTriedOperatorByOperator() {
        guard case let .general(operators) = TrajectoryChannel(ChannelFusionTests.amplitudeDamping(0.3, on: 0)) else {
            Issue.record("amplitude damping is not a unitary mixture")
            return
        }
        #expect(operators.count == 2)
    }
}

extension TrajectoryChannelTests {
    /// Amplitude damping γ = 0.3 on |+⟩: a draw below ‖K₀ψ‖² = 1 − γ/2 keeps
    /// K₀ψ/‖K₀ψ‖ = (|0⟩ + √(1−γ)|1⟩)/√(2 − γ); a draw above it decays to |0⟩.
    @Test func generalChannelFollowsTheDraw() {
        let gamma = 0.3
        let channel = TrajectoryChannel(ChannelFusionTests.amplitudeDamping(gamma, on: 0))
        for (u, expected) in [
            (0.5, [1 / (2 - gamma).squareRoot(), ((1 - gamma) / (2 - gamma)).squareRoot()]),
            (0.9, [1.0, 0.0]),
        ] {
            var state = AmplitudeBuffer(qubitCount: 1)
            var scratch = AmplitudeBuffer(qubitCount: 1)
            let h = (0.5 as Double).squareRoot()
            state.applyOneQubit(target: 0, matrix: [h, 0, h, 0, h, 0, -h, 0])
            channel.apply(to: &state, scratch: &scratch, u: u)
            #expect(maxDifference([state[0].re, state[1].re, state[0].im, state[1].im], expected + [0, 0]) <= 1e-15)
        }
    }
}
