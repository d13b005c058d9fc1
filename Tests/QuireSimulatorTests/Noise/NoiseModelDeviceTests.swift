import Numerics
import Testing

@testable import QuireSimulator

/// The noise a device yields, checked against properties Aer's conventions define.
struct NoiseModelDeviceTests {
    /// Average gate fidelity of `channels` on `qubits` from their composed superoperator:
    /// F = (d·Tr(S)/d² + 1)/(d + 1).
    func averageGateFidelity(_ channels: [QuantumChannel], on qubits: [Int]) -> Double {
        let superoperator = composedSuperoperator(channels, on: qubits)
        let squared = superoperator.dimension
        let trace = (0..<squared).reduce(0.0) { $0 + superoperator[$1, $1].real }
        let dimension = Double(1 << qubits.count)
        return (dimension * trace / Double(squared) + 1) / (dimension + 1)
    }

    /// Every calibrated gate of every snapshot: depolarizing (when any) then relaxation on each
    /// qubit, and the composed channel's average gate fidelity is 1 − the reported error (Aer's
    /// defining equation for λ), to 1e-12, wherever relaxation alone does not exceed the error.
    @Test(arguments: ["manila", "nairobi", "montreal"]) func gateErrorIsTheComposedInfidelity(_ name: String) throws {
        let device = try DeviceSnapshots.device(name)
        let model = NoiseModel(device: device)
        for calibration in device.gates {
            let label = "\(name) \(calibration.gate) \(calibration.qubits)"
            let channels = model.channels(after: calibration.gate, on: calibration.qubits)
            let relaxations = calibration.durationNanoseconds > 0 ? calibration.qubits.count : 0
            #expect(channels.suffix(relaxations).map(\.qubits) == calibration.qubits.prefix(relaxations).map { [$0] }, "\(label)")
            let fidelity = averageGateFidelity(channels, on: calibration.qubits)
            if channels.count > relaxations {
                #expect(channels[0].qubits == calibration.qubits, "\(label)")
                #expect(abs(fidelity - (1 - calibration.error)) <= 1e-12, "\(label)")
            } else {
                #expect(1 - fidelity >= calibration.error - 1e-15, "\(label)")
            }
        }
    }

    /// rz is virtual (error and duration 0): no channel. Readout is per qubit.
    @Test func virtualGatesReadoutAndReset() throws {
        let device = try DeviceSnapshots.device("manila")
        let model = NoiseModel(device: device)
        #expect(model.channels(after: .rz, on: [0]).isEmpty)
        #expect(model.channels(after: .cx, on: [0, 2]).isEmpty)
        #expect(!model.isIdeal)
        #expect(model.readout(qubit: 3) == device.qubits[3].readout)
    }

    /// A gate whose error relaxation alone explains takes no depolarizing error.
    @Test func relaxationAloneTakesNoDepolarizing() {
        #expect(NoiseModel.depolarizingLambda(error: 1e-4, relaxationFidelity: 1 - 2e-4, qubitCount: 1) == nil)
        // Beyond the physical maximum d/(d+1) the error is capped and λ is at most 4ᵏ/(4ᵏ−1).
        #expect(NoiseModel.depolarizingLambda(error: 0.9, relaxationFidelity: 1, qubitCount: 1) == 4.0 / 3)
    }
}
