import Numerics
import QuireCore

extension NoiseModel {
    /// The noise of `device` with Qiskit Aer's conventions (`NoiseModel.from_backend`, temperature 0);
    /// validate the device first (`Device.validate()`).
    ///
    /// After each calibrated gate on its qubits: Aer's `depolarizing_error(λ, k)` on the k qubits,
    /// then `thermal_relaxation_error(T1, T2, t)` on each qubit for the gate's duration t, with T2
    /// truncated to 2·T1. λ is chosen so that the composed channel's average gate fidelity is
    /// 1 − the reported error: λ = d·(e − r)/(d·F_r − 1), with d = 2ᵏ, F_r the relaxation's average
    /// gate fidelity and r = 1 − F_r; e is first capped at d/(d+1) and λ at 4ᵏ/(4ᵏ−1). No depolarizing
    /// error when e ≤ r (relaxation alone explains the error). Readout: each qubit's readout error.
    /// Uncalibrated gates, measure and reset take no channel (Aer's relaxation over a reset's
    /// duration leaves the |0⟩ a reset prepares unchanged).
    public init(device: Device) {
        var sites: [GateSite: [QuantumChannel]] = [:]
        for calibration in device.gates {
            let relaxation = calibration.qubits.map {
                Self.relaxation(of: device.qubits[$0], qubit: $0, nanoseconds: calibration.durationNanoseconds)
            }
            var channels: [QuantumChannel] = []
            let lambda = device.depolarizingLambda(calibration)
            if lambda > 0 { channels.append(.depolarizing(lambda: lambda, on: calibration.qubits)) }
            channels += relaxation.compactMap { $0 }
            if !channels.isEmpty { sites[GateSite(gate: calibration.gate, qubits: calibration.qubits)] = channels }
        }
        var overrides: [Int: NoiseProfile.QubitOverride] = [:]
        for (index, qubit) in device.qubits.enumerated() { overrides[index] = NoiseProfile.QubitOverride(readout: qubit.readout) }
        self.profile = NoiseProfile(qubits: overrides)
        self.sites = sites
        isIdeal = sites.isEmpty
    }

    /// Aer's relaxation of `qubit` over `nanoseconds` (T2 truncated to 2·T1); nil for a zero duration.
    private static func relaxation(of calibration: Device.Qubit, qubit: Int, nanoseconds: Double) -> QuantumChannel? {
        guard nanoseconds > 0 else { return nil }
        return .thermalRelaxation(
            t1: calibration.t1Microseconds, t2: min(calibration.t2Microseconds, 2 * calibration.t1Microseconds),
            time: nanoseconds / 1000, on: qubit)
    }

    /// Average gate fidelity of the product of the qubits' relaxations over `nanoseconds`:
    /// F = (d·F_pro + 1)/(d + 1), with the process fidelity F_pro the product over qubits of
    /// Tr(S)/4 = (1 + e^(−t/T1) + 2·e^(−t/T2))/4 for each one-qubit channel's superoperator S.
    static func averageGateFidelity(of qubits: [Device.Qubit], nanoseconds: Double) -> Double {
        let time = nanoseconds / 1000
        var process = 1.0
        for qubit in qubits {
            let t2 = min(qubit.t2Microseconds, 2 * qubit.t1Microseconds)
            process *= 1 + (Elementary.expm1(-time / qubit.t1Microseconds) + 2 * Elementary.expm1(-time / t2)) / 4
        }
        let dimension = Double(1 << qubits.count)
        return (dimension * process + 1) / (dimension + 1)
    }

    /// Aer's depolarizing parameter for a gate of reported `error` whose relaxation alone has average
    /// gate fidelity `relaxationFidelity`; nil when relaxation explains the whole error.
    static func depolarizingLambda(error: Double, relaxationFidelity: Double, qubitCount: Int) -> Double? {
        let relaxationInfidelity = 1 - relaxationFidelity
        guard error > relaxationInfidelity else { return nil }
        let dimension = Double(1 << qubitCount)
        let capped = min(error, dimension / (dimension + 1))
        let lambda = dimension * (capped - relaxationInfidelity) / (dimension * relaxationFidelity - 1)
        let paulis = Double(1 << (2 * qubitCount))
        return min(lambda, paulis / (paulis - 1))
    }
}

extension Device {
    /// Aer's depolarizing parameter λ after `calibration`'s gate (`NoiseModel(device:)`); 0 when
    /// relaxation alone explains the reported error.
    public func depolarizingLambda(_ calibration: GateCalibration) -> Double {
        let fidelity = NoiseModel.averageGateFidelity(of: calibration.qubits.map { qubits[$0] }, nanoseconds: calibration.durationNanoseconds)
        return NoiseModel.depolarizingLambda(error: calibration.error, relaxationFidelity: fidelity, qubitCount: calibration.qubits.count) ?? 0
    }
}
