import Numerics
import QuireKernels

/// A noise channel as a trajectory applies it: one Kraus operator chosen with probability ‖Kᵢψ‖².
///
/// When every Kᵢ†Kᵢ is a multiple pᵢ·I (depolarizing and other Pauli channels), ‖Kᵢψ‖² = pᵢ for
/// every state, so the choice needs no trial applications: Uᵢ = Kᵢ/√pᵢ is applied directly (and not
/// at all when it is the identity, the common case at low noise). Both forms consume one uniform draw.
enum TrajectoryChannel {
    /// Kᵢ = √pᵢ·Uᵢ with state-independent probabilities pᵢ.
    case unitaryMixture(probabilities: [Double], unitaries: [KernelOperation])
    /// Any Kraus operators: tried in order until the cumulative weight passes the draw.
    case general([KernelOperation])

    /// Largest entrywise deviation from a multiple of I (or from I) treated as exact: rounding only.
    static let tolerance = 1e-14

    init(_ channel: QuantumChannel) {
        let identity = ComplexMatrix.identity(channel.krausOperators[0].dimension)
        let gram = channel.krausOperators.map { $0.adjoint * $0 }
        let isMixture = gram.allSatisfy { $0.maxDistance(to: Complex($0[0, 0].real) * identity) <= Self.tolerance }
        guard isMixture else {
            self = .general(channel.krausOperators.map { KernelOperation(matrix: $0, qubits: channel.qubits) })
            return
        }
        let kept = zip(channel.krausOperators, gram.map { $0[0, 0].real }).filter { $0.1 > 0 }
        self = .unitaryMixture(
            probabilities: kept.map(\.1),
            unitaries: kept.map { kraus, p in
                let unitary = Complex(1 / p.squareRoot()) * kraus
                return unitary.maxDistance(to: identity) <= Self.tolerance ? .identity : KernelOperation(matrix: unitary, qubits: channel.qubits)
            })
    }

    /// Applies the operator chosen by the uniform draw `u` to `state` (normalised before and after);
    /// `scratch` is working space, and the two may be exchanged.
    func apply(to state: inout AmplitudeBuffer, scratch: inout AmplitudeBuffer, u: Double) {
        switch self {
        case let .unitaryMixture(probabilities, unitaries):
            var cumulative = 0.0
            for (index, p) in probabilities.enumerated() {
                cumulative += p
                if u < cumulative || index == probabilities.count - 1 {
                    unitaries[index].apply(to: state, threads: 1)
                    return
                }
            }
        case let .general(operators):
            var cumulative = 0.0
            for (index, operation) in operators.enumerated() {
                scratch.assign(from: state)
                operation.apply(to: scratch, threads: 1)
                let weight = scratch.normSquared()
                cumulative += weight
                if (u < cumulative && weight > 0) || index == operators.count - 1 {
                    scratch.scale(by: 1 / weight.squareRoot())
                    swap(&state, &scratch)
                    return
                }
            }
        }
    }
}
