/// Uncontrolled 2×2 and diagonal gates on qubit 0 or 1, as SIMD2 lanes over adjacent amplitudes.
///
/// On these targets a pair's two amplitudes sit in the same 16 or 32 bytes, so the run loop of
/// `applyOneQubit` degenerates to one pair at a time, about half the speed of the other targets
/// (measured: 22 qubits, one thread, 5.1 ms per gate against 2.7 ms here). Here each lane carries
/// exactly the scalar kernel's products and sums in the same order, so results are bit-identical to
/// it (tested against it on every target).
extension AmplitudeBuffer {
    /// Applies the interleaved row-major 2×2 `matrix` (as for `applyOneQubit`) to `target` ∈ {0, 1}.
    @inlinable
    func applyOneQubitOnLowTarget(_ target: Int, matrix m: [Double], threads: Int) {
        let re = UnsafeMutableRawPointer(self.re), im = UnsafeMutableRawPointer(self.im)
        typealias Lanes = SIMD2<Double>
        if target == 0 {
            // Lane 0 is the pair's |…0⟩ amplitude (matrix row 0), lane 1 its |…1⟩ (row 1).
            let a = Lanes(m[0], m[4]), ai = Lanes(m[1], m[5]), b = Lanes(m[2], m[6]), bi = Lanes(m[3], m[7])
            Parallel.forEachRange(count: count >> 1, threads: threads) { pairs in
                for pair in pairs {
                    let offset = 16 * pair
                    let r = re.load(fromByteOffset: offset, as: Lanes.self), i = im.load(fromByteOffset: offset, as: Lanes.self)
                    let xr = Lanes(repeating: r[0]), yr = Lanes(repeating: r[1])
                    let xi = Lanes(repeating: i[0]), yi = Lanes(repeating: i[1])
                    re.storeBytes(of: a * xr - ai * xi + b * yr - bi * yi, toByteOffset: offset, as: Lanes.self)
                    im.storeBytes(of: a * xi + ai * xr + b * yi + bi * yr, toByteOffset: offset, as: Lanes.self)
                }
            }
        } else {
            // Each group of four amplitudes holds two pairs: lanes are the pairs, x the lower half.
            let (ar, ai, br, bi) = (m[0], m[1], m[2], m[3]), (cr, ci, dr, di) = (m[4], m[5], m[6], m[7])
            Parallel.forEachRange(count: count >> 2, threads: threads) { groups in
                for group in groups {
                    let lower = 32 * group, upper = lower + 16
                    let xr = re.load(fromByteOffset: lower, as: Lanes.self), yr = re.load(fromByteOffset: upper, as: Lanes.self)
                    let xi = im.load(fromByteOffset: lower, as: Lanes.self), yi = im.load(fromByteOffset: upper, as: Lanes.self)
                    re.storeBytes(of: ar * xr - ai * xi + br * yr - bi * yi, toByteOffset: lower, as: Lanes.self)
                    im.storeBytes(of: ar * xi + ai * xr + br * yi + bi * yr, toByteOffset: lower, as: Lanes.self)
                    re.storeBytes(of: cr * xr - ci * xi + dr * yr - di * yi, toByteOffset: upper, as: Lanes.self)
                    im.storeBytes(of: cr * xi + ci * xr + dr * yi + di * yr, toByteOffset: upper, as: Lanes.self)
                }
            }
        }
    }

    /// Multiplies the amplitudes with bit `target` ∈ {0, 1} clear by `d0` and those with it set by
    /// `d1`, as `applyDiagonalOneQubit` does (measured at 22 qubits, one thread: rz on qubit 0 3.2 ms
    /// per gate on the single-pair path); with `touchZero` false the `d0` amplitudes are not written
    /// at all, exactly as there (so not even the sign of a zero changes).
    @inlinable
    func applyDiagonalOnLowTarget(
        _ target: Int, d0: (re: Double, im: Double), d1: (re: Double, im: Double), touchZero: Bool, threads: Int
    ) {
        let re = UnsafeMutableRawPointer(self.re), im = UnsafeMutableRawPointer(self.im)
        typealias Lanes = SIMD2<Double>
        if target == 0 {
            // Lane 0 is the pair's |…0⟩ amplitude, lane 1 its |…1⟩.
            let dr = Lanes(d0.re, d1.re), di = Lanes(d0.im, d1.im)
            Parallel.forEachRange(count: count >> 1, threads: threads) { pairs in
                for pair in pairs {
                    let offset = 16 * pair
                    let x = re.load(fromByteOffset: offset, as: Lanes.self), y = im.load(fromByteOffset: offset, as: Lanes.self)
                    var newRe = dr * x - di * y, newIm = dr * y + di * x
                    if !touchZero {
                        newRe[0] = x[0]
                        newIm[0] = y[0]
                    }
                    re.storeBytes(of: newRe, toByteOffset: offset, as: Lanes.self)
                    im.storeBytes(of: newIm, toByteOffset: offset, as: Lanes.self)
                }
            }
        } else {
            // Each group of four amplitudes: two with bit 1 clear, then two with it set.
            Parallel.forEachRange(count: count >> 2, threads: threads) { groups in
                for group in groups {
                    let lower = 32 * group, upper = lower + 16
                    if touchZero {
                        let x = re.load(fromByteOffset: lower, as: Lanes.self), y = im.load(fromByteOffset: lower, as: Lanes.self)
                        re.storeBytes(of: d0.re * x - d0.im * y, toByteOffset: lower, as: Lanes.self)
                        im.storeBytes(of: d0.re * y + d0.im * x, toByteOffset: lower, as: Lanes.self)
                    }
                    let x = re.load(fromByteOffset: upper, as: Lanes.self), y = im.load(fromByteOffset: upper, as: Lanes.self)
                    re.storeBytes(of: d1.re * x - d1.im * y, toByteOffset: upper, as: Lanes.self)
                    im.storeBytes(of: d1.re * y + d1.im * x, toByteOffset: upper, as: Lanes.self)
                }
            }
        }
    }
}
