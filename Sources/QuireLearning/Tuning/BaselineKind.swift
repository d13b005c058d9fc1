/// The classical baselines, each named as a document writes it (the raw value), in the order
/// error hints list them.
public enum BaselineKind: String, CaseIterable, Hashable, Sendable {
    /// L2 logistic regression.
    case logisticRegression = "logistic-regression"
    /// RBF-kernel SVM.
    case rbfSVM = "rbf-svm"
    /// Multilayer perceptron.
    case mlp
    /// k-nearest neighbours.
    case knn
    /// Histogram gradient-boosted trees.
    case histGBT = "hist-gbt"
}
