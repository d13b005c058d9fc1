import Numerics
import QuireSimulator
import QuireTestSupport
import Testing

/// Channels against Qiskit Aer's `SuperOp` of the same error. Tolerance 1e-12: both sides are exact
/// formulas evaluated in double precision, differing only by rounding (≈1e-16 per entry).
@Suite struct QuantumChannelTests {
    static let tolerance = 1e-12
    static let reference = NoiseReference.shared

    @Test func depolarizingMatchesAer() {
        #expect(Self.reference.depolarizing.count == 10)
        for entry in Self.reference.depolarizing {
            let channel = QuantumChannel.depolarizing(lambda: entry.lambda, on: Array(0..<entry.qubits))
            let distance = channel.superoperator.maxDistance(to: entry.superop.complex)
            #expect(distance <= Self.tolerance, "λ = \(entry.lambda) on \(entry.qubits) qubits: \(distance)")
            #expect(channel.completenessError <= Self.tolerance)
        }
    }

    @Test func depolarizingKrausShape() {
        // 1 + 3 operators for one qubit, 1 + 15 for two; zero-weight operators are dropped at the ends.
        #expect(QuantumChannel.depolarizing(lambda: 0.1, on: [0]).krausOperators.count == 4)
        #expect(QuantumChannel.depolarizing(lambda: 0.1, on: [3, 1]).krausOperators.count == 16)
        #expect(QuantumChannel.depolarizing(lambda: 0, on: [0]).krausOperators == [.identity(2)])
        #expect(QuantumChannel.depolarizing(lambda: 4.0 / 3.0, on: [0]).krausOperators.count == 3)
        #expect(QuantumChannel.depolarizing(lambda: 16.0 / 15.0, on: [0, 1]).krausOperators.count == 15)
    }

    @Test func pauliConventionMatchesAerPauliError() {
        for entry in Self.reference.pauli {
            let parameters = NoiseProfile.Depolarizing(
                oneQubit: entry.qubits == 1 ? entry.p : 0,
                twoQubit: entry.qubits == 2 ? entry.p : 0, convention: .pauli)
            let lambda = parameters.lambda(qubitCount: entry.qubits)
            let channel = QuantumChannel.depolarizing(lambda: lambda, on: Array(0..<entry.qubits))
            let distance = channel.superoperator.maxDistance(to: entry.superop.complex)
            #expect(distance <= Self.tolerance, "p = \(entry.p) on \(entry.qubits) qubits: \(distance)")
        }
    }

    @Test(arguments: [0.0, 0.003, 0.3, 0.75, 1.0])
    func pauliLambdaIsFourThirdsP(p: Double) {
        let one = NoiseProfile.Depolarizing(oneQubit: p, twoQubit: p, convention: .pauli)
        #expect(isClose(one.lambda(qubitCount: 1), 4 * p / 3, tolerance: 1e-15))
        #expect(isClose(one.lambda(qubitCount: 2), 16 * p / 15, tolerance: 1e-15))
        #expect(one.lambda(qubitCount: 3) == 0)
        let aer = NoiseProfile.Depolarizing(oneQubit: p, twoQubit: p, convention: .lambda)
        #expect(aer.lambda(qubitCount: 1) == p && aer.lambda(qubitCount: 2) == p)
    }

    @Test func thermalRelaxationMatchesAer() {
        #expect(Self.reference.thermalRelaxation.count == 9)
        for entry in Self.reference.thermalRelaxation {
            let channel = QuantumChannel.thermalRelaxation(t1: entry.t1Us, t2: entry.t2Us, time: entry.timeNs / 1000, on: 5)
            #expect(channel.qubits == [5])
            let distance = channel.superoperator.maxDistance(to: entry.superop.complex)
            #expect(distance <= Self.tolerance, "\(entry.label): \(distance)")
            #expect(channel.completenessError <= Self.tolerance, "\(entry.label)")
        }
    }

    @Test func thermalRelaxationKrausRank() {
        // Generic case: decay, coherence and extra dephasing; T2 = 2·T1 is pure amplitude damping; t = 0 is the identity.
        #expect(QuantumChannel.thermalRelaxation(t1: 100, t2: 80, time: 0.3, on: 0).krausOperators.count == 3)
        let damping = QuantumChannel.thermalRelaxation(t1: 50, t2: 100, time: 0.3, on: 0)
        #expect(damping.krausOperators.count == 2)
        #expect(
            isClose(
                damping.krausOperators[0][1, 1].real, (1 - damping.krausOperators[1][0, 1].real.squared).squareRoot(),
                tolerance: 1e-15))
        #expect(QuantumChannel.thermalRelaxation(t1: 100, t2: 80, time: 0, on: 0).krausOperators == [.identity(2)])
    }

    @Test func superoperatorUsesColumnStacking() {
        // Random complex channels (qiskit.quantum_info.random_quantum_channel) distinguish conj(K)⊗K
        // from K⊗conj(K); the Pauli and relaxation channels above cannot.
        for entry in Self.reference.generic {
            let kraus = entry.kraus.map(\.complex)
            let qubitCount = kraus[0].dimension == 2 ? 1 : 2
            let channel = QuantumChannel(qubits: Array(0..<qubitCount), krausOperators: kraus)
            let distance = channel.superoperator.maxDistance(to: entry.superop.complex)
            #expect(distance <= Self.tolerance, "seed \(entry.seed): \(distance)")
            #expect(channel.completenessError <= 1e-12)
            let rowStacked = kraus.dropFirst().reduce(kraus[0].kronecker(kraus[0].conjugate)) { $0 + $1.kronecker($1.conjugate) }
            #expect(rowStacked.maxDistance(to: entry.superop.complex) > 1e-3)
        }
    }
}

extension Double {
    fileprivate var squared: Double { self * self }
}
