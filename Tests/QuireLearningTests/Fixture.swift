import Foundation

@testable import QuireLearning

/// Reads a JSON fixture written by `Reference/generate_sklearn.py` (beside this file).
func fixture<T: Decodable>(_ name: String, as type: T.Type = T.self, filePath: String = #filePath) throws -> T {
    let url = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Reference/\(name)")
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return try decoder.decode(T.self, from: Data(contentsOf: url))
}

/// A fixture's rows as a training set (the first `train` rows) and a test set (the rest), with as
/// many classes as the largest label says.
func fixtureSplit(x: [[Double]], y: [Int], train: Int) -> (train: Dataset, test: Dataset) {
    let classes = (y.max() ?? 0) + 1
    return (
        Dataset(features: Matrix(Array(x[..<train])), labels: Array(y[..<train]), classCount: classes),
        Dataset(features: Matrix(Array(x[train...])), labels: Array(y[train...]), classCount: classes)
    )
}
