internal import CQuireKernels

/// A sparse matrix on the 2ᵏ elements of a density sweep's group (`AmplitudeBuffer.applyDensitySweep`):
/// a channel's superoperator placed on some of the group's bits, its nonzeros kept once.
///
/// Rows are the group's local indices; each row keeps its nonzeros in the superoperator's column
/// order, so the sweep sums them in the order `applyDense` does.
public final class DensityGroupMatrix: @unchecked Sendable {
    /// Number of group bits k.
    public let groupBits: Int
    let starts: UnsafeMutablePointer<Int32>
    let columns: UnsafeMutablePointer<Int32>
    let values: UnsafeMutablePointer<Double>

    /// Places the 2ᵐ×2ᵐ `matrix` (interleaved row-major, as for `applyDense`; its local bit j is
    /// group bit `bits[j]`) on a group of `groupBits` bits, acting as the identity on the others.
    public init(groupBits k: Int, bits: [Int], matrix: [Double]) {
        let m = bits.count, dim = 1 << k, subDim = 1 << m
        precondition(
            k <= Int(QUIRE_DENSITY_MAX_BITS) && matrix.count == 2 * subDim * subDim && bits.allSatisfy { (0..<k).contains($0) }
                && Set(bits).count == m, "DensityGroupMatrix: bad bits or matrix size")
        let place = { (sub: Int) in (0..<m).reduce(0) { $0 | (sub >> $1 & 1) << bits[$1] } }
        let subMask = place(subDim - 1)
        var starts = [Int32(0)], columns: [Int32] = [], values: [Double] = []
        for row in 0..<dim {
            let rest = row & ~subMask
            let r = (0..<m).reduce(0) { $0 | (row >> bits[$1] & 1) << $1 }
            for c in 0..<subDim where matrix[2 * (r * subDim + c)] != 0 || matrix[2 * (r * subDim + c) + 1] != 0 {
                columns.append(Int32(rest | place(c)))
                values += [matrix[2 * (r * subDim + c)], matrix[2 * (r * subDim + c) + 1]]
            }
            starts.append(Int32(columns.count))
        }
        groupBits = k
        self.starts = .allocate(capacity: starts.count)
        self.starts.initialize(from: starts, count: starts.count)
        self.columns = .allocate(capacity: max(1, columns.count))
        self.columns.initialize(from: columns, count: columns.count)
        self.values = .allocate(capacity: max(1, values.count))
        self.values.initialize(from: values, count: values.count)
    }

    deinit {
        starts.deallocate()
        columns.deallocate()
        values.deallocate()
    }
}

/// One operation of a density sweep; bits and masks are the group's local bits.
public enum DensitySweepOperation {
    /// exp(−i·a·P/2) on `bit` given c = cos(a/2), s = sin(a/2) (as `applyRotation`).
    case rotation(AmplitudeBuffer.RotationAxis, bit: Int, cosHalf: Double, sinHalf: Double)
    /// The 2×2 matrix on `bit` where the `controlMask` bits are 1 (as `applyMatrix`).
    case matrix(AmplitudeBuffer.Matrix2, bit: Int, controlMask: Int)
    /// c + i·s on the elements whose `mask` bits are all 1 (as `applyPhase`).
    case phase(mask: Int, cos: Double, sin: Double)
    /// Swaps the pairs differing in `bit` where the `controlMask` bits are 1 (as `applyControlledNot`).
    case controlledNot(bit: Int, controlMask: Int)
    /// A channel's superoperator on the group (as `applyDense`).
    case sparse(DensityGroupMatrix)
    /// Copies the elements as they are at this point to `real`, `imaginary` (full-size arrays, same indices).
    case store(real: UnsafeMutablePointer<Double>, imaginary: UnsafeMutablePointer<Double>)
}

extension AmplitudeBuffer {
    /// Largest number of bits one density sweep's group spans.
    public static let maximumDensitySweepBits = Int(QUIRE_DENSITY_MAX_BITS)

