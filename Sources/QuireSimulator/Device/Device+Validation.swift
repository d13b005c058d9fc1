extension Device {
    /// Throws unless every value is in its physical range and every index names a qubit of the
    /// device: native gates on one or two qubits; T1, T2 > 0; readout probabilities and gate errors in [0, 1]; durations ≥ 0; coupling
    /// edges and calibrated gates on distinct qubits of the device, with the gate's arity, each
    /// calibrated gate native and calibrated once. Every number must be finite.
    public func validate() throws(SimulationError) {
        func check(_ holds: Bool, _ path: String, _ message: @autoclosure () -> String) throws(SimulationError) {
            if !holds { throw .invalidSnapshot(path: path, message: message()) }
        }
        func inRange(_ qubits: [Int]) -> Bool {
            qubits.allSatisfy { $0 >= 0 && $0 < self.qubits.count } && Set(qubits).count == qubits.count
        }
        try check(!qubits.isEmpty, "qubits", "is empty: a device needs at least one qubit")
        for (index, gate) in nativeGates.enumerated() {
            try check(gate.qubitCount <= 2, "native_gates[\(index)]", "is \(gate.rawValue); a native gate acts on one or two qubits")
        }
        for (index, edge) in couplingMap.enumerated() {
            try check(inRange([edge.first, edge.second]), "coupling_map[\(index)]", "must join two distinct qubits of 0..<\(qubits.count)")
        }
        for (index, qubit) in qubits.enumerated() {
            try check(
                qubit.t1Microseconds > 0 && qubit.t1Microseconds.isFinite, "qubits[\(index)].t1_us", "is \(qubit.t1Microseconds); it must be positive"
            )
            try check(
                qubit.t2Microseconds > 0 && qubit.t2Microseconds.isFinite, "qubits[\(index)].t2_us", "is \(qubit.t2Microseconds); it must be positive"
            )
            for (name, p) in [("prob_meas1_prep0", qubit.readout.probMeas1Prep0), ("prob_meas0_prep1", qubit.readout.probMeas0Prep1)] {
                try check(NoiseRanges.probability.contains(p), "qubits[\(index)].\(name)", "is \(p); a probability lies in [0, 1]")
            }
        }
        var calibrated = Set<GateSite>()
        for (index, calibration) in gates.enumerated() {
            let path = "gates[\(index)]"
            try check(nativeGates.contains(calibration.gate), path, "calibrates \(calibration.gate.rawValue), which is not a native gate")
            try check(
                calibration.qubits.count == calibration.gate.qubitCount && inRange(calibration.qubits), path,
                "puts \(calibration.gate.rawValue) on \(calibration.qubits); it needs \(calibration.gate.qubitCount) distinct qubits of 0..<\(qubits.count)"
            )
            try check(NoiseRanges.probability.contains(calibration.error), path + ".error", "is \(calibration.error); a gate error lies in [0, 1]")
            try check(
                calibration.durationNanoseconds >= 0 && calibration.durationNanoseconds.isFinite, path + ".duration_ns",
                "is \(calibration.durationNanoseconds); a duration must be ≥ 0")
            try check(
                calibrated.insert(GateSite(gate: calibration.gate, qubits: calibration.qubits)).inserted, path,
                "calibrates \(calibration.gate.rawValue) on \(calibration.qubits) a second time")
        }
    }

    /// Throws unless `circuit` runs on the device as written: no wider than it, every gate native,
    /// every two-qubit gate on a coupled pair in its direction (circuit qubit i is physical qubit i).
    public func check(_ circuit: Circuit) throws(SimulationError) {
        guard circuit.qubitCount <= qubits.count else {
            throw .tooWide(circuitQubits: circuit.qubitCount, device: name, deviceQubits: qubits.count)
        }
        let native = Set(nativeGates)
        let edges = Set(couplingMap)
        for operation in circuit.operations {
            guard case let .gate(gate, qubits, _) = operation.kind else { continue }
            guard native.contains(gate) else {
                throw .notNative(line: operation.line, column: operation.column, gate: gate, device: name, native: nativeGates)
            }
            guard qubits.count != 2 || edges.contains(Edge(qubits[0], qubits[1])) else {
                throw .notCoupled(line: operation.line, column: operation.column, gate: gate, qubits: qubits, device: name)
            }
        }
    }
}
