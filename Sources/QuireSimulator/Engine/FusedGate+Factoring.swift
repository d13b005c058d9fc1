import Numerics
import QuireKernels

/// The choice between a fused block's dense product and its factored form, by arithmetic cost.
///
/// With cache blocking a fused gate's pass runs from cache, so its cost is its arithmetic: the
/// dense kernel does 4·2ᵏ + 2 floating-point operations per amplitude (four fused multiply-adds per matrix
/// entry, then two to combine), the factored one `factorCost` per one-qubit factor and none per
/// permutation. As Qiskit Aer's cost-based fuser, the factored form is taken only when it is
/// cheaper (ties keep the dense product, and with it the results of earlier versions): a block of
/// many cx and few one-qubit gates, such as four u3 and three cx on four qubits.
extension FusedGate {
    /// The cost of a one-qubit factor in the factored kernel, in the dense kernel's operations per
    /// amplitude: it does 8, but its slots live in memory rather than registers, and measured on
    /// 22 qubits (user time, one thread) 16 is where it pays: a cx-heavy layered circuit (u3 on every
    /// other qubit, two cx brickworks per layer) ran 2.84 s dense, 2.62 s at 8 and 2.53 s at 16,
    /// while on the benchmark's layered circuit 8 was 15% slower than dense (three-qubit blocks of
    /// four u3, 32 operations against 34) and 16 leaves it dense.
    static let factorCost = 16

    /// Floating-point operations per amplitude of the dense kernel on `k` qubits.
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
