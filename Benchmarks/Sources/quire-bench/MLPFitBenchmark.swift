import Foundation
import QuireCore
import QuireLearning

/// The MLP baseline's cost under a profiler (`valgrind --tool=callgrind`, whose instruction counts
/// stay steady on a shared machine): one fit of a default grid point, or the whole default grid
/// tuned once, on the 140 moons rows of `BaselineBenchmark`; it prints a digest of the result so that
/// a speed-up can be checked to leave every bit where it was.
enum MLPFitBenchmark {
    /// Fits grid point `index` (or tunes the grid when nil) and prints `mlp-fit: …, digest D`.
    static func run(index: Int?) throws {
        let train = try BaselineBenchmark.moons()
        guard case .mlp(let candidates) = BaselineGrid.standard(.mlp) else { return }
        let stream = RandomStream(seed: 1, purpose: "bench")
        guard let index else {
            let tuned = try TunedBaseline.tune(.mlp(candidates), on: train, stream: stream)
            print("mlp-fit: grid tuned, chose \(tuned.chosen.map(\.description).joined(separator: " ")), score \(tuned.meanScores)")
            return
        }
        let model = try MLPClassifier.fit(train, parameters: candidates[index], stream: stream.substream("baseline/mlp"))
        let values = Array(model.weights.joined()) + Array(model.biases.joined()) + model.lossCurve
        var bytes: [UInt8] = []
        for value in values { withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes += $0 } }
        print("mlp-fit: point \(index), \(model.lossCurve.count) epochs, digest \(Hashing.sha256Hex(bytes))")
    }
}
