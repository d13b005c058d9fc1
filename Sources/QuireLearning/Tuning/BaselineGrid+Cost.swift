import Foundation
import QuireCore

/// What tuning a baseline costs, estimated from the shape of the training set alone, so that an
/// experiment can be refused before it generates data or allocates anything.
///
/// Tuning fits every grid point on each of `folds` folds and refits the best on the whole set:
/// counted as `folds + 1` fits on all `samples` (a fold trains on fewer, the refit on all).
/// Operations are multiply-adds of the dominant loops, at the iteration caps (an upper estimate:
/// convergence usually stops sooner):
/// - logistic regression: 100 Newton iterations of `samples × p²` (Hessian) plus `p³` (solve), with
///   `p = (features + 1) × outputs` parameters (outputs 1 for two classes, else the class count);
/// - RBF-SVM: squared distances `samples² × features` once, then per grid point a Gram matrix
///   `samples²` and SMO's iterations, counted as 10 passes over a Gram row per sample (`10 × samples²`);
/// - MLP: `maxEpochs` epochs of `3 × samples × weights` (forward pass, backward pass, update);
/// - kNN: fitting is free and prediction is the work: every sample is validated once against at most
///   `samples` rows (`features` per distance, plus a heap pass per distinct k), and the refitted model
///   predicts the training and test sets (at most as many rows again each): `3 × samples² × (features + ks)`;
/// - hist-gbt: per fit, `max_iter` iterations of one tree per score (1 for two classes, else the class
///   count), each building histograms of `samples × features` per tree level (`1 + log₂ leaves` levels)
///   and scanning `features × (bins + 1)` per split (2 per leaf).
///
/// Memory is the largest set of arrays alive at once: the logistic Hessian `p²`; the RBF-SVM's
/// distance matrix, one cached Gram matrix per γ and a fold's sub-matrix (`(γs + 2) × samples²`);
/// the MLP's weights and one batch's activations; kNN's one query's distances and every grid point's
/// validation predictions (`(grid + 2) × samples`); hist-gbt's histograms of every splittable node
/// (three numbers per bin of every feature, `leaves` nodes at most) and its scores, gradients and bins
/// per sample. Doubles are 8 bytes.
extension BaselineGrid {
    /// Estimated multiply-adds of tuning and refitting this grid on `samples` training rows.
    public func estimatedOperations(samples: Int, features: Int, classes: Int, folds: Int) -> Double {
        let n = Double(samples), fits = Double(folds + 1)
        switch self {
        case .logisticRegression(let grid):
            let p = Double((features + 1) * Self.outputs(classes))
            return grid.reduce(0) { $0 + fits * Double($1.maxIterations) * (n * p * p + p * p * p) }
        case .rbfSVM(let grid):
            return n * n * Double(features) + Double(grid.count) * fits * 11 * n * n
        case .mlp(let grid):
            return grid.reduce(0) { total, point in
                total + fits * Double(point.maxEpochs) * 3 * n * Double(Self.weights(point, features: features, classes: classes))
            }
        case .knn(let grid):
            return 3 * n * n * Double(features + Set(grid.map(\.neighbors)).count)
        case .histGBT(let grid):
            return grid.reduce(0) { total, point in
                let leaves = Double(point.maxLeafNodes), f = Double(features)
                let perTree = n * f * (1 + (Elementary.log(leaves) / Elementary.log(2))) + 2 * leaves * f * Double(point.maxBins + 1)
                return total + fits * Double(point.maxIterations * Self.outputs(classes)) * perTree
            }
        }
    }

    /// Estimated bytes of the largest arrays tuning this grid holds at once on `samples` training rows.
    public func estimatedBytes(samples: Int, features: Int, classes: Int) -> Double {
        let n = Double(samples)
        switch self {
        case .logisticRegression:
            let p = Double((features + 1) * Self.outputs(classes))
            return 8 * p * p
        case .rbfSVM(let grid):
            return 8 * Double(Set(grid.map(\.gamma)).count + 2) * n * n
        case .mlp(let grid):
            return grid.map { point in
                let batch = Double(min(point.batchSize ?? 200, samples))
                let units = Double(point.hiddenLayerSizes.reduce(features, +) + Self.outputs(classes))
                return 8 * (3 * Double(Self.weights(point, features: features, classes: classes)) + 2 * batch * units)
            }.max() ?? 0
        case .knn(let grid):
            return 8 * Double(grid.count + 2) * n
        case .histGBT(let grid):
            return grid.map { point in
                24 * Double(point.maxLeafNodes * features * (point.maxBins + 1)) + 8 * n * Double(3 * Self.outputs(classes) + features)
            }.max() ?? 0
        }
    }

    /// Outputs of a classifier of `classes` classes: one score for two, one per class otherwise.
    private static func outputs(_ classes: Int) -> Int { classes == 2 ? 1 : classes }

    /// Weights and biases of an MLP with `point`'s hidden layers.
    private static func weights(_ point: MLPParameters, features: Int, classes: Int) -> Int {
        let widths = [features] + point.hiddenLayerSizes + [outputs(classes)]
        return zip(widths, widths.dropFirst()).reduce(0) { $0 + ($1.0 + 1) * $1.1 }
    }
}
