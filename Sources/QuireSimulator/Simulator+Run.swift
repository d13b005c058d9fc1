import QuireCore
import QuireKernels

/// Runs circuits with the engine the options choose, applies the final readout error and samples shots.
public enum Simulator {
    /// Hard caps on qubits per method, whatever the memory limit: statevector and trajectories keep
    /// 2ⁿ amplitudes (32 qubits: 64 GiB), the density matrix 4ⁿ (14 qubits: 4 GiB).
    public static func qubitCap(_ method: SimulationMethod) -> Int {
        method == .densityMatrix ? 14 : 32
    }

    /// Largest qubit count `auto` gives to the density-matrix method (DESIGN §4.2).
    public static let autoDensityMatrixQubits = 12

    /// Simulates `circuit`: exact probabilities of the final read of all qubits (readout error
    /// included) and, when `options.shots > 0`, sampled counts.
    ///
    /// `auto` picks the statevector for circuits without gate noise (readout error alone is fine),
    /// the density matrix up to 12 qubits, else trajectories.
    public static func run(_ circuit: Circuit, options: SimulationOptions) throws(SimulationError) -> SimulationResult {
        try validate(options)
        let noise = try noiseModel(options, circuit: circuit)
        let program = try SimulationProgram(circuit: circuit, noise: noise)
        let method = resolvedMethod(options.method, qubits: program.qubitCount, noisy: noise.map { !$0.isIdeal } ?? false)
        if method == .statevector, noise.map({ !$0.isIdeal }) ?? false { throw .noiseNeedsMixedStates }
        try checkMemory(method: method, circuit: circuit, options: options)
        var probabilities: [Double]
        switch method {
        case .statevector:
            probabilities = try Statevector(
                program: program, threads: options.threads,
                memoryLimitBytes: options.memoryLimitBytes
            ).releasingProbabilities()
        case .densityMatrix:
            probabilities = try DensityMatrix(
                program: program, threads: options.threads,
                memoryLimitBytes: options.memoryLimitBytes
            ).probabilities()
        case .trajectories, .auto:
            probabilities = Trajectories.probabilities(program: program, options: options)
        }
        try checkRange(probabilities, method: method, operations: circuit.operations.count)
        noise?.applyReadout(to: &probabilities, qubitCount: program.qubitCount)
        let counts = options.shots > 0 ? sample(probabilities, shots: options.shots, seed: options.seed) : []
        return SimulationResult(qubitCount: program.qubitCount, method: method, probabilities: probabilities, counts: counts)
    }

    /// How far outside its range a computed probability or expectation value may lie before it counts
    /// as a defect rather than rounding: 1e-12, plus 2⁻⁵⁰ per operation, since every gate may move the
    /// norm by a few units in the last place (10⁷ fused `rz` gates drift by 7·10⁻¹⁰; 1,000 resets, whose
    /// projections renormalise, by nothing).
    public static func resultTolerance(operations: Int) -> Double { 1e-12 + Double(operations) * 0x1p-50 }

    /// Throws unless every entry of `probabilities` lies in [0, 1] within `resultTolerance` for a
    /// circuit of `operations` operations: a wrong probability must never become a table.
    static func checkRange(_ probabilities: [Double], method: SimulationMethod, operations: Int) throws(SimulationError) {
        let tolerance = resultTolerance(operations: operations)
        for (index, p) in probabilities.enumerated() where !(p >= -tolerance && p <= 1 + tolerance) {
            throw .resultOutOfRange(method: method, what: "the probability of basis state \(index)", value: p)
        }
    }

    /// The method `auto` stands for, or `method` itself.
    public static func resolvedMethod(_ method: SimulationMethod, qubits: Int, noisy: Bool) -> SimulationMethod {
        guard method == .auto else { return method }
        if !noisy { return .statevector }
        return qubits <= autoDensityMatrixQubits ? .densityMatrix : .trajectories
    }

