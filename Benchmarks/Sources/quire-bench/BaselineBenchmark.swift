import Foundation
import QuireCore
import QuireLearning

/// Issue 14's baseline cost: the default MLP and hist-gbt grids tuned by 5-fold cross-validation and
/// refitted, on a moons training set (140 rows of a 200-sample block, min-max scaled) or on the
/// rows of a CSV file (`x0,x1,label` per line, all training), so that `qml/sklearn_baselines.py` can
/// time scikit-learn's `GridSearchCV` on the very same data.
enum BaselineBenchmark {
    /// Tunes each grid once (they take seconds) and prints `baselines: NAME: S s, chose SETTINGS`.
    static func run(csv: String?) throws {
        let train = try csv.map(read) ?? moons()
        for kind in [BaselineKind.mlp, .histGBT] {
            let grid = BaselineGrid.standard(kind)
            let start = DispatchTime.now().uptimeNanoseconds
            let tuned = try TunedBaseline.tune(grid, on: train, stream: RandomStream(seed: 1, purpose: "bench"))
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            let chosen = tuned.chosen.map(\.description).joined(separator: " ")
            print(
                "baselines: \(kind.rawValue): \(String(format: "%.3f", seconds)) s (\(grid.points.count) points × 5 folds + refit, \(train.sampleCount) rows), chose \(chosen)"
            )
        }
    }

    /// The 140 min-max scaled training rows of a 200-sample moons block.
    static func moons() throws -> Dataset {
        let data = try MoonsParameters(samples: 200, noise: 0.1).generate(RandomStream(seed: 20_261_125, purpose: "dataset"))
        return try TrainTestSplit.stratified(data, testFraction: 0.3, stream: RandomStream(seed: 20_261_125, purpose: "split"))
            .scaled(.minMax(lower: 0, upper: 1)).train
    }

    private static func read(_ path: String) throws -> Dataset {
        let rows = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",").compactMap { Double($0) } }
        let labels = rows.map { Int($0.last!) }
        return Dataset(features: Matrix(rows.map { Array($0.dropLast()) }), labels: labels, classCount: (labels.max() ?? 1) + 1)
    }
}
