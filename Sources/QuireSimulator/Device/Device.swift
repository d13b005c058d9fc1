/// A device calibration snapshot: native gates, coupling map, and per-qubit, per-gate and per-edge
/// calibration values, from which `NoiseModel(device:)` derives Aer's noise (README, Devices).
///
/// Plain values only; `Device+Qiskit.swift` reads Qiskit's `conf_*.json`/`props_*.json`, the `Quire`
/// module Quire's own YAML. Times are stored in one unit each (T1, T2 in µs; durations in ns) whatever
/// unit the snapshot used.
public struct Device: Hashable, Sendable {
    /// The device's name, as the snapshot gives it (`ibmq_manila`).
    public var name: String
    /// The gates a circuit may use on this device, besides measure, reset and barrier.
    public var nativeGates: [StandardGate]
    /// Directed pairs of physical qubits a two-qubit gate may act on, first qubit first.
    public var couplingMap: [Edge]
    /// Calibration of each physical qubit; `qubits.count` is the device's width.
    public var qubits: [Qubit]
    /// Error and duration of each calibrated gate on its qubits; native gates with no entry are ideal.
    public var gates: [GateCalibration]

    /// Creates a snapshot; check it with `validate()` before deriving noise from it.
    public init(name: String, nativeGates: [StandardGate], couplingMap: [Edge], qubits: [Qubit], gates: [GateCalibration]) {
        self.name = name
        self.nativeGates = nativeGates
        self.couplingMap = couplingMap
        self.qubits = qubits
        self.gates = gates
    }

    /// A directed pair of physical qubits (a coupling-map entry).
    public struct Edge: Hashable, Sendable {
        /// The gate's first qubit (a `cx`'s control).
        public var first: Int
        /// The gate's second qubit (a `cx`'s target).
        public var second: Int

        /// Creates an edge from `first` to `second`.
        public init(_ first: Int, _ second: Int) {
            self.first = first
            self.second = second
        }
    }

    /// The calibration of one physical qubit.
    public struct Qubit: Hashable, Sendable {
        /// T1 in microseconds.
        public var t1Microseconds: Double
        /// T2 in microseconds; above 2·T1 it is truncated to 2·T1 when noise is derived, as Aer does.
        public var t2Microseconds: Double
        /// Readout error of this qubit.
        public var readout: NoiseProfile.Readout

        /// Creates a qubit calibration.
        public init(t1Microseconds: Double, t2Microseconds: Double, readout: NoiseProfile.Readout) {
            self.t1Microseconds = t1Microseconds
            self.t2Microseconds = t2Microseconds
            self.readout = readout
        }
    }

    /// The reported error and duration of one gate on one qubit tuple.
    public struct GateCalibration: Hashable, Sendable {
        /// The gate.
        public var gate: StandardGate
        /// Its physical qubits, in the gate's order.
        public var qubits: [Int]
        /// Reported gate error, 1 − average gate fidelity.
        public var error: Double
        /// Duration in nanoseconds.
        public var durationNanoseconds: Double

        /// Creates a gate calibration.
        public init(gate: StandardGate, qubits: [Int], error: Double, durationNanoseconds: Double) {
            self.gate = gate
            self.qubits = qubits
            self.error = error
            self.durationNanoseconds = durationNanoseconds
        }
    }
}
