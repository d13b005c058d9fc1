import QuireLearning

/// The named choices of an experiment spec, decoded once from their spelling in the document
/// (the raw value; `allCases` in the order error hints list them) and switched over from then on.

/// `model.kind`: which quantum model.
enum ModelKind: String, CaseIterable, Sendable, Hashable {
    /// A trained variational classifier.
    case variational
    /// A fidelity-kernel SVM.
    case kernel
}

/// `encoding.kind`: how a feature vector becomes a quantum state.
enum EncodingKind: String, CaseIterable, Sendable, Hashable {
    /// One rotation per feature.
    case angle
    /// Normalised amplitudes.
    case amplitude
    /// Binary features as basis states.
    case basis
    /// Havlíček's ZZ feature map.
    case iqp
    /// Angle encoding re-uploaded before every layer.
    case reupload
    /// An OpenQASM body with inputs `x[i]` (`encoding: {qasm: |…}`).
    case qasm
}

/// `model.ansatz`: the trainable layers of a variational model.
enum AnsatzKind: String, CaseIterable, Sendable, Hashable {
    /// ry, rz on every qubit, then a ring of cx.
    case hardwareEfficient = "hardware-efficient"
    /// Rot on every qubit, then cx at a layer-dependent range.
    case stronglyEntangling = "strongly-entangling"

    /// The ansatz in QuireLearning's terms.
    var ansatz: Ansatz {
        switch self {
        case .hardwareEfficient: .hardwareEfficient(entanglement: .ring)
        case .stronglyEntangling: .stronglyEntangling
        }
    }
}

/// `model.multiclass`: how a variational model reads three or more classes.
enum MulticlassKind: String, CaseIterable, Sendable, Hashable {
    /// One circuit, class c read on qubit c, softmax of the logits.
    case softmax
    /// One binary model per class.
    case oneVsRest = "one-vs-rest"
}

/// `train.optimizer`.
enum OptimizerKind: String, CaseIterable, Sendable, Hashable {
    /// Adam.
    case adam
    /// Gradient descent with momentum 0.9.
    case sgd
    /// Simultaneous perturbation stochastic approximation.
    case spsa

    /// The optimizer in QuireLearning's terms at `learningRate`.
    func optimizer(learningRate: Double) -> Optimizer {
        switch self {
        case .adam: .adam(learningRate: learningRate)
        case .sgd: .sgd(learningRate: learningRate, momentum: 0.9)
        case .spsa: .spsa(learningRate: learningRate)
        }
    }
}

/// `train.gradient`: how the gradient is computed.
enum GradientKind: String, CaseIterable, Sendable, Hashable {
    /// Adjoint differentiation on an exact fast path.
    case adjoint
    /// The two-term parameter-shift rule.
    case parameterShift = "parameter-shift"
    /// SPSA's own two-evaluation estimate.
    case spsa

    /// The method in QuireLearning's terms; `perturbation` is SPSA's c.
    func method(perturbation: Double) -> GradientMethod {
        switch self {
        case .adjoint: .adjoint
        case .parameterShift: .parameterShift
        case .spsa: .spsa(perturbation: perturbation)
        }
    }
}
