import Foundation
import QuireCore

/// Hyperparameters of the RBF-kernel SVM, with scikit-learn's `SVC(kernel="rbf")` meanings.
public struct RBFSVMParameters: Hashable, Sendable {
    /// Penalty of the soft margin, > 0 (scikit-learn's `C`, default 1).
    public var c: Double
    /// Kernel width in `K(x, x') = exp(−γ‖x − x'‖²)`, > 0. scikit-learn's default is
    /// `"scale"` = 1/(features · Var X); Quire asks for a number so that it is written out.
    public var gamma: Double
    /// SMO stopping tolerance on the maximal KKT violation (scikit-learn's `tol`, default 1e-3).
    public var tolerance: Double

    /// Parameters with `C = 1`, `γ = 1`, tolerance 1e-3.
    public init(c: Double = 1, gamma: Double = 1, tolerance: Double = 1e-3) {
        self.c = c
        self.gamma = gamma
        self.tolerance = tolerance
    }

    /// Throws `LearningError.outOfRange` for a non-positive `C`, `γ` or tolerance.
    public func validate() throws {
        try Check.real(c, "C", of: "rbf-svm", lower: 0, lowerClosed: false)
        try Check.real(gamma, "gamma", of: "rbf-svm", lower: 0, lowerClosed: false)
        try Check.real(tolerance, "tolerance", of: "rbf-svm", lower: 0, lowerClosed: false)
    }
}

/// The RBF-kernel support-vector classifier: `KernelSVM` on `exp(−γ‖x − x'‖²)`.
public struct RBFSupportVectorClassifier: Classifier {
    /// The trained machines (indices refer to `trainingFeatures`).
    public let svm: KernelSVM
    /// The training features, kept to evaluate the kernel against new points.
    public let trainingFeatures: Matrix
    /// The parameters it was fitted with.
    public let parameters: RBFSVMParameters

    /// The number of classes.
    public var classCount: Int { svm.classCount }

    /// Fits the classifier to `data`.
    public static func fit(_ data: Dataset, parameters: RBFSVMParameters = .init()) throws -> RBFSupportVectorClassifier {
        try fit(data, squaredDistances: squaredDistances(data.features, data.features), parameters: parameters)
    }

    /// Fits from precomputed squared distances between the training rows (cross-validation computes
    /// them once for the whole training set and reuses them for every fold and every γ).
    static func fit(_ data: Dataset, squaredDistances: Matrix, parameters: RBFSVMParameters) throws -> RBFSupportVectorClassifier {
        try parameters.validate()
        let gram = rbf(squaredDistances, gamma: parameters.gamma)
        let svm = try KernelSVM.fit(
            gram: gram, labels: data.labels, classCount: data.classCount,
            c: parameters.c, tolerance: parameters.tolerance)
        return RBFSupportVectorClassifier(svm: svm, trainingFeatures: data.features, parameters: parameters)
    }

    /// `‖a_i − b_j‖²` for every row pair, summed feature by feature in order.
    static func squaredDistances(_ a: Matrix, _ b: Matrix) -> Matrix {
        precondition(a.columns == b.columns, "RBF: feature count differs from training")
        let d = a.columns
        var out = [Double](repeating: 0, count: a.rows * b.rows)
        for i in 0..<a.rows {
            for j in 0..<b.rows {
                var sum = 0.0
                for f in 0..<d {
                    let difference = a.elements[i * d + f] - b.elements[j * d + f]
                    sum += difference * difference
                }
                out[i * b.rows + j] = sum
            }
        }
        return Matrix(rows: a.rows, columns: b.rows, elements: out)
    }

    /// `exp(−γ · d²)` entry by entry.
    static func rbf(_ squaredDistances: Matrix, gamma: Double) -> Matrix {
        Matrix(
            rows: squaredDistances.rows, columns: squaredDistances.columns,
            elements: squaredDistances.elements.map { Elementary.exp(-gamma * $0) })
    }

    /// The kernel between `features` and the training rows; only the columns of support vectors are
    /// evaluated (the others are never read and stay 0), so prediction costs O(support vectors).
    public func crossKernel(_ features: Matrix) -> Matrix {
        precondition(features.columns == trainingFeatures.columns, "RBF: feature count differs from training")
        let d = features.columns
        let columns = trainingFeatures.rows
        let support = svm.supportIndices
        var out = [Double](repeating: 0, count: features.rows * columns)
        for t in 0..<features.rows {
            for i in support {
                var sum = 0.0
                for f in 0..<d {
                    let difference = features.elements[t * d + f] - trainingFeatures.elements[i * d + f]
                    sum += difference * difference
                }
                out[t * columns + i] = Elementary.exp(-parameters.gamma * sum)
            }
        }
        return Matrix(rows: features.rows, columns: columns, elements: out)
    }

    /// Decision values (one column per pairwise machine; one column for two classes, positive for class 1).
    public func decisionFunction(_ features: Matrix) -> Matrix {
        svm.decisionFunction(crossKernel: crossKernel(features))
    }

    /// The predicted class of every row.
    public func predict(_ features: Matrix) -> [Int] {
        svm.predict(crossKernel: crossKernel(features))
    }

    /// Not defined: scikit-learn's `SVC` has probabilities only with Platt scaling, which Quire omits.
    public func probabilities(_ features: Matrix) -> Matrix? { nil }
}
