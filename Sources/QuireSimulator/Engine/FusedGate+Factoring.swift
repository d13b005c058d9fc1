import Numerics
import QuireKernels

/// The choice between a fused block's dense product and its factored form, by arithmetic cost.
///
/// With cache blocking a fused gate's pass runs from cache, so its cost is its arithmetic: the
/// dense kernel does 4·2ᵏ + 2 vector operations per amplitude (four fused multiply-adds per matrix
/// entry, then two to combine), the factored one 8 per one-qubit factor and none per permutation.
/// On the layered benchmark a 4-qubit block holds about five u3 gates and a few cx: 40 operations
/// against 66. As Qiskit Aer's cost-based fuser, the factored form is taken only when it is cheaper
/// (ties keep the dense product, and with it the results of earlier versions).
extension FusedGate {
    /// Vector operations per amplitude of a one-qubit factor in the factored kernel.
    static let factorCost = 8

    /// Vector operations per amplitude of the dense kernel on `k` qubits.
    static func denseCost(qubits k: Int) -> Int { 4 << k + 2 }

    /// `gates` (kernel operations on their global qubits, in circuit order) as a factored gate on
    /// `qubits`, if each is a one-qubit gate or a permutation of basis states and that is cheaper
    /// than the dense product; else nil. Consecutive one-qubit gates on a qubit become one factor
    /// (their product, formed in circuit order), placed just before the next permutation touching
    /// that qubit or at the end, lowest qubit first: gates on other qubits commute with it.
    static func factoring(_ gates: [(operation: KernelOperation, qubits: [Int])], on qubits: [Int]) -> FusedGate? {
        var factors: [Factor] = []
        var pending = [ComplexMatrix?](repeating: nil, count: qubits.count)
        func flush(_ bit: Int) {
            guard let matrix = pending[bit] else { return }
            factors.append(.oneQubit(bit: bit, matrix: KernelOperation.flatten(matrix)))
            pending[bit] = nil
        }
        for gate in gates {
            let bits = gate.qubits.map { qubits.firstIndex(of: $0)! }
            if bits.count == 1 {
                let matrix = gate.operation.matrix(on: gate.qubits)
                pending[bits[0]] = pending[bits[0]].map { matrix * $0 } ?? matrix
                continue
            }
            guard let image = permutation(gate.operation.matrix(on: qubits)) else { return nil }
            bits.sorted().forEach(flush)
            factors.append(.permutation(image: image))
        }
        qubits.indices.forEach(flush)
        let oneQubitFactors = factors.count { if case .oneQubit = $0 { true } else { false } }
        guard oneQubitFactors * factorCost < denseCost(qubits: qubits.count) else { return nil }
        return FusedGate(qubits: qubits, factors: factors)
    }

    /// Where `matrix` sends each basis state, if it is a permutation matrix (entries exactly 0 or 1).
    private static func permutation(_ matrix: ComplexMatrix) -> [Int]? {
        var image: [Int] = []
        for column in 0..<matrix.dimension {
            let rows = (0..<matrix.dimension).filter { matrix[$0, column] != .zero }
            guard rows.count == 1, matrix[rows[0], column] == .one else { return nil }
            image.append(rows[0])
        }
        return image
    }
}
