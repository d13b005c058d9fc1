import QuireKernels
import Testing

/// Reductions against plain sums, and the probabilities that sampling draws from.
struct ReductionKernelTests {
    /// Probabilities, norm, outcome weights, inner product and Pauli sums of a 15-qubit state (large
    /// enough for the chunked, threaded sums) equal the textbook sums to rounding, and are identical
    /// bit for bit for 1 and 4 threads.
    @Test func reductionsMatchPlainSumsForAnyThreadCount() {
        let (a, b) = (randomBuffer(qubits: 15, seed: 21), randomBuffer(qubits: 15, seed: 22))
        let (x, y) = (amplitudes(a), amplitudes(b))
        let p = x.map { $0.x * $0.x + $0.y * $0.y }
        let total = p.reduce(0, +)
        let tolerance = 1e-12 * total

        var probabilities = [Double](repeating: 0, count: a.count)
        probabilities.withUnsafeMutableBufferPointer { a.accumulateProbabilities(into: $0.baseAddress!, weight: 0.5, threads: 4) }
        #expect(zip(probabilities, p).allSatisfy { $0 == 0.5 * $1 })
        #expect(abs(a.normSquared() - total) < tolerance)
        let ones = p.indices.filter { $0 & 1 << 7 != 0 }.reduce(0.0) { $0 + p[$1] }
        #expect(abs(a.outcomeWeights(qubit: 7).y - ones) < tolerance && abs(a.outcomeWeights(qubit: 7).x - (total - ones)) < tolerance)
        let inner = x.indices.reduce(Complex(0, 0)) { $0 + product(Complex(x[$1].x, -x[$1].y), y[$1]) }
        #expect(maximumDifference([a.innerProduct(with: b)], [inner]) < tolerance)
        let pauli = x.indices.reduce(Complex(0, 0)) {
            let sign = ($1 & 0b1001).nonzeroBitCount & 1 == 0 ? 1.0 : -1.0
            let bra = x[$1 ^ 0b0110]
            return $0 + sign * product(Complex(bra.x, -bra.y), x[$1])
        }
        #expect(maximumDifference([a.pauliSum(xMask: 0b0110, zMask: 0b1001)], [pauli]) < tolerance)

        for threads in [4] {
            #expect(a.normSquared(threads: threads) == a.normSquared(threads: 1))
            #expect(a.outcomeWeights(qubit: 7, threads: threads) == a.outcomeWeights(qubit: 7, threads: 1))
            #expect(a.innerProduct(with: b, threads: threads) == a.innerProduct(with: b, threads: 1))
            #expect(a.pauliSum(xMask: 0b0110, zMask: 0b1001, threads: threads) == a.pauliSum(xMask: 0b0110, zMask: 0b1001, threads: 1))
        }
    }

    /// The probability vector of a weighted ensemble equals adding each weight·|aᵢ|² in order to zeros, bit for bit.
    @Test func releasedProbabilitiesAreTheWeightedSum() {
        let states = [(randomBuffer(qubits: 6, seed: 31), 0.25), (randomBuffer(qubits: 6, seed: 32), 0.75)]
        var expected = [Double](repeating: 0, count: 64)
        for (buffer, weight) in states {
            expected.withUnsafeMutableBufferPointer { buffer.accumulateProbabilities(into: $0.baseAddress!, weight: weight) }
        }
        let released = AmplitudeBuffer.releasingProbabilities(of: states.map { (buffer: $0.0, weight: $0.1) })
        #expect(released == expected)
    }
}
