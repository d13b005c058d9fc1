/// A noise model as a paper declares it (DESIGN §4.3): what happens after each gate and at readout.
///
/// Plain values only; validation lives in `NoiseProfile+Validation.swift`, YAML decoding in the
/// `Quire` module. Per-qubit overrides replace the global value for that qubit (a calibration snapshot).
public struct NoiseProfile: Hashable, Sendable {
    /// Depolarizing error after every gate, by gate arity.
    public var depolarizing: Depolarizing?
    /// Amplitude and phase damping after every gate on each qubit it touched.
    public var thermalRelaxation: ThermalRelaxation?
    /// Classical bit-flip error on measured qubits.
    public var readout: Readout?
    /// Per-qubit overrides, keyed by global qubit index.
    public var qubits: [Int: QubitOverride]

    /// Creates a profile; every part is optional.
    public init(
        depolarizing: Depolarizing? = nil, thermalRelaxation: ThermalRelaxation? = nil,
        readout: Readout? = nil, qubits: [Int: QubitOverride] = [:]
    ) {
        self.depolarizing = depolarizing
        self.thermalRelaxation = thermalRelaxation
        self.readout = readout
        self.qubits = qubits
    }

    /// What "depolarizing p" means: tools disagree, so the profile says which it is.
    public enum Convention: String, Hashable, Sendable, CaseIterable {
        /// Qiskit Aer's: ρ → (1−λ)ρ + λ·I/2ᵏ, with λ the given value.
        case lambda
        /// PennyLane's and Cirq's: each non-identity Pauli with probability p/(4ᵏ−1); λ = 4ᵏp/(4ᵏ−1).
        case pauli
    }

    /// Depolarizing error parameters.
    public struct Depolarizing: Hashable, Sendable {
        /// Parameter after each one-qubit gate.
        public var oneQubit: Double
        /// Parameter after each two-qubit gate.
        public var twoQubit: Double
        /// How the parameters are to be read.
        public var convention: Convention

        /// Creates depolarizing parameters.
        public init(oneQubit: Double = 0, twoQubit: Double = 0, convention: Convention = .lambda) {
            self.oneQubit = oneQubit
            self.twoQubit = twoQubit
            self.convention = convention
        }
    }

    /// Thermal relaxation (Aer's `thermal_relaxation_error`, excited-state population 0).
    public struct ThermalRelaxation: Hashable, Sendable {
        /// T1 in microseconds.
        public var t1Microseconds: Double
        /// T2 in microseconds (must not exceed 2·T1).
        public var t2Microseconds: Double
        /// Duration of a one-qubit gate in nanoseconds.
        public var oneQubitGateNanoseconds: Double
        /// Duration of a two-qubit gate in nanoseconds.
        public var twoQubitGateNanoseconds: Double

        /// Creates thermal-relaxation parameters.
        public init(
            t1Microseconds: Double, t2Microseconds: Double,
            oneQubitGateNanoseconds: Double, twoQubitGateNanoseconds: Double
        ) {
            self.t1Microseconds = t1Microseconds
            self.t2Microseconds = t2Microseconds
            self.oneQubitGateNanoseconds = oneQubitGateNanoseconds
            self.twoQubitGateNanoseconds = twoQubitGateNanoseconds
        }
    }

    /// Readout (measurement) error: the probabilities of reading the wrong bit.
    public struct Readout: Hashable, Sendable {
        /// P(read 1 | prepared 0).
        public var probMeas1Prep0: Double
        /// P(read 0 | prepared 1).
        public var probMeas0Prep1: Double

        /// Creates readout-error parameters.
        public init(probMeas1Prep0: Double, probMeas0Prep1: Double) {
            self.probMeas1Prep0 = probMeas1Prep0
            self.probMeas0Prep1 = probMeas0Prep1
        }
    }

    /// A calibration override for one qubit; `nil` parts fall back to the global profile.
    public struct QubitOverride: Hashable, Sendable {
        /// Depolarizing parameters for gates on this qubit.
        public var depolarizing: Depolarizing?
        /// Thermal relaxation of this qubit.
        public var thermalRelaxation: ThermalRelaxation?
        /// Readout error of this qubit.
        public var readout: Readout?

        /// Creates an override.
        public init(depolarizing: Depolarizing? = nil, thermalRelaxation: ThermalRelaxation? = nil, readout: Readout? = nil) {
            self.depolarizing = depolarizing
            self.thermalRelaxation = thermalRelaxation
            self.readout = readout
        }
    }
}
