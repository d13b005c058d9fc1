import Numerics
import QuireCore
import QuireKernels
import Testing

@testable import QuireSimulator

/// The dense fused-gate kernel (AmplitudeBuffer+Fused): against the naive sum over basis states,
/// and its AVX2 and AVX-512 copies against the portable one to the last bit.
struct FusedGateKernelTests {
    /// A state of `n` qubits with amplitudes drawn from `stream` (not normalised: the kernel is linear).
    static func randomState(_ n: Int, _ stream: RandomStream) -> AmplitudeBuffer {
        let buffer = AmplitudeBuffer(qubitCount: n)
        for i in 0..<buffer.count { buffer[i] = (stream.normal(at: UInt64(2 * i)), stream.normal(at: UInt64(2 * i + 1))) }
        return buffer
    }

    /// A dense 2ᵏ×2ᵏ matrix with entries drawn from `stream` (interleaved row-major).
    static func randomMatrix(_ k: Int, _ stream: RandomStream) -> [Double] {
        (0..<(2 << (2 * k))).map { stream.normal(at: UInt64($0)) }
    }

    /// Target sets: each k, low qubits (lanes gathered one group at a time) and high ones (vector loads).
    static let cases: [(qubits: Int, targets: [Int])] = [
        (1, [0]), (5, [3]), (4, [1, 0]), (7, [6, 2]), (9, [0, 8, 3]), (10, [5, 3, 7]), (6, [2, 0, 5, 1]),
        (10, [9, 3, 6, 4]), (12, [4, 11, 7, 5]), (15, [14, 0, 7, 2]),
    ]

    @Test(arguments: cases.indices)
    func matchesTheNaiveSum(index: Int) {
        let (n, targets) = Self.cases[index]
        let stream = RandomStream(seed: 17, purpose: "fused-kernel").substream(index: UInt64(index))
        let state = Self.randomState(n, stream.substream("state"))
        let flat = Self.randomMatrix(targets.count, stream.substream("matrix"))
        let dimension = 1 << targets.count
        let matrix = ComplexMatrix(
            dimension: dimension, elements: (0..<dimension * dimension).map { Complex(flat[2 * $0], flat[2 * $0 + 1]) })
        let expected = naiveApply(matrix, qubits: targets, to: state)
        // Rounding of a sum of 16 products of normal deviates: far below 1e-12.
        state.applyFused(qubits: targets, matrix: flat, path: .portable)
        #expect(maxDifference(amplitudes(state), expected) <= 1e-12)
    }

    /// Every vector path this CPU has (AVX2+FMA, AVX-512F), on one and two threads, against the portable one.
    @Test(.enabled(if: SIMDPath.isAvailable(.avx2), "this CPU has no AVX2"), arguments: cases.indices)
    func vectorPathsAndPortableAgreeToTheLastBit(index: Int) {
        let (n, targets) = Self.cases[index]
        let stream = RandomStream(seed: 29, purpose: "fused-kernel-paths").substream(index: UInt64(index))
        let portable = Self.randomState(n, stream.substream("state"))
        let start = AmplitudeBuffer(copying: portable)
        let matrix = Self.randomMatrix(targets.count, stream.substream("matrix"))
        portable.applyFused(qubits: targets, matrix: matrix, path: .portable)
        let bits = { (buffer: AmplitudeBuffer) in amplitudes(buffer).map(\.bitPattern) }
        for path in SIMDPath.allCases where path != .portable && SIMDPath.isAvailable(path) {
            for threads in [1, 2] {
                let state = AmplitudeBuffer(copying: start)
                state.applyFused(qubits: targets, matrix: matrix, threads: threads, path: path)
                #expect(bits(state) == bits(portable), "\(path), \(threads) threads")
            }
        }
    }
}
