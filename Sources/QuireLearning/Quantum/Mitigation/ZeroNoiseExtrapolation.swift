import QuireSimulator

/// Zero-noise extrapolation: run the circuit folded to each scale factor, then extrapolate ⟨O⟩ to
/// λ = 0 (see `UnitaryFolding` and `Extrapolation` for the conventions, which are Mitiq's).
public struct ZeroNoiseExtrapolation: Hashable, Sendable {
    /// Scale factors λ ≥ 1, e.g. [1, 3, 5].
    public var scaleFactors: [Double]
    /// How the noise is scaled.
    public var folding: UnitaryFolding
    /// How values are extrapolated.
    public var extrapolation: Extrapolation

    /// Creates a ZNE recipe (defaults: scale factors [1, 3, 5], global folding, Richardson).
    public init(scaleFactors: [Double] = [1, 3, 5], folding: UnitaryFolding = .global, extrapolation: Extrapolation = .richardson) {
        self.scaleFactors = scaleFactors
        self.folding = folding
        self.extrapolation = extrapolation
    }

    /// The values at each scale factor and the extrapolated zero-noise estimate.
    public struct Estimate: Hashable, Sendable {
        /// ⟨O⟩ at each scale factor, in the order given.
        public var values: [Double]
        /// The extrapolated value.
        public var mitigated: Double
    }

    /// Estimates ⟨O⟩ of `circuit` with `estimator`; evaluation i (scale factor i) uses index
    /// `index + i` under `key`, and gate-level folding draws its gates from the estimator's seed.
    public func estimate(_ circuit: Circuit, estimator: ExpectationEstimator, key: UInt64, index: Int = 0) throws -> Estimate {
        let values = try scaleFactors.enumerated().map { i, scale in
            try estimator.expectation(
                of: folding.fold(circuit, scale: scale, seed: estimator.options.seed &+ key), key: key, index: index + i)
        }
        return Estimate(values: values, mitigated: try extrapolation.extrapolate(scales: scaleFactors, values: values))
    }
}
