import QuireSimulator
import Testing

/// The table of noise parameter ranges against the physics it encodes, and profile validation
/// accepting exactly up to the table's bounds.
struct NoiseRangesTests {
    /// Aer's λ is completely positive up to 4ᵏ/(4ᵏ−1); a Pauli-convention p is a probability; T2 ≤ 2·T1.
    @Test func boundsAreThePhysicalLimits() {
        #expect(NoiseRanges.maximumDepolarizing(qubitCount: 1, convention: .lambda) == 4.0 / 3.0)
        #expect(NoiseRanges.maximumDepolarizing(qubitCount: 2, convention: .lambda) == 16.0 / 15.0)
        #expect(NoiseRanges.maximumDepolarizing(qubitCount: 2, convention: .pauli) == 1)
        #expect(NoiseRanges.maximumT2(t1: 50) == 100)
        #expect(NoiseRanges.probability == 0...1)
    }

    /// `validate` accepts every bound of the table and rejects the next double beyond it.
    @Test func validationFollowsTheTable() {
        let limit = NoiseRanges.maximumDepolarizing(qubitCount: 2, convention: .lambda)
        let upper = NoiseRanges.probability.upperBound
        func accepts(_ profile: NoiseProfile) -> Bool { (try? profile.validate(qubitCount: 1)) != nil }
        #expect(accepts(NoiseProfile(depolarizing: .init(twoQubit: limit))))
        #expect(!accepts(NoiseProfile(depolarizing: .init(twoQubit: limit.nextUp))))
        #expect(accepts(NoiseProfile(readout: .init(probMeas1Prep0: upper, probMeas0Prep1: 0))))
        #expect(!accepts(NoiseProfile(readout: .init(probMeas1Prep0: upper.nextUp, probMeas0Prep1: 0))))
        let t2 = NoiseRanges.maximumT2(t1: 30)
        let relaxation = { (t2: Double) in
            NoiseProfile(thermalRelaxation: .init(t1Microseconds: 30, t2Microseconds: t2, oneQubitGateNanoseconds: 0, twoQubitGateNanoseconds: 0))
        }
        #expect(accepts(relaxation(t2)) && !accepts(relaxation(t2.nextUp)))
    }
}
