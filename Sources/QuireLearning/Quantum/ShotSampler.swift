import QuireCore

/// Shot estimates of a ±1-valued observable drawn from its exact expectation value, instead of
/// re-simulating the circuit per shot or sampling every basis state.
///
/// Measuring O = Σ sᵢ|i⟩⟨i| (sᵢ = ±1, readout error folded in) `shots` times reads +1 with
/// probability P = (1 + ⟨O⟩)/2 each time, so the multinomial counts over basis states, collapsed onto
/// O's two eigenvalues, are Binomial(shots, P) and the estimate 2k/shots − 1 has exactly the
/// distribution of the per-basis-state sampler's. Shot i of evaluation `index` under `key` reads
/// +1 when `RandomStream(seed: s, purpose: "shots").uniform(at: i) < P`, with s the evaluation seed
/// of `ExpectationEstimator` (`RandomStream(seed, purpose: "expectation").substream(index: key)
/// .uint64(at: index)`): a pure function of (seed, key, index), whatever the thread count.
struct ShotSampler: Sendable {
    /// Shots per estimate (at least 1).
    let shots: Int
    /// The base seed (the training seed).
    let seed: UInt64

    /// The estimate of ⟨O⟩ from `shots` draws, for evaluation `index` under `key`.
    func estimate(_ exact: Double, key: UInt64, index: Int) -> Double {
        let probability = min(1, max(0, (1 + exact) / 2))
        let evaluationSeed = RandomStream(seed: seed, purpose: "expectation").substream(index: key).uint64(at: UInt64(index))
        let stream = RandomStream(seed: evaluationSeed, purpose: "shots")
        var plus = 0
        for shot in 0..<shots where stream.uniform(at: UInt64(shot)) < probability { plus += 1 }
        return Double(2 * plus - shots) / Double(shots)
    }
}
