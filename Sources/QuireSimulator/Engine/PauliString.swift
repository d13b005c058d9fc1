/// A weighted Pauli operator such as 0.5·ZZI, written in Qiskit's order: the rightmost letter acts
/// on qubit 0. Expectation values ⟨P⟩ are exact on the statevector and density-matrix engines.
public struct PauliString: Hashable, Sendable {
    /// The letters as written, qubit n−1 first.
    public let label: String
    /// The real coefficient multiplying the operator.
    public let coefficient: Double
    /// Qubits carrying X or Y (bit q = qubit q).
    let xMask: Int
    /// Qubits carrying Z or Y.
    let zMask: Int
    /// Number of Y letters: P = i^yCount · X^xMask · Z^zMask.
    let yCount: Int

    /// Parses `label` (letters I, X, Y, Z; qubit 0 rightmost) with a `coefficient`.
    public init(_ label: String, coefficient: Double = 1) throws(SimulationError) {
        guard !label.isEmpty, label.count <= 62 else {
            throw .invalidPauliString(label: label, message: "needs between 1 and 62 letters")
        }
        var x = 0, z = 0, y = 0
        for (qubit, letter) in label.reversed().enumerated() {
            switch letter {
            case "I": break
            case "X": x |= 1 << qubit
            case "Z": z |= 1 << qubit
            case "Y":
                x |= 1 << qubit
                z |= 1 << qubit
                y += 1
            default: throw .invalidPauliString(label: label, message: "letter \"\(letter)\" is not one of I, X, Y, Z")
            }
        }
        self.label = label
        self.coefficient = coefficient
        (xMask, zMask, yCount) = (x, z, y)
    }

    /// Number of qubits the string covers.
    public var qubitCount: Int { label.count }

    /// coefficient · Re(i^yCount · sum), where `sum` = ⟨X^x Z^z⟩ as (re, im) from a kernel.
    func value(fromSum sum: SIMD2<Double>) -> Double {
        let real: Double =
            switch yCount % 4 {
            case 0: sum.x
            case 1: -sum.y
            case 2: -sum.x
            default: sum.y
            }
        return coefficient * real
    }

    /// Throws unless the string covers exactly `qubits` qubits.
    func check(qubits: Int) throws(SimulationError) {
        guard qubitCount == qubits else {
            throw .invalidPauliString(label: label, message: "has \(qubitCount) letters for a \(qubits)-qubit state")
        }
    }
}
