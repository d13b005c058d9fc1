/// A C-support-vector classifier on a precomputed kernel (Gram) matrix: the engine behind the
/// RBF baseline and behind quantum-kernel models, which supply fidelity Gram matrices.
///
/// Two classes: one machine, class 1 labelled +1, so a positive decision value predicts class 1
/// (scikit-learn's `SVC.decision_function` sign). More classes: one-vs-one as LIBSVM — a machine for
/// every pair `a < b` (class `b` is +1), each test point votes for the winner of every pair, and the
/// class with most votes wins, ties to the lower class index (LIBSVM's rule).
public struct KernelSVM: Hashable, Sendable {
    /// One pairwise machine.
    public struct Machine: Hashable, Sendable {
        /// The class voted for by a negative decision value.
        public let negativeClass: Int
        /// The class voted for by a positive decision value.
        public let positiveClass: Int
        /// Training-set indices of the support vectors (α > 0): those of the negative class, then
        /// those of the positive class, each ascending (scikit-learn's `support_` order).
        public let supportIndices: [Int]
        /// `α_i y_i` for each support vector (scikit-learn's `dual_coef_`).
        public let dualCoefficients: [Double]
        /// The intercept `b = −ρ`: decision value `Σ α_i y_i K(x_i, x) + b`.
        public let intercept: Double
        /// SMO iterations used.
        public let iterations: Int
    }

    /// The number of classes.
    public let classCount: Int
    /// The pairwise machines, in order (0,1), (0,2), …, (1,2), …; one machine for two classes.
    public let machines: [Machine]

    /// Trains on the Gram matrix of the training set (`gram[i, j] = K(x_i, x_j)`).
    ///
    /// - Throws: `LearningError.unusableData` when the Gram matrix is not square with one row per
    ///   label or a class has no samples; `LearningError.outOfRange` for invalid parameters.
    public static func fit(
        gram: Matrix, labels: [Int], classCount: Int, c: Double,
        tolerance: Double = 1e-3, maxIterations: Int = 10_000_000
    ) throws -> KernelSVM {
        try Check.real(c, "C", of: "svm", lower: 0, lowerClosed: false)
        try Check.real(tolerance, "tolerance", of: "svm", lower: 0, lowerClosed: false)
        try Check.integer(maxIterations, "max_iterations", of: "svm", min: 1)
        guard gram.rows == labels.count, gram.columns == labels.count else {
            throw LearningError.unusableData(owner: "svm", message: "the Gram matrix is \(gram.rows)×\(gram.columns) for \(labels.count) labels")
        }
        try Dataset(features: Matrix(rows: labels.count, columns: 0), labels: labels, classCount: classCount)
            .requireEveryClass(for: "svm")
        var machines = [Machine]()
        for a in 0..<classCount {
            for b in (a + 1)..<classCount {
                let members = labels.indices.filter { labels[$0] == a || labels[$0] == b }
                let sub = members.count == labels.count ? gram : subGram(gram, members)
                let y = members.map { labels[$0] == b ? 1.0 : -1.0 }
                let solution = SMOSolver.solve(gram: sub.elements, y: y, c: c, tolerance: tolerance, maxIterations: maxIterations)
                // Support vectors grouped by class (negative class first), ascending: scikit-learn's order.
                let support =
                    solution.alpha.indices.filter { solution.alpha[$0] > 0 && y[$0] < 0 }
                    + solution.alpha.indices.filter { solution.alpha[$0] > 0 && y[$0] > 0 }
                machines.append(
                    Machine(
                        negativeClass: a, positiveClass: b, supportIndices: support.map { members[$0] },
                        dualCoefficients: support.map { solution.alpha[$0] * y[$0] },
                        intercept: -solution.rho, iterations: solution.iterations))
            }
        }
        return KernelSVM(classCount: classCount, machines: machines)
    }

    /// The Gram matrix restricted to `indices` (rows and columns).
    static func subGram(_ gram: Matrix, _ indices: [Int]) -> Matrix {
        var elements = [Double]()
        elements.reserveCapacity(indices.count * indices.count)
        for i in indices {
            let base = i * gram.columns
            for j in indices { elements.append(gram.elements[base + j]) }
        }
        return Matrix(rows: indices.count, columns: indices.count, elements: elements)
    }

    /// The training samples that are a support vector of some machine, ascending.
    public var supportIndices: [Int] { Array(Set(machines.flatMap(\.supportIndices))).sorted() }

    /// Decision values, one row per test point and one column per machine, from the cross-kernel
    /// `kernel[t, i] = K(test_t, train_i)` (columns: every training sample).
    public func decisionFunction(crossKernel kernel: Matrix) -> Matrix {
        var values = [Double](repeating: 0, count: kernel.rows * machines.count)
        for t in 0..<kernel.rows {
            let base = t * kernel.columns
            for (m, machine) in machines.enumerated() {
                var sum = machine.intercept
                for (index, coefficient) in zip(machine.supportIndices, machine.dualCoefficients) {
                    sum += coefficient * kernel.elements[base + index]
                }
                values[t * machines.count + m] = sum
            }
        }
        return Matrix(rows: kernel.rows, columns: machines.count, elements: values)
    }

    /// The predicted classes from the cross-kernel (one-vs-one voting for more than two classes).
    public func predict(crossKernel kernel: Matrix) -> [Int] {
        let decision = decisionFunction(crossKernel: kernel)
        return (0..<decision.rows).map { t in
            var votes = [Int](repeating: 0, count: classCount)
            for (m, machine) in machines.enumerated() {
                votes[decision[t, m] > 0 ? machine.positiveClass : machine.negativeClass] += 1
            }
            var winner = 0
            for k in 1..<classCount where votes[k] > votes[winner] { winner = k }
            return winner
        }
    }
}
