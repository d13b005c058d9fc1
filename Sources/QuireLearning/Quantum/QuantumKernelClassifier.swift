/// A support-vector classifier on the fidelity kernel of an encoding: the quantum-kernel model.
///
/// Training prepares each training state once, builds the Gram matrix and fits `KernelSVM`
/// (LIBSVM's SMO, one-vs-one for more than two classes); prediction prepares the test states and
/// evaluates the cross-kernel against the training states.
public struct QuantumKernelClassifier: Classifier {
    /// The kernel.
    public let kernel: FidelityKernel
    /// The training states.
    public let trainingStates: FidelityKernel.States
    /// The fitted machine(s).
    public let machine: KernelSVM

    /// The number of classes.
    public var classCount: Int { machine.classCount }

    /// Fits the SVM with penalty `c` on the fidelity Gram matrix of `data`.
    ///
    /// - Throws: `LearningError` for unusable data, a bad `c`, or rows the encoding cannot take.
    public static func fit(kernel: FidelityKernel, data: Dataset, c: Double = 1) throws -> QuantumKernelClassifier {
        let states = try kernel.states(data.features)
        let machine = try KernelSVM.fit(gram: kernel.gram(states), labels: data.labels, classCount: data.classCount, c: c)
        return QuantumKernelClassifier(kernel: kernel, trainingStates: states, machine: machine)
    }

    /// Decision values (one column per pairwise machine) for every row of `features`.
    public func decisionFunction(_ features: Matrix) throws -> Matrix {
        machine.decisionFunction(crossKernel: kernel.cross(try kernel.states(features), trainingStates))
    }

    /// Predicted classes; rows the encoding cannot take (an all-zero row under amplitude encoding)
    /// are predicted as class 0 — call `decisionFunction` to see the error.
    public func predict(_ features: Matrix) -> [Int] {
        if let states = try? kernel.states(features) {
            return machine.predict(crossKernel: kernel.cross(states, trainingStates))
        }
        return (0..<features.rows).map { row in
            (try? kernel.states(features.selectingRows([row]))).map { machine.predict(crossKernel: kernel.cross($0, trainingStates))[0] } ?? 0
        }
    }

    /// The SVM defines no probabilities.
    public func probabilities(_ features: Matrix) -> Matrix? { nil }
}
