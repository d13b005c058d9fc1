/// The observable a variational classifier reads: Pauli Z on one qubit, or the parity Z⊗…⊗Z of all
/// qubits. Both are diagonal, so any engine's probabilities (or shot counts) give ⟨O⟩.
public enum ReadoutObservable: Hashable, Sendable {
    /// Z on one qubit ("Z0", "Z3").
    case z(qubit: Int)
    /// Z on every qubit ("parity").
    case parity

    /// Parses "Z<k>" or "parity"; nil for anything else.
    public init?(label: String) {
        if label == "parity" {
            self = .parity
        } else if label.first == "Z", let k = Int(label.dropFirst()), k >= 0, String(k) == label.dropFirst() {
            self = .z(qubit: k)
        } else {
            return nil
        }
    }

    /// The label "Z<k>" or "parity".
    public var label: String {
        switch self {
        case .z(let q): "Z\(q)"
        case .parity: "parity"
        }
    }

    /// Bit mask of the qubits carrying Z on `qubits` qubits.
    public func zMask(qubits: Int) -> Int {
        switch self {
        case .z(let q): 1 << q
        case .parity: (1 << qubits) - 1
        }
    }

    /// ⟨O⟩ = Σᵢ pᵢ (−1)^popcount(i & mask) from the probabilities of every basis state, summed in index order.
    public func expectation(probabilities: [Double], qubits: Int) -> Double {
        let mask = zMask(qubits: qubits)
        var sum = 0.0
        for (i, p) in probabilities.enumerated() { sum += (i & mask).nonzeroBitCount & 1 == 1 ? -p : p }
        return sum
    }
}