    /// Throws unless the state of `method` on the circuit's qubits, the 8·2ⁿ-byte probability vector
    /// (twice that with shots) and the circuit itself (`Circuit.bytesPerOperation` per operation) fit
    /// the qubit cap and `options.memoryLimitBytes`; called before anything is allocated. The
    /// statevector's storage becomes its probability vector (`Statevector.releasingProbabilities`), so
    /// there the two count as the larger of them, not their sum. Branches of mid-circuit measurements
    /// are checked as they appear.
    static func checkMemory(method: SimulationMethod, circuit: Circuit, options: SimulationOptions) throws(SimulationError) {
        let qubits = circuit.qubitCount
        let cap = qubitCap(method)
        guard qubits <= cap else { throw .tooManyQubits(method: method, qubits: qubits, cap: cap) }
        let bytes = plannedBytes(method: method, circuit: circuit, options: options)
        guard bytes <= options.memoryLimitBytes else {
            throw .memoryLimit(method: method, qubits: qubits, bytes: bytes, limit: options.memoryLimitBytes)
        }
    }

    /// The bytes `checkMemory` counts for `method` (qubits within its cap).
    static func plannedBytes(method: SimulationMethod, circuit: Circuit, options: SimulationOptions) -> Int {
        let qubits = circuit.qubitCount
        let state =
            switch method {
            case .densityMatrix: AmplitudeBuffer.bytes(qubitCount: 2 * qubits)
            case .trajectories, .auto: Trajectories.bytes(qubits: qubits, threads: options.threads)
            case .statevector: AmplitudeBuffer.bytes(qubitCount: qubits)
            }
        // The result's probability vector, and the cumulative distribution when sampling shots.
        let vectors = (8 << qubits) * (options.shots > 0 ? 2 : 1)
        let program = circuit.operations.count * Circuit.bytesPerOperation
        return (method == .statevector ? max(state, vectors) : state + vectors) + program
    }

    /// The most bytes `run` may hold for `circuit` under `options`, for a caller that shares one
    /// memory budget among simulations: what `checkMemory` counts (for a noisy `auto`, the density
    /// matrix or trajectories it picks), or the whole `memoryLimitBytes` when a mid-circuit
    /// measurement or reset may branch the state, or the circuit is beyond an engine's cap.
    public static func reservedBytes(_ circuit: Circuit, options: SimulationOptions) -> Int {
        let branches = circuit.operations.indices.contains { index in
            switch circuit.operations[index].kind {
            case .reset: return true
            case .measure: return circuit.operations[(index + 1)...].contains { if case .gate = $0.kind { true } else { false } }
            case .gate, .barrier: return false
            }
        }
        let method = resolvedMethod(options.method, qubits: circuit.qubitCount, noisy: options.noise != nil || options.device != nil)
        guard !branches, circuit.qubitCount <= qubitCap(method) else { return options.memoryLimitBytes }
        return min(plannedBytes(method: method, circuit: circuit, options: options), options.memoryLimitBytes)
    }

    /// The model of the options' device (after validating it and checking that `circuit` runs on it
    /// as written) or of their noise profile (after checking its values,
    /// `NoiseProfile.validate(qubitCount:)`), so no channel is built from an unphysical parameter;
    /// `nil` for an ideal device.
    static func noiseModel(_ options: SimulationOptions, circuit: Circuit) throws(SimulationError) -> NoiseModel? {
        if let device = options.device {
            guard options.noise == nil else {
                throw .invalidOption(name: "noise", message: "cannot be combined with a device, whose calibration is its noise")
            }
            try device.validate()
            try device.check(circuit)
            return NoiseModel(device: device)
        }
        guard let profile = options.noise else { return nil }
        try profile.validate(qubitCount: circuit.qubitCount)
        return NoiseModel(profile: profile)
    }

    static func validate(_ options: SimulationOptions) throws(SimulationError) {
        guard options.shots >= 0 else { throw .invalidOption(name: "shots", message: "must be 0 or more, got \(options.shots)") }
        guard options.threads >= 1 else { throw .invalidOption(name: "threads", message: "must be at least 1, got \(options.threads)") }
        guard options.trajectories >= 1 else {
            throw .invalidOption(name: "trajectories", message: "must be at least 1, got \(options.trajectories)")
        }
    }
}
