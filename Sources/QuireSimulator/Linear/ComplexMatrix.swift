import Numerics

/// A dense square complex matrix, row-major: gate unitaries, Kraus operators, superoperators.
///
/// Small (at most 2⁵ × 2⁵ for gates, 4⁴ for two-qubit superoperators) and built once per gate or
/// channel, never inside a kernel loop; kernels receive the flat re/im arrays.
/// Index convention: for a matrix on qubits `[q0, q1, …]`, local basis index bit j is qubit q_j
/// (Qiskit's little-endian order).
public struct ComplexMatrix: Hashable, Sendable {
    /// Number of rows (= columns).
    public let dimension: Int
    /// Entries, row-major: `elements[row * dimension + column]`.
    public var elements: [Complex<Double>]

    /// Creates a matrix from row-major entries; `elements.count` must be `dimension²`.
    public init(dimension: Int, elements: [Complex<Double>]) {
        precondition(elements.count == dimension * dimension, "ComplexMatrix needs dimension² entries")
        self.dimension = dimension
        self.elements = elements
    }

    /// Creates a matrix from rows of entries.
    public init(rows: [[Complex<Double>]]) {
        self.init(dimension: rows.count, elements: rows.flatMap { $0 })
    }

    /// The identity of the given dimension.
    public static func identity(_ dimension: Int) -> ComplexMatrix {
        var m = ComplexMatrix(dimension: dimension, elements: Array(repeating: .zero, count: dimension * dimension))
        for i in 0..<dimension { m[i, i] = .one }
        return m
    }

    /// Entry at (`row`, `column`).
    public subscript(row: Int, column: Int) -> Complex<Double> {
        get { elements[row * dimension + column] }
        set { elements[row * dimension + column] = newValue }
    }

    /// The conjugate transpose.
    public var adjoint: ComplexMatrix {
        var m = self
        for r in 0..<dimension {
            for c in 0..<dimension { m[r, c] = self[c, r].conjugate }
        }
        return m
    }

    /// The entrywise complex conjugate.
    public var conjugate: ComplexMatrix {
        ComplexMatrix(dimension: dimension, elements: elements.map(\.conjugate))
    }

    /// True when every off-diagonal entry is exactly zero (kernels then only scale amplitudes).
    public var isDiagonal: Bool {
        for r in 0..<dimension {
            for c in 0..<dimension where r != c && self[r, c] != .zero { return false }
        }
        return true
    }

    /// The matrix product `lhs · rhs`.
    public static func * (lhs: ComplexMatrix, rhs: ComplexMatrix) -> ComplexMatrix {
        precondition(lhs.dimension == rhs.dimension, "ComplexMatrix dimensions differ")
        let n = lhs.dimension
        var out = [Complex<Double>](repeating: .zero, count: n * n)
        for r in 0..<n {
            for k in 0..<n {
                let a = lhs.elements[r * n + k]
                if a == .zero { continue }
                for c in 0..<n { out[r * n + c] += a * rhs.elements[k * n + c] }
            }
        }
        return ComplexMatrix(dimension: n, elements: out)
    }

    /// Every entry multiplied by `scale`.
    public static func * (scale: Complex<Double>, matrix: ComplexMatrix) -> ComplexMatrix {
        ComplexMatrix(dimension: matrix.dimension, elements: matrix.elements.map { scale * $0 })
    }

    /// The entrywise sum.
    public static func + (lhs: ComplexMatrix, rhs: ComplexMatrix) -> ComplexMatrix {
        precondition(lhs.dimension == rhs.dimension, "ComplexMatrix dimensions differ")
        return ComplexMatrix(dimension: lhs.dimension, elements: zip(lhs.elements, rhs.elements).map { $0 + $1 })
    }

    /// The Kronecker product with `low` acting on the less significant index bits: `self ⊗ low`.
    ///
    /// With the little-endian convention, a matrix on qubits `[a] + [b]` is `M_b ⊗ M_a`.
    public func kronecker(_ low: ComplexMatrix) -> ComplexMatrix {
        let n = dimension * low.dimension
        var out = [Complex<Double>](repeating: .zero, count: n * n)
        for r1 in 0..<dimension {
            for c1 in 0..<dimension {
                let a = self[r1, c1]
                if a == .zero { continue }
                for r2 in 0..<low.dimension {
                    for c2 in 0..<low.dimension {
                        out[(r1 * low.dimension + r2) * n + c1 * low.dimension + c2] = a * low[r2, c2]
                    }
                }
            }
        }
        return ComplexMatrix(dimension: n, elements: out)
    }

    /// Largest entrywise distance to `other` (for tests and unitarity checks).
    public func maxDistance(to other: ComplexMatrix) -> Double {
        zip(elements, other.elements).reduce(0) { max($0, ($1.0 - $1.1).length) }
    }
}
