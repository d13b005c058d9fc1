import Numerics
import QuireKernels

/// A fixed two-qubit gate of a `CompiledCircuit` (ecr, ms) as the four interleaved 4×4 matrices its
/// kernel call may need: the gate U, U† (the backward sweep of adjoint differentiation), conj(U)
/// and conj(U)† = Uᵀ (the column half of a vectorised density matrix), computed once.
struct TwoQubitMatrix: Sendable {
    /// U, U†, conj(U), Uᵀ, each interleaved row-major (32 doubles).
    private let variants: [[Double]]

    /// The variants of `matrix` (4×4; local bit 0 is the gate's first qubit).
    init(_ matrix: ComplexMatrix) {
        precondition(matrix.dimension == 4, "a two-qubit matrix is 4×4")
        func interleaved(_ entry: (Int, Int) -> Complex<Double>) -> [Double] {
            (0..<4).flatMap { r in (0..<4).flatMap { c in [entry(r, c).real, entry(r, c).imaginary] } }
        }
        variants = [
            interleaved { matrix[$0, $1] }, interleaved { matrix[$1, $0].conjugate },
            interleaved { matrix[$0, $1].conjugate }, interleaved { matrix[$1, $0] },
        ]
    }

    /// The matrix to apply: U, or U† when `inverse`, entrywise conjugated when `conjugate`.
    func entries(inverse: Bool, conjugate: Bool) -> [Double] {
        variants[(inverse ? 1 : 0) + (conjugate ? 2 : 0)]
    }
}

extension AmplitudeBuffer.Matrix2 {
    /// The 2×2 identity.
    static let identity = Self(SIMD2(1, 0), SIMD2(0, 0), SIMD2(0, 0), SIMD2(1, 0))
}
