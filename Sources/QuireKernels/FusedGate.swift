/// A fused gate on k ≤ 4 qubits as the kernels apply it: its dense 2ᵏ×2ᵏ matrix, or factored,
/// a sequence of one-qubit matrices and permutations applied to each group of 2ᵏ amplitudes while
/// it is held in registers (`quire_apply_factored_gate`).
///
/// A dense gate costs 2ᵏ complex multiply-adds per amplitude, a one-qubit factor 2 and a
/// permutation none, so a run of few one-qubit gates between cx gates is less arithmetic factored
/// for the same memory traffic; the simulator's fuser picks the cheaper form (Qiskit Aer's rule).
public struct FusedGate: Sendable, Equatable {
    /// One factor of a factored gate, on local indices (local bit j is `qubits[j]`).
    public enum Factor: Sendable {
        /// A 2×2 matrix (interleaved re, im; row-major) on local bit `bit`.
        case oneQubit(bit: Int, matrix: [Double])
        /// A permutation of the local basis states: |l⟩ becomes |image[l]⟩.
        case permutation(image: [Int])
    }

    /// The qubits acted on; local index bit j is `qubits[j]`.
    public let qubits: [Int]
    /// Dense: the 2ᵏ×2ᵏ matrix (interleaved re, im; row-major); factored: the one-qubit factors'
    /// 2×2 matrices in order, 8 doubles each.
    public let matrix: [Double]
    /// Empty for a dense gate; factored: per factor the 2^(k−1) pairs of slots it mixes, then for
    /// each local index the slot holding it at the end (the layout of `quire_apply_factored_gate`).
    public let slots: [UInt8]

    /// The dense gate `matrix` on `qubits`.
    public init(qubits: [Int], matrix: [Double]) {
        self.init(qubits: qubits, matrix: matrix, slots: [])
    }

    /// The product of `factors` (the first applied first) on `qubits`, factored. Permutations cost
    /// nothing: they renumber the slots the later factors and the output read.
    public init(qubits: [Int], factors: [Factor]) {
        let dimension = 1 << qubits.count
        var slotOf = Array(0..<dimension)  // slotOf[l]: the slot holding local basis state l
        var matrices: [Double] = [], pairs: [UInt8] = []
        for factor in factors {
            switch factor {
            case let .oneQubit(bit, matrix):
                matrices += matrix
                for l in 0..<dimension where l >> bit & 1 == 0 {
                    pairs += [UInt8(slotOf[l]), UInt8(slotOf[l | 1 << bit])]
                }
            case let .permutation(image):
                var moved = slotOf
                for l in 0..<dimension { moved[image[l]] = slotOf[l] }
                slotOf = moved
            }
        }
        self.init(qubits: qubits, matrix: matrices, slots: pairs + slotOf.map(UInt8.init))
    }

    private init(qubits: [Int], matrix: [Double], slots: [UInt8]) {
        self.qubits = qubits
        self.matrix = matrix
        self.slots = slots
    }

    /// Whether the gate is applied factor by factor rather than as one dense matrix.
    public var isFactored: Bool { !slots.isEmpty }

    /// The number of one-qubit factors of a factored gate (0 for a dense one).
    public var factorCount: Int { isFactored ? matrix.count / 8 : 0 }

    /// The same gate on `qubits` (one for each of the old ones), every matrix entry conjugated
    /// when `conjugating` (the column side of a density matrix: permutations are real).
    public func remapped(to qubits: [Int], conjugating: Bool) -> FusedGate {
        let values = conjugating ? matrix.enumerated().map { $0.offset & 1 == 1 ? -$0.element : $0.element } : matrix
        return FusedGate(qubits: qubits, matrix: values, slots: slots)
    }

    /// Whether the qubits are 1–4 distinct ones and the matrix and slots have a valid shape.
    var isWellFormed: Bool {
        let k = qubits.count, dimension = 1 << k
        guard k >= 1 && k <= AmplitudeBuffer.maximumFusedQubits && Set(qubits).count == k else { return false }
        guard isFactored else { return matrix.count == 2 * dimension * dimension }
        return matrix.count % 8 == 0 && slots.count == factorCount * dimension + dimension
            && slots.allSatisfy { Int($0) < dimension }
    }
}
