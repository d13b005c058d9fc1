import QuireLearning

/// Zero-noise extrapolation as a document asks for it (an experiment's `mitigation.zne`, a circuit
/// block's `zne_*` attributes): one home for the names, defaults and checks of the values, so both
/// accept exactly the same settings.
struct ZNESettings: Hashable, Sendable {
    /// Scale factors when none are written.
    static let defaultScaleFactors = [1, 3, 5]
    /// The range of one scale factor.
    static let scaleFactorRange = 1...99
    /// An extrapolation as a document names it (Mitiq's factories).
    enum Method: String, CaseIterable, Sendable, Hashable {
        /// A straight line through the scaled values.
        case linear
        /// The polynomial through every scaled value.
        case richardson
        /// An exponential decay towards 0.
        case exponential
    }

    /// Odd scale factors, at least two, distinct.
    var scaleFactors = defaultScaleFactors
    /// The extrapolation.
    var extrapolation = Method.richardson
    /// How the noise is scaled (experiments fold globally).
    var folding = UnitaryFolding.global

    /// Why `factors` cannot be scale factors, as a phrase to follow the field's name, and a hint; nil when they can.
    static func problem(scaleFactors factors: [Int]) -> (message: String, hint: String)? {
        guard factors.count >= 2, factors.allSatisfy({ $0 % 2 == 1 }), Set(factors).count == factors.count else {
            return ("must be at least two distinct odd integers", "unitary folding scales noise by odd factors, e.g. [1, 3, 5]")
        }
        return nil
    }

    /// The recipe QuireLearning runs (exponential: towards the asymptote 0 of a Pauli expectation
    /// under depolarizing noise).
    var recipe: ZeroNoiseExtrapolation {
        let method: Extrapolation =
            switch extrapolation {
            case .linear: .linear
            case .richardson: .richardson
            case .exponential: .exponential(asymptote: 0)
            }
        return ZeroNoiseExtrapolation(scaleFactors: scaleFactors.map(Double.init), folding: folding, extrapolation: method)
    }

    /// The settings as the record writes them.
    var canonical: CanonicalJSON {
        .object([
            "scale_factors": .array(scaleFactors.map { .integer(Int64($0)) }), "extrapolation": .string(extrapolation.rawValue),
            "folding": .string(folding.rawValue),
        ])
    }
}
