/// A support-vector classifier on the fidelity kernel of an encoding: the quantum-kernel model.
///
/// Training builds the Gram matrix and fits `KernelSVM` (LIBSVM's SMO, one-vs-one for more than
/// two classes); prediction evaluates the cross-kernel against the training samples. The kernel is
/// exact (each state prepared once, `FidelityKernel`) or compiled for a device and run with its
/// noise (`DeviceFidelityKernel`, one density evaluation per entry).
public struct QuantumKernelClassifier: Classifier {
    /// How the kernel is evaluated, with what it keeps of the training set.
    public enum Evaluation: Sendable {
        /// Exactly, from the training samples' encoded states.
        case exact(FidelityKernel, trainingStates: FidelityKernel.States)
        /// On a device, from the training samples' features.
        case device(DeviceFidelityKernel, trainingFeatures: Matrix)
    }

    /// The kernel and the training samples it compares with.
    public let evaluation: Evaluation
    /// The fitted machine(s).
    public let machine: KernelSVM

    /// The encoding whose states define the kernel.
    public var encoding: Encoding {
        switch evaluation {
        case .exact(let kernel, _): kernel.encoding
        case .device(let kernel, _): kernel.encoding
        }
    }

    /// The number of classes.
    public var classCount: Int { machine.classCount }

    /// Fits the SVM with penalty `c` on the exact fidelity Gram matrix of `data`.
    ///
    /// - Throws: `LearningError` for unusable data, a bad `c`, or rows the encoding cannot take.
    public static func fit(kernel: FidelityKernel, data: Dataset, c: Double = 1) throws -> QuantumKernelClassifier {
        let states = try kernel.states(data.features)
        let machine = try KernelSVM.fit(gram: kernel.gram(states), labels: data.labels, classCount: data.classCount, c: c)
        return QuantumKernelClassifier(evaluation: .exact(kernel, trainingStates: states), machine: machine)
    }

    /// Fits the SVM with penalty `c` on the device kernel's Gram matrix of `data`.
    ///
    /// - Throws: `LearningError` for unusable data, a bad `c`, or rows the encoding cannot take.
    public static func fit(kernel: DeviceFidelityKernel, data: Dataset, c: Double = 1) throws -> QuantumKernelClassifier {
        let machine = try KernelSVM.fit(gram: kernel.gram(data.features), labels: data.labels, classCount: data.classCount, c: c)
        return QuantumKernelClassifier(evaluation: .device(kernel, trainingFeatures: data.features), machine: machine)
    }

    /// K(row, training sample) for every row of `features`.
    private func crossKernel(_ features: Matrix) throws -> Matrix {
        switch evaluation {
        case .exact(let kernel, let training): kernel.cross(try kernel.states(features), training)
        case .device(let kernel, let training): try kernel.cross(features, training)
        }
    }

    /// Decision values (one column per pairwise machine) for every row of `features`.
    public func decisionFunction(_ features: Matrix) throws -> Matrix {
        machine.decisionFunction(crossKernel: try crossKernel(features))
    }

    /// Predicted classes; rows the encoding cannot take (an all-zero row under amplitude encoding)
    /// are predicted as class 0 — call `decisionFunction` to see the error.
    public func predict(_ features: Matrix) -> [Int] {
        if let cross = try? crossKernel(features) { return machine.predict(crossKernel: cross) }
        return (0..<features.rows).map { row in
            (try? crossKernel(features.selectingRows([row]))).map { machine.predict(crossKernel: $0)[0] } ?? 0
        }
    }

    /// The SVM defines no probabilities.
    public func probabilities(_ features: Matrix) -> Matrix? { nil }
}
