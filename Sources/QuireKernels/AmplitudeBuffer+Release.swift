/// Turning the final states of a run into its probability vector without holding both at once.
extension AmplitudeBuffer {
    /// Σ weightₖ · |aᵢ|² over `states` (added in order) as an array, spending the states' storage.
    ///
    /// The first state's real-part buffer becomes the accumulator: weight · |aᵢ|² is written over it
    /// in place, its imaginary parts are freed, each later state is added and freed, and the sums are
    /// finally copied into the array once only the accumulator is left. A single n-qubit state thus
    /// peaks at 16 · 2ⁿ bytes (the state itself) instead of 24 · 2ⁿ (state plus a separate vector).
    /// The values equal those of adding each weight · |aᵢ|² in order to a vector of zeros, bit for
    /// bit (0 + x == x). The buffers must not be used afterwards; releasing one twice traps.
    public static func releasingProbabilities(
        of states: [(buffer: AmplitudeBuffer, weight: Double)],
        threads: Int = 1
    ) -> [Double] {
        guard let (first, weight) = states.first else { return [] }
        precondition(
            states.allSatisfy { $0.buffer.count == first.count && !$0.buffer.isReleased }
                && Set(states.map { ObjectIdentifier($0.buffer) }).count == states.count,
            "releasingProbabilities: states must be distinct, unreleased and of one size")
        let sums = first.re, im = first.im
        Parallel.forEachRange(count: first.count, threads: threads) { range in
            for i in range { sums[i] = weight * (sums[i] * sums[i] + im[i] * im[i]) }
        }
        first.isReleased = true
        im.deallocate()
        for (buffer, weight) in states.dropFirst() {
            buffer.accumulateProbabilities(into: sums, weight: weight, threads: threads)
            buffer.isReleased = true
            buffer.re.deallocate()
            buffer.im.deallocate()
            buffer.gauge?.released(16 * buffer.count)
        }
        defer {
            sums.deallocate()
            first.gauge?.released(16 * first.count)
        }
        return Array(unsafeUninitializedCapacity: first.count) { array, initialized in
            array.baseAddress!.initialize(from: sums, count: first.count)
            initialized = first.count
        }
    }
}
