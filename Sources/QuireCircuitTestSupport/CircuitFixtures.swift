import QuireSimulator

/// Circuit-level helpers that the simulator's and the learning module's tests share, so both
/// check the same fast paths the same way.
public enum CircuitFixtures {
    /// Depolarizing (both sizes), thermal relaxation and readout error with a per-qubit override on
    /// qubit 2: every channel kind the density-matrix fast path applies.
    public static func mixedNoise() -> NoiseProfile {
        var noise = NoiseProfile()
        noise.depolarizing = .init(oneQubit: 0.01, twoQubit: 0.03)
        noise.thermalRelaxation = .init(t1Microseconds: 60, t2Microseconds: 50, oneQubitGateNanoseconds: 50, twoQubitGateNanoseconds: 400)
        noise.readout = .init(probMeas1Prep0: 0.02, probMeas0Prep1: 0.04)
        noise.qubits = [2: .init(readout: .init(probMeas1Prep0: 0.07, probMeas0Prep1: 0.01))]
        return noise
    }

    /// ⟨Z^zMask⟩ of `circuit` at parameters `theta` and inputs `inputs`, and its adjoint gradient,
    /// on the statevector fast path.
    public static func adjointGradient(
        _ circuit: ParameterizedCircuit, _ theta: [Double], _ inputs: [Double], zMask: Int
    ) -> (Double, [Double]) {
        let compiled = CompiledCircuit(circuit)
        var gradient = [Double](repeating: .nan, count: circuit.parameterCount)
        let value = theta.withUnsafeBufferPointer { t in
            inputs.withUnsafeBufferPointer { u in
                gradient.withUnsafeMutableBufferPointer {
                    compiled.adjointGradient(parameters: t, inputs: u, zMask: zMask, workspace: compiled.makeWorkspace(), gradient: $0)
                }
            }
        }
        return (value, gradient)
    }
}
