import Numerics
import QuireKernels
import Testing

@testable import QuireSimulator

/// Kernels: thread-count independence (bit for bit) and reductions against plain sums.
struct KernelTests {
    /// 16 qubits: above `Parallel.minimumParallelWork`, so threads 2 and 3 really split the work.
    static let qubits = 16

    @Test func reductionsAreBitIdenticalForAnyThreadCount() {
        let a = randomState(qubits: Self.qubits, seed: 11), b = randomState(qubits: Self.qubits, seed: 12)
        for threads in [2, 3, 4] {
            #expect(a.normSquared(threads: threads) == a.normSquared(threads: 1))
            #expect(a.outcomeWeights(qubit: 7, threads: threads) == a.outcomeWeights(qubit: 7, threads: 1))
            #expect(a.innerProduct(with: b, threads: threads) == a.innerProduct(with: b, threads: 1))
            #expect(
                a.pauliSum(xMask: 0b1010, zMask: 0b0110_0001, threads: threads)
                    == a.pauliSum(xMask: 0b1010, zMask: 0b0110_0001, threads: 1))
        }
    }

    @Test func reductionsMatchPlainSums() {
        let a = randomState(qubits: 12, seed: 5)
        var norm = 0.0, zero = 0.0, one = 0.0
        for i in 0..<a.count {
            let p = a[i].re * a[i].re + a[i].im * a[i].im
            norm += p
            if i >> 3 & 1 == 1 { one += p } else { zero += p }
        }
        #expect(abs(a.normSquared() - norm) <= 1e-13)
        #expect(abs(a.outcomeWeights(qubit: 3).x - zero) <= 1e-13)
        #expect(abs(a.outcomeWeights(qubit: 3).y - one) <= 1e-13)
        #expect(abs(a.normSquared() - 1) <= 1e-13)
    }

    @Test func gateKernelsAreBitIdenticalForAnyThreadCount() {
        func evolve(threads: Int) -> [Double] {
            let state = randomState(qubits: Self.qubits, seed: 21)
            let operations: [(StandardGate, [Int], [Double])] = [
                (.u3, [3], [0.3, 1.1, -0.7]), (.cx, [15, 2], []), (.rzz, [4, 9], [0.8]), (.cu, [1, 14], [0.2, 0.4, 0.6, 0.9]),
                (.rxx, [0, 8], [1.3]), (.cswap, [5, 6, 7], []), (.rc3x, [10, 11, 12, 13], []), (.t, [6], []),
            ]
            for (gate, qubits, parameters) in operations {
                KernelOperation(gate: gate, qubits: qubits, parameters: parameters).apply(to: state, threads: threads)
            }
            return amplitudes(state)
        }
        let single = evolve(threads: 1)
        #expect(evolve(threads: 2) == single)
        #expect(evolve(threads: 3) == single)
    }

    /// Each one-target kernel (general, diagonal, permutation) on every target of a 13-qubit state,
    /// against the naive sum over basis states: targets 6…11 take the prefetching traversal
    /// (AmplitudeBuffer+PairTraversal), including its last block where there is nothing ahead to
    /// prefetch; the others the plain one. Tolerance 1e-15: the same products, summed in another order.
    @Test(arguments: 0..<13)
    func oneTargetKernelsMatchTheNaiveSum(target: Int) {
        let gates: [(StandardGate, [Double])] = [(.u3, [0.3, 1.1, -0.7]), (.t, []), (.x, []), (.sx, [])]
        for (gate, parameters) in gates {
            let state = randomState(qubits: 13, seed: UInt64(target) + 40)
            let expected = naiveApply(gate.matrix(parameters: parameters), qubits: [target], to: state)
            KernelOperation(gate: gate, qubits: [target], parameters: parameters).apply(to: state, threads: 1)
            #expect(maxDifference(amplitudes(state), expected) <= 1e-15, "\(gate) on qubit \(target)")
        }
    }

    /// The prefetching traversal under 2 and 3 workers (3 splits the pairs off run boundaries, so
    /// chunks end early) gives the single-thread amplitudes bit for bit.
    @Test func prefetchedTargetsAreBitIdenticalForAnyThreadCount() {
        func evolve(threads: Int) -> [Double] {
            let state = randomState(qubits: Self.qubits, seed: 23)
            for target in 5...12 {
                KernelOperation(gate: .u3, qubits: [target], parameters: [0.2 * Double(target), 0.5, -0.3]).apply(to: state, threads: threads)
                KernelOperation(gate: .rz, qubits: [target], parameters: [0.7]).apply(to: state, threads: threads)
            }
            return amplitudes(state)
        }
        let single = evolve(threads: 1)
        #expect(evolve(threads: 2) == single)
        #expect(evolve(threads: 3) == single)
    }

    /// A gate on qubit t equals the same gate on qubit k conjugated by swap(t, k), bit for bit, for
    /// every pair of 13 qubits: the SIMD2 kernels of targets 0 and 1 (general, and diagonal with and
    /// without a phase on |0⟩: rz and t), the prefetching traversal of 6…11 and the plain runs must do
    /// the same arithmetic per amplitude (swaps only move values).
    @Test(arguments: [StandardGate.u3, .rz, .t, .x])
    func oneTargetKernelPathsAgreeBitForBit(gate: StandardGate) {
        let parameters = gate == .u3 ? [0.4, -1.2, 2.1] : gate == .rz ? [0.9] : []
        let original = randomState(qubits: 13, seed: 31)
        for t in 0..<13 {
            let direct = AmplitudeBuffer(copying: original)
            KernelOperation(gate: gate, qubits: [t], parameters: parameters).apply(to: direct, threads: 1)
            for k in 0..<13 where k != t {
                let conjugated = AmplitudeBuffer(copying: original)
                conjugated.applySwap(t, k)
                KernelOperation(gate: gate, qubits: [k], parameters: parameters).apply(to: conjugated, threads: 1)
                conjugated.applySwap(t, k)
                let identical = amplitudes(conjugated) == amplitudes(direct)
                #expect(identical, "\(gate) on qubit \(t) vs \(k)")
            }
        }
    }

    /// The general 4×4 kernel on every ordered pair of 7 qubits (runs of 1, 2, 4, … quadruples), with
    /// a dense non-unitary matrix so every entry counts, against the naive sum; 3 workers give the
    /// single-thread amplitudes bit for bit at 16 qubits.
    @Test func twoQubitKernelMatchesTheNaiveSumOnEveryPair() {
        let entries = (0..<16).map { (index: Int) -> Complex<Double> in
            let real: Double = 0.1 * Double(index % 5) - 0.2, imaginary: Double = 0.05 * Double(index % 7) - 0.15
            return Complex(real, imaginary)
        }
        let matrix = ComplexMatrix(dimension: 4, elements: entries)
        for a in 0..<7 {
            for b in 0..<7 where b != a {
                let state = randomState(qubits: 7, seed: UInt64(10 * a + b))
                let expected = naiveApply(matrix, qubits: [a, b], to: state)
                KernelOperation(matrix: matrix, qubits: [a, b]).apply(to: state, threads: 1)
                #expect(maxDifference(amplitudes(state), expected) <= 1e-15, "qubits \(a), \(b)")
            }
        }
        let large = randomState(qubits: Self.qubits, seed: 3), copy = AmplitudeBuffer(copying: large)
        KernelOperation(matrix: matrix, qubits: [9, 2]).apply(to: large, threads: 3)
        KernelOperation(matrix: matrix, qubits: [9, 2]).apply(to: copy, threads: 1)
        let identical = amplitudes(large) == amplitudes(copy)
        #expect(identical)
    }

    /// The sparse dense-matrix kernel (three-qubit matrices, superoperators) on target sets whose
    /// lowest qubit gives runs of 1, 8 and 128 (cut into 64-long chunks), with a third of the entries
    /// zero, against the naive sum; 3 workers give the single-thread amplitudes bit for bit.
    @Test(arguments: [[0, 5, 2], [3, 11, 6], [9, 7, 8]])
    func denseKernelMatchesTheNaiveSum(qubits: [Int]) {
        let entries = (0..<64).map { (index: Int) -> Complex<Double> in
            guard index % 3 != 0 else { return .zero }
            let real: Double = 0.05 * Double(index % 11) - 0.25, imaginary: Double = 0.03 * Double(index % 13) - 0.2
            return Complex(real, imaginary)
        }
        let matrix = ComplexMatrix(dimension: 8, elements: entries)
        let state = randomState(qubits: 12, seed: 77)
        let expected = naiveApply(matrix, qubits: qubits, to: state)
        KernelOperation(matrix: matrix, qubits: qubits).apply(to: state, threads: 1)
        #expect(maxDifference(amplitudes(state), expected) <= 1e-15)
        let large = randomState(qubits: Self.qubits, seed: 78), copy = AmplitudeBuffer(copying: large)
        KernelOperation(matrix: matrix, qubits: qubits).apply(to: large, threads: 3)
        KernelOperation(matrix: matrix, qubits: qubits).apply(to: copy, threads: 1)
        let identical = amplitudes(large) == amplitudes(copy)
        #expect(identical)
    }
}
