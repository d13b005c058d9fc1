import Numerics
import QuireSimulator

/// The superoperator, in Qiskit's column-stacking convention, of `channels` applied in order to the
/// qubits `space` (local index bit j is `space[j]`), each channel widened by identities on the rest.
func composedSuperoperator(_ channels: [QuantumChannel], on space: [Int]) -> ComplexMatrix {
    let dimension = 1 << space.count
    var total = ComplexMatrix.identity(dimension * dimension)
    for channel in channels {
        let widened = QuantumChannel(qubits: space, krausOperators: channel.krausOperators.map { widen($0, from: channel.qubits, to: space) })
        total = widened.superoperator * total
    }
    return total
}

/// The operator `matrix` on `qubits`, as an operator on `space` (a superset) acting as identity elsewhere.
private func widen(_ matrix: ComplexMatrix, from qubits: [Int], to space: [Int]) -> ComplexMatrix {
    let positions = qubits.map { space.firstIndex(of: $0)! }
    let dimension = 1 << space.count
    let mask = positions.reduce(0) { $0 | 1 << $1 }
    func local(_ index: Int) -> Int {
        positions.enumerated().reduce(0) { $0 | (index >> $1.element & 1) << $1.offset }
    }
    var out = ComplexMatrix(dimension: dimension, elements: Array(repeating: .zero, count: dimension * dimension))
    for row in 0..<dimension {
        for column in 0..<dimension where row & ~mask == column & ~mask {
            out[row, column] = matrix[local(row), local(column)]
        }
    }
    return out
}
