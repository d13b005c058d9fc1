extension Device {
    /// The device on its physical qubits `qubits` only, qubit `qubits[k]` becoming qubit k: their
    /// calibration, and the couplings and calibrated gates among them. Its noise on a circuit
    /// relabeled the same way (`Circuit.relabeled(keeping:)`) is the full device's noise.
    public func restricted(to qubits: [Int]) -> Device {
        var index: [Int: Int] = [:]
        for (position, qubit) in qubits.enumerated() { index[qubit] = position }
        return Device(
            name: name, nativeGates: nativeGates,
            couplingMap: couplingMap.compactMap { edge in
                guard let first = index[edge.first], let second = index[edge.second] else { return nil }
                return Edge(first, second)
            },
            qubits: qubits.map { self.qubits[$0] },
            gates: gates.compactMap { calibration in
                let mapped = calibration.qubits.compactMap { index[$0] }
                guard mapped.count == calibration.qubits.count else { return nil }
                var copy = calibration
                copy.qubits = mapped
                return copy
            })
    }
}
