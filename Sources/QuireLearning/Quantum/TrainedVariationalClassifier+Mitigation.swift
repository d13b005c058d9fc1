import QuireSimulator

extension TrainedVariationalClassifier {
    /// f(x) = ⟨O⟩ + b for every row with error mitigation on the training configuration's engine:
    /// readout-error mitigation when `readout` is set, and zero-noise extrapolation when `zne` is
    /// given (readout mitigation, if any, applies at every scale factor). Compare with `outputs`
    /// for the unmitigated values.
    ///
    /// - Throws: `LearningError` when the configuration has no noisy execution, or for bad ZNE
    ///   settings; `SimulationError` from the engine.
    public func mitigatedOutputs(_ features: Matrix, zne: ZeroNoiseExtrapolation?, readout: Bool) throws -> [Double] {
        guard let execution = configuration.execution else {
            throw LearningError.unusableData(
                owner: "mitigation", message: "needs an execution with noise; the exact statevector has nothing to mitigate")
        }
        let estimator = ExpectationEstimator(options: execution, observable: model.observable, mitigatesReadout: readout)
        let inputs = try model.encoding.inputs(forRows: features)
        let theta = Array(parameters.dropLast())
        return try inputs.enumerated().map { row, u in
            let circuit = model.circuit.bind(parameters: theta, inputs: u)
            let key = UInt64(1) << 37 | UInt64(row)
            let value =
                try zne.map { try $0.estimate(circuit, estimator: estimator, key: key).mitigated }
                ?? estimator.expectation(of: circuit, key: key, index: 0)
            return value + parameters.last!
        }
    }
}
