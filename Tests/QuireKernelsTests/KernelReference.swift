import QuireKernels
import QuireTestSupport

/// A complex number (re, im) for the textbook arithmetic the kernels are checked against.
typealias Complex = SIMD2<Double>

/// a·b.
func product(_ a: Complex, _ b: Complex) -> Complex {
    Complex(a.x * b.x - a.y * b.y, a.x * b.y + a.y * b.x)
}

/// A buffer holding a random (unnormalised) state of `qubits` qubits.
func randomBuffer(qubits: Int, seed: UInt64) -> AmplitudeBuffer {
    let values = uniforms(2 << qubits, seed: seed, purpose: "kernel-state")
    let buffer = AmplitudeBuffer(qubitCount: qubits)
    for i in 0..<buffer.count { buffer[i] = (values[2 * i], values[2 * i + 1]) }
    return buffer
}

/// A random 2ᵏ×2ᵏ complex matrix, interleaved row-major (not unitary: the kernels must not assume it).
func randomMatrix(qubits k: Int, seed: UInt64) -> [Double] {
    uniforms(2 << (2 * k), seed: seed, purpose: "kernel-matrix")
}

/// The amplitudes of `buffer`.
func amplitudes(_ buffer: AmplitudeBuffer) -> [Complex] {
    (0..<buffer.count).map { Complex(buffer[$0].re, buffer[$0].im) }
}

/// `matrix` (2ᵏ×2ᵏ, interleaved row-major; local index bit j is `qubits[j]`) applied to `state` on
/// the basis states whose `controlMask` bits are all 1, by the textbook sum over one row at a time.
func naiveApply(_ matrix: [Double], qubits: [Int], controlMask: Int = 0, to state: [Complex]) -> [Complex] {
    let dimension = 1 << qubits.count
    let targetMask = qubits.reduce(0) { $0 | 1 << $1 }
    var result = state
    for i in state.indices where i & controlMask == controlMask {
        let row = qubits.indices.reduce(0) { $0 | (i >> qubits[$1] & 1) << $1 }
        var sum = Complex(0, 0)
        for column in 0..<dimension {
            let j = qubits.indices.reduce(i & ~targetMask) { $0 | (column >> $1 & 1) << qubits[$1] }
            let entry = 2 * (row * dimension + column)
            sum += product(Complex(matrix[entry], matrix[entry + 1]), state[j])
        }
        result[i] = sum
    }
    return result
}

/// The largest |aᵢ − bᵢ| over both parts.
func maximumDifference(_ a: [Complex], _ b: [Complex]) -> Double {
    precondition(a.count == b.count)
    return zip(a, b).map { max(abs($0.x - $1.x), abs($0.y - $1.y)) }.max() ?? 0
}

/// Interleaves a matrix given as rows of complex entries.
func interleaved(_ rows: [[Complex]]) -> [Double] {
    rows.flatMap { $0.flatMap { [$0.x, $0.y] } }
}
