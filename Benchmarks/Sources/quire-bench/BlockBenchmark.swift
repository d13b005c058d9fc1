import Dispatch
import Foundation
import QuireCore
import QuireLearning

/// Issue 14's question, whether the MLP dominates a block: the block a researcher writes
/// (`qml/baselines_block.md`: moons, 200 samples, 2 repeats, the 4-qubit variational model and all
/// five baselines) rebuilt over the library, each model timed in every repeat, so that each
/// model's share of the block's time shows (timings never go into a document). Each model is
/// timed by the process's CPU time as well as the wall clock, so that a loaded machine does not
/// blur the shares.
enum BlockBenchmark {
    /// Runs both repeats on `threads` threads each and prints `block: MODEL: W s wall, C s CPU (P%)`
    /// per model, P its share of the CPU time.
    static func run(threads: Int) throws {
        let model = try VariationalModel(
            encoding: Encoding(.angle(rotation: .y, scale: 1), featureCount: 2, qubitCount: 4),
            ansatz: .stronglyEntangling, layers: 2, observable: .z(qubit: 0))
        let baselines: [BaselineKind] = [.logisticRegression, .rbfSVM, .knn, .histGBT, .mlp]
        var seconds = [(wall: Double, cpu: Double)](repeating: (0, 0), count: baselines.count + 1)
        for repeatIndex in 0..<2 {
            let stream = RandomStream(seed: 20_261_203, purpose: "block").substream(index: UInt64(repeatIndex))
            let data = try MoonsParameters(samples: 200, noise: 0.1).generate(stream.substream("data"))
            let train = try TrainTestSplit.stratified(data, testFraction: 0.3, stream: stream.substream("split"))
                .scaled(.minMax(lower: 0, upper: .pi)).train
            seconds[0] = try time(adding: seconds[0]) {
                _ = try VariationalTrainer.train(model, on: train, configuration: TrainingConfiguration(seed: 1, threads: threads))
            }
            for (index, kind) in baselines.enumerated() {
                seconds[index + 1] = try time(adding: seconds[index + 1]) {
                    _ = try TunedBaseline.tune(.standard(kind), on: train, budget: JobBudget(jobs: threads), stream: stream.substream(kind.rawValue))
                }
            }
        }
        let total = seconds.map(\.cpu).reduce(0, +)
        for (name, value) in zip(["variational"] + baselines.map(\.rawValue), seconds) {
            print(
                "block: \(name): \(format(value.wall)) s wall, \(format(value.cpu)) s CPU (\(String(format: "%.1f", 100 * value.cpu / total))%)")
        }
        let ratio = String(format: "%.1f", seconds[baselines.count].cpu / seconds[0].cpu)
        print("block: \(format(total)) s CPU for 2 repeats on \(threads) thread(s) each; mlp / variational CPU = \(ratio)")
    }

    private static func format(_ seconds: Double) -> String { String(format: "%.3f", seconds) }

    /// `body`'s wall-clock and process CPU seconds added to `sum`.
    private static func time(adding sum: (wall: Double, cpu: Double), _ body: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
        let (wall, cpu) = (DispatchTime.now().uptimeNanoseconds, cpuSeconds())
        try body()
        return (sum.wall + Double(DispatchTime.now().uptimeNanoseconds - wall) / 1e9, sum.cpu + cpuSeconds() - cpu)
    }

    /// CPU seconds the process has used, on all its threads.
    private static func cpuSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
