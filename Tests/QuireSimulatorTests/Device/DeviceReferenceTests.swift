import QuireTestSupport
import Testing

@testable import QuireSimulator

/// Circuits in native gates on device snapshots against Qiskit Aer's `NoiseModel.from_backend` on the
/// same snapshots (device_circuits.json from make_device_reference.py; manila, nairobi, montreal;
/// one case resets qubits mid-circuit, to which Aer attaches relaxation that leaves |0⟩ unchanged).
struct DeviceReferenceTests {
    /// Density matrix, readout included, to 1e-9 (the reference is an exact evolution of Aer's own
    /// error channels; Aer's sampler agrees with it to 4e-9); threads 2 bit-identical.
    @Test func densityMatrixMatchesAer() throws {
        #expect(DeviceReference.cases.count == 13)
        for entry in DeviceReference.cases {
            let options = SimulationOptions(method: .densityMatrix, device: try DeviceSnapshots.device(entry.device))
            let result = try Simulator.run(try QASMReader.read(entry.qasm), options: options)
            #expect(maxDifference(result.probabilities, entry.probabilities) <= 1e-9, "\(entry.name)")
            var two = options
            two.threads = 2
            #expect(try Simulator.run(try QASMReader.read(entry.qasm), options: two).probabilities == result.probabilities, "\(entry.name)")
        }
    }

    /// Trajectories within five standard deviations of Aer, per probability (bound as in TrajectoriesTests).
    @Test func trajectoriesConvergeToAer() throws {
        for entry in DeviceReference.cases where entry.name.hasSuffix("-3q") || entry.name.hasSuffix("-reset") {
            let options = SimulationOptions(method: .trajectories, seed: 5, device: try DeviceSnapshots.device(entry.device), trajectories: 1500)
            let result = try Simulator.run(try QASMReader.read(entry.qasm), options: options)
            #expect(TrajectoriesTests.withinBound(result.probabilities, entry.probabilities, trajectories: 1500), "\(entry.name)")
        }
    }
}
