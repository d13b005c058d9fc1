import QuireCore

/// `count` uniform values in [lo, hi) from a test stream: deterministic random angles and inputs
/// for tests of circuits and gradients.
public func uniforms(_ count: Int, seed: UInt64, purpose: String, in range: ClosedRange<Double> = -1...1) -> [Double] {
    let stream = RandomStream(seed: seed, purpose: purpose)
    return (0..<count).map { range.lowerBound + (range.upperBound - range.lowerBound) * stream.uniform(at: UInt64($0)) }
}
