import QuireKernels
import QuireTestSupport
import Testing

/// The fused density sweep against the single kernels it replaces, bit for bit, on every SIMD path.
struct DensitySweepTests {
    /// The bit patterns of `buffer`'s amplitudes (so −0 and NaN payloads count too).
    static func bits(_ buffer: AmplitudeBuffer) -> [UInt64] {
        (0..<buffer.count).flatMap { [buffer[$0].re.bitPattern, buffer[$0].im.bitPattern] }
    }

    /// A run of every operation kind on `bits` (state bits of a 6-qubit buffer: the groups are
    /// gathered when the lowest bit is below 3 and loaded as vectors otherwise): the sweep equals
    /// applyRotation, applyMatrix, applyPhase, applyControlledNot and applyDense called one by one,
    /// with the stored snapshot equal to the state at its point, to the last bit on every path.
    @Test(arguments: [[0, 3], [1, 2, 4], [3, 4, 5], [0, 1, 2, 3, 4, 5]])
    func sweepEqualsTheSingleKernelsBitForBit(bits: [Int]) {
        let k = bits.count
        let m = AmplitudeBuffer.Matrix2(SIMD2(0.6, -0.2), SIMD2(0.3, 0.7), SIMD2(-0.5, 0.1), SIMD2(0.25, -0.8))
        let channel = randomMatrix(qubits: 2, seed: 5).enumerated().map { $0.offset % 6 == 1 ? 0 : $0.element }
        let (a, b) = (bits[0], bits[k - 1])
        let reference = randomBuffer(qubits: 6, seed: 3)
        reference.applyRotation(.x, target: a, cosHalf: 0.8, sinHalf: -0.6)
        reference.applyRotation(.y, target: b, cosHalf: 0.28, sinHalf: 0.96)
        reference.applyRotation(.z, target: a, cosHalf: -0.6, sinHalf: 0.8)
        let snapshot = AmplitudeBuffer(copying: reference)
        reference.applyMatrix(m, target: b, controlMask: 1 << a)
        reference.applyPhase(mask: 1 << a | 1 << b, cos: 0.36, sin: -0.48)
        reference.applyControlledNot(target: a, controlMask: 1 << b)
        reference.applyDense(qubits: [b, a], matrix: channel)
        reference.applyMatrix(m, target: a)
        for path in SIMDPath.allCases where SIMDPath.isAvailable(path) {
            let buffer = randomBuffer(qubits: 6, seed: 3)
            let stored = UnsafeMutablePointer<Double>.allocate(capacity: 2 * buffer.count)
            defer { stored.deallocate() }
            let (la, lb) = (0, k - 1)
            buffer.applyDensitySweep(
                bits: bits,
                operations: [
                    .rotation(.x, bit: la, cosHalf: 0.8, sinHalf: -0.6), .rotation(.y, bit: lb, cosHalf: 0.28, sinHalf: 0.96),
                    .rotation(.z, bit: la, cosHalf: -0.6, sinHalf: 0.8),
                    .store(real: stored, imaginary: stored + buffer.count),
                    .matrix(m, bit: lb, controlMask: 1 << la), .phase(mask: 1 << la | 1 << lb, cos: 0.36, sin: -0.48),
                    .controlledNot(bit: la, controlMask: 1 << lb),
                    .sparse(DensityGroupMatrix(groupBits: k, bits: [lb, la], matrix: channel)),
                    .matrix(m, bit: la, controlMask: 0),
                ], path: path)
            #expect(Self.bits(buffer) == Self.bits(reference), "path \(path)")
            let copy = AmplitudeBuffer(qubitCount: 6)
            copy.setAmplitudes(real: stored, imaginary: stored + buffer.count)
            #expect(Self.bits(copy) == Self.bits(snapshot), "path \(path)")
        }
    }

    /// The Pauli matrix elements of one pass equal `pauliMatrixElement` one operator at a time, bit for bit.
    @Test func pauliElementsEqualTheSingleSums() {
        let ket = randomBuffer(qubits: 6, seed: 8), bra = randomBuffer(qubits: 6, seed: 9)
        let masks = [(x: 0b000101, z: 0b100100), (x: 0, z: 0b010001), (x: 0b110000, z: 0), (x: 0b001010, z: 0b001010)]
        var (real, imaginary) = ([Double](repeating: 0, count: ket.count), [Double](repeating: 0, count: ket.count))
        ket.copyAmplitudes(real: &real, imaginary: &imaginary)
        let elements = bra.pauliMatrixElements(ketReal: real, ketImaginary: imaginary, masks: masks)
        for (mask, element) in zip(masks, elements) {
            let single = ket.pauliMatrixElement(bra: bra, xMask: mask.x, zMask: mask.z)
            #expect(element.x.bitPattern == single.x.bitPattern && element.y.bitPattern == single.y.bitPattern)
        }
    }
}
