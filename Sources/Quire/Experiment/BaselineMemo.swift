import Crypto
import Foundation
import QuireCore
import QuireLearning

/// The tuned baselines of one block's run, shared by its sweep points.
///
/// A baseline's choice, measurement and decision boundary are a pure function of its `Key`: the
/// split it is tuned and measured on, its grid, the fold count and its random stream (the tuning
/// threads never change the result). Every point of a repeat whose sweep leaves the data alone (noise,
/// layers, learning rate, shots…) has the same key, so the baseline is tuned once per repeat and the
/// other points take that result; a sweep over a dataset field gives other data, another key and
/// its own tuning. The first unit to ask for a key computes it while any other asking waits for
/// it, so each key is computed once and every point gets the same value whichever came first.
final class BaselineMemo: @unchecked Sendable {
    /// Everything a tuned baseline's result depends on.
    struct Key: Hashable, Sendable {
        /// SHA-256 of the split as the baseline sees it (`digest(_:)`).
        var split: [UInt8]
        /// The baseline and the grid it searches.
        var grid: BaselineGrid
        /// Folds of its cross-validation.
        var folds: Int
        /// Its random stream (the repeat's `baseline/<name>` substream).
        var stream: RandomStream
        /// Whether it draws the block's decision boundary.
        var boundary: Bool

        /// The key of `grid` tuned on `split` by `folds`-fold cross-validation with `stream`.
        init(split: TrainTestSplit, grid: BaselineGrid, folds: Int, stream: RandomStream, boundary: Bool) {
            self.split = Self.digest(split)
            self.grid = grid
            self.folds = folds
            self.stream = stream
            self.boundary = boundary
        }

        /// SHA-256 of both sets' shapes, class counts, feature names, every feature's exact bits and
        /// every label, so two splits share a key only when every value a baseline reads is equal.
        static func digest(_ split: TrainTestSplit) -> [UInt8] {
            var hasher = SHA256()
            for data in [split.train, split.test] {
                let shape = [data.sampleCount, data.featureCount, data.classCount, data.featureNames?.count ?? -1]
                shape.withUnsafeBytes { hasher.update(bufferPointer: $0) }
                for name in data.featureNames ?? [] { hasher.update(data: Array((name + "\n").utf8)) }
                data.features.elements.withUnsafeBytes { hasher.update(bufferPointer: $0) }
                data.labels.withUnsafeBytes { hasher.update(bufferPointer: $0) }
            }
            return Array(hasher.finalize())
        }
    }

    /// A baseline as tuned and measured.
    struct Tuned: Sendable {
        /// The hyperparameters cross-validation chose.
        var chosen: [Hyperparameter]
        /// Its accuracy, F1, confusion matrix and test predictions.
        var measurement: ExperimentRunner.Measurement
        /// Its decision function over the feature plane, when the key asks for it.
        var boundary: ExperimentRunner.DecisionBoundary?
    }

    private let lock = NSLock()
    private var cells: [Key: Cell] = [:]

    /// How many keys have been computed (each once): what the run tuned.
    var computed: Int { lock.withLock { cells.count } }

    /// The value of `key`: `compute()`'s, run here when no unit asked for `key` before, else the
    /// first asker's (waiting for it while it runs). A thrown error is remembered and thrown again.
    func value(for key: Key, compute: () throws -> Tuned) throws -> Tuned {
        let (cell, owner) = lock.withLock { () -> (Cell, Bool) in
            if let cell = cells[key] { return (cell, false) }
            let cell = Cell()
            cells[key] = cell
            return (cell, true)
        }
        if owner { cell.fulfil(Result { try compute() }) }
        return try cell.wait().get()
    }

    /// One key's value, set once, waited for by every other asker.
    private final class Cell: @unchecked Sendable {
        private let condition = NSCondition()
        private var result: Result<Tuned, any Error>?

        func fulfil(_ value: Result<Tuned, any Error>) {
            condition.withLock {
                result = value
                condition.broadcast()
            }
        }

        func wait() -> Result<Tuned, any Error> {
            condition.withLock {
                while result == nil { condition.wait() }
                return result!
            }
        }
    }
}
