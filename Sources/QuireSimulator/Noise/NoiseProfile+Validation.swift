extension NoiseProfile {
    /// Checks every value against its physical range for a circuit of `qubitCount` qubits.
    ///
    /// The same ranges as the `Quire` module's YAML decoder, which checks while decoding; this check
    /// also covers profiles built in code and the override indices, which need the qubit count.
    /// Global parts come first, then overrides in ascending qubit order, so the first error reported
    /// is always the same. Checked: depolarizing 0 ≤ λ ≤ 4ᵏ/(4ᵏ−1) (lambda convention) or 0 ≤ p ≤ 1
    /// (pauli); readout probabilities in [0, 1]; T1 > 0; 0 < T2 ≤ 2·T1 (rejected, never truncated as
    /// Aer's `from_backend` does); gate times ≥ 0; every number finite; 0 ≤ override index < `qubitCount`.
    ///
    /// - Throws: the first value out of range, naming its field path (e.g. `qubits.3.thermal_relaxation.t2_us`).
    public func validate(qubitCount: Int) throws(SimulationError) {
        try Self.validate(depolarizing: depolarizing, thermalRelaxation: thermalRelaxation, readout: readout, prefix: "")
        for qubit in qubits.keys.sorted() {
            let prefix = "qubits.\(qubit)."
            guard qubit >= 0 && qubit < qubitCount else {
                throw .qubitOutOfRange(path: "qubits.\(qubit)", qubit: qubit, qubitCount: qubitCount)
            }
            let override = qubits[qubit]!
            try Self.validate(
                depolarizing: override.depolarizing, thermalRelaxation: override.thermalRelaxation,
                readout: override.readout, prefix: prefix)
        }
    }

    private static func validate(
        depolarizing: Depolarizing?, thermalRelaxation: ThermalRelaxation?, readout: Readout?,
        prefix: String
    ) throws(SimulationError) {
        if let depolarizing {
            for (key, value, arity) in [("one_qubit", depolarizing.oneQubit, 1), ("two_qubit", depolarizing.twoQubit, 2)] {
                let maximum = depolarizing.maximumParameter(qubitCount: arity)
                guard value >= 0 && value <= maximum else {
                    throw .depolarizingOutOfRange(
                        path: "\(prefix)depolarizing.\(key)", value: value, maximum: maximum,
                        convention: depolarizing.convention)
                }
            }
        }
        if let relaxation = thermalRelaxation {
            let path = "\(prefix)thermal_relaxation."
            let t1 = relaxation.t1Microseconds
            let t2 = relaxation.t2Microseconds
            guard t1 > 0 && t1.isFinite else { throw .nonPositiveTime(path: path + "t1_us", value: t1) }
            guard t2 > 0 && t2.isFinite else { throw .nonPositiveTime(path: path + "t2_us", value: t2) }
            guard t2 <= NoiseRanges.maximumT2(t1: t1) else { throw .t2AboveTwiceT1(path: path + "t2_us", t2: t2, t1: t1) }
            for (key, value) in [
                ("one_qubit_gate_ns", relaxation.oneQubitGateNanoseconds),
                ("two_qubit_gate_ns", relaxation.twoQubitGateNanoseconds),
            ] {
                guard value >= NoiseRanges.gateNanoseconds.lowerBound && value.isFinite else {
                    throw .negativeGateTime(path: path + key, value: value)
                }
            }
        }
        if let readout {
            for (key, value) in [("prob_meas1_prep0", readout.probMeas1Prep0), ("prob_meas0_prep1", readout.probMeas0Prep1)] {
                guard NoiseRanges.probability.contains(value) else { throw .probabilityOutOfRange(path: "\(prefix)readout.\(key)", value: value) }
            }
        }
    }
}