    /// Applies `operations` in order to `bits` (ascending; local bit j is `bits[j]`) in one pass over
    /// the buffer, on the calling thread: each group of 2ᵏ elements is loaded once, every operation
    /// applied to it, and stored. Every element gets the same operations in the same order as the
    /// single kernels named by each case, so the result is theirs to the last bit, on every `path`.
    /// (`.preferred` is not re-checked: asking the CPU, through CPUID, cost more than a small sweep.)
    public func applyDensitySweep(bits: [Int], operations: [DensitySweepOperation], path: SIMDPath = .preferred) {
        let k = bits.count
        precondition(
            k >= 1 && k <= Self.maximumDensitySweepBits && zip(bits, bits.dropFirst()).allSatisfy { $0 < $1 }
                && bits.last! < qubitCount && (path == .preferred || SIMDPath.isAvailable(path)),
            "applyDensitySweep: bad bits or path")
        // Matrices of `.matrix` operations, 8 doubles each, kept alive for the call.
        var matrices = [Double](repeating: 0, count: 8 * operations.count)
        matrices.withUnsafeMutableBufferPointer { matrices in
            let ops = operations.enumerated().map { index, operation in
                var op = quire_density_op()
                switch operation {
                case let .rotation(axis, bit, c, s):
                    let kinds: [RotationAxis: quire_density_op_kind] = [
                        .x: QUIRE_DENSITY_ROTATION_X, .y: QUIRE_DENSITY_ROTATION_Y, .z: QUIRE_DENSITY_ROTATION_Z,
                    ]
                    (op.kind, op.bit, op.c, op.s) = (Int32(kinds[axis]!.rawValue), Int32(bit), c, s)
                case let .matrix(m, bit, controlMask):
                    let entries = [m.m00.x, m.m00.y, m.m01.x, m.m01.y, m.m10.x, m.m10.y, m.m11.x, m.m11.y]
                    for (e, value) in entries.enumerated() { matrices[8 * index + e] = value }
                    (op.kind, op.bit, op.mask) = (Int32(QUIRE_DENSITY_MATRIX.rawValue), Int32(bit), Int32(controlMask))
                    op.matrix = UnsafePointer(matrices.baseAddress! + 8 * index)
                case let .phase(mask, c, s):
                    (op.kind, op.mask, op.c, op.s) = (Int32(QUIRE_DENSITY_PHASE.rawValue), Int32(mask), c, s)
                case let .controlledNot(bit, controlMask):
                    (op.kind, op.bit, op.mask) = (Int32(QUIRE_DENSITY_CX.rawValue), Int32(bit), Int32(controlMask))
                case let .sparse(matrix):
                    precondition(matrix.groupBits == k, "applyDensitySweep: matrix built for another group size")
                    op.kind = Int32(QUIRE_DENSITY_SPARSE.rawValue)
                    (op.starts, op.columns, op.matrix) = (UnsafePointer(matrix.starts), UnsafePointer(matrix.columns), UnsafePointer(matrix.values))
                case let .store(real, imaginary):
                    (op.kind, op.store_re, op.store_im) = (Int32(QUIRE_DENSITY_STORE.rawValue), real, imaginary)
                }
                return op
            }
            let targets = bits.map { Int64($0) }
            withExtendedLifetime(operations) {
                quire_density_sweep(
                    re, im, Int32(k), targets, ops, Int32(ops.count), 0, Int64(count >> k), path.kernelPath)
            }
        }
    }

    /// ⟨self|X^x Z^z|ket⟩ for each (x, z) of `masks` (at most 4), the ket given as split real and
    /// imaginary parts of this buffer's size: `pauliMatrixElement`'s sums, bit for bit, all in one pass.
    public func pauliMatrixElements(ketReal: UnsafePointer<Double>, ketImaginary: UnsafePointer<Double>, masks: [(x: Int, z: Int)])
        -> [SIMD2<Double>]
    {
        precondition(masks.count <= 4, "pauliMatrixElements: at most 4 operators")
        var out = [Double](repeating: 0, count: 2 * masks.count)
        quire_density_pauli_elements(
            ketReal, ketImaginary, re, im, Int64(count), Int32(masks.count), masks.map { Int64($0.x) }, masks.map { Int64($0.z) },
            &out)
        return masks.indices.map { SIMD2(out[2 * $0], out[2 * $0 + 1]) }
    }
}
