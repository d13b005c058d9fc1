/// One-target kernels: a general 2×2 matrix (optionally controlled), a diagonal, and controlled X.
///
/// Matrices are passed interleaved row-major (`[re00, im00, re01, im01, re10, im10, re11, im11]`),
/// and need not be unitary (measurement projectors and reset maps use them too). The loops visit the
/// pairs through `forEachPairRun` (+PairTraversal): runs of consecutive pairs walked through offset
/// pointers, which the optimiser vectorises, and single pairs when a control is qubit 0 or 1 (or the
/// target is, for controlled X; general and diagonal gates there use SIMD2 lanes: +LowTargets).
/// Each amplitude's update is the same arithmetic whichever path or thread count visits it.
extension AmplitudeBuffer {
    /// Applies the 2×2 `matrix` to `target` on the amplitudes whose `controlMask` bits are all 1.
    ///
    /// With `controlMask == 0` this is an ordinary one-qubit gate.
    @inlinable
    public func applyOneQubit(target: Int, matrix: [Double], controlMask: Int = 0, threads: Int = 1) {
        precondition(matrix.count == 8 && controlMask & (1 << target) == 0, "applyOneQubit: bad matrix or control mask")
        if controlMask == 0 && target < 2 {
            applyOneQubitOnLowTarget(target, matrix: matrix, threads: threads)
            return
        }
        let (ar, ai, br, bi) = (matrix[0], matrix[1], matrix[2], matrix[3])
        let (cr, ci, dr, di) = (matrix[4], matrix[5], matrix[6], matrix[7])
        let step = 1 << target
        forEachPairRun(target: target, controlMask: controlMask, threads: threads) { start, length in
            let re0 = re + start, im0 = im + start, re1 = re0 + step, im1 = im0 + step
            for k in 0..<length {
                let xr = re0[k], xi = im0[k], yr = re1[k], yi = im1[k]
                re0[k] = ar * xr - ai * xi + br * yr - bi * yi
                im0[k] = ar * xi + ai * xr + br * yi + bi * yr
                re1[k] = cr * xr - ci * xi + dr * yr - di * yi
                im1[k] = cr * xi + ci * xr + dr * yi + di * yr
            }
        }
    }

    /// Multiplies amplitudes with `target` = 0 by `d0` and those with `target` = 1 by `d1` (a phase
    /// gate when both have modulus 1; a projector when one is zero).
    @inlinable
    public func applyDiagonalOneQubit(
        target: Int, d0: (re: Double, im: Double), d1: (re: Double, im: Double),
        threads: Int = 1
    ) {
        let step = 1 << target
        let touchZero = d0.re != 1 || d0.im != 0
        if target < 2 {
            applyDiagonalOnLowTarget(target, d0: d0, d1: d1, touchZero: touchZero, threads: threads)
            return
        }
        forEachPairRun(target: target, controlMask: 0, threads: threads) { start, length in
            let re0 = re + start, im0 = im + start, re1 = re0 + step, im1 = im0 + step
            if touchZero {
                for k in 0..<length {
                    let xr = re0[k], xi = im0[k]
                    re0[k] = d0.re * xr - d0.im * xi
                    im0[k] = d0.re * xi + d0.im * xr
                }
            }
            for k in 0..<length {
                let yr = re1[k], yi = im1[k]
                re1[k] = d1.re * yr - d1.im * yi
                im1[k] = d1.re * yi + d1.im * yr
            }
        }
    }

    /// Swaps the amplitude pairs that differ in `target`, where all `controlMask` bits are 1
    /// (X, CX, CCX, C3X, C4X): a permutation, so no arithmetic.
    @inlinable
    public func applyControlledX(target: Int, controlMask: Int = 0, threads: Int = 1) {
        precondition(controlMask & (1 << target) == 0, "applyControlledX: target inside control mask")
        let step = 1 << target
        forEachPairRun(target: target, controlMask: controlMask, threads: threads) { start, length in
            let re0 = re + start, im0 = im + start, re1 = re0 + step, im1 = im0 + step
            for k in 0..<length {
                let xr = re0[k], xi = im0[k]
                re0[k] = re1[k]
                im0[k] = im1[k]
                re1[k] = xr
                im1[k] = xi
            }
        }
    }
}
