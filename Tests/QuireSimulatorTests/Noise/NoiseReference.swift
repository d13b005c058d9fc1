import Foundation
import Numerics
import QuireSimulator

/// Qiskit Aer's superoperators of Quire's noise channels, from `Reference/generate_noise_channels.py`.
struct NoiseReference: Decodable {
    /// A complex matrix as the script writes it: row-major real and imaginary parts.
    struct Matrix: Decodable {
        let dimension: Int
        let re: [Double]
        let im: [Double]

        var complex: ComplexMatrix {
            ComplexMatrix(dimension: dimension, elements: zip(re, im).map { Complex($0, $1) })
        }
    }

    struct Depolarizing: Decodable {
        let qubits: Int
        let lambda: Double
        let superop: Matrix
    }

    struct Pauli: Decodable {
        let qubits: Int
        let p: Double
        let superop: Matrix
    }

    struct Relaxation: Decodable {
        let label: String
        let t1_us: Double
        let t2_us: Double
        let time_ns: Double
        let superop: Matrix
    }

    struct Model: Decodable {
        let label: String
        let profile: ProfileJSON
        let gate: String
        let qubits: [Int]
        let superop: Matrix
    }

    struct Generic: Decodable {
        let seed: Int
        let kraus: [Matrix]
        let superop: Matrix
    }

    struct Readout: Decodable {
        let prob_meas1_prep0: Double
        let prob_meas0_prep1: Double
        /// Aer's `ReadoutError.probabilities`: row i is P(read j | prepared i).
        let probabilities: [[Double]]
    }

    struct TwoQubitReadout: Decodable {
        let qubits: [ProfileJSON.Readout]
        let prepared: [Double]
        let read: [Double]
    }

    let depolarizing: [Depolarizing]
    let pauli: [Pauli]
    let thermal_relaxation: [Relaxation]
    let models: [Model]
    let generic: [Generic]
    let readout: [Readout]
    let readout_two_qubits: TwoQubitReadout

    /// The committed reference file, read once.
    static let shared: NoiseReference = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Reference/noise_channels.json")
        do {
            return try JSONDecoder().decode(NoiseReference.self, from: Data(contentsOf: url))
        } catch {
            fatalError("cannot read \(url.path): \(error)")
        }
    }()
}

/// A noise profile in the YAML key names of DESIGN §4.3, as the reference scripts write it in JSON.
struct ProfileJSON: Decodable {
    struct Depolarizing: Decodable {
        let one_qubit: Double?
        let two_qubit: Double?
        let convention: String?

        var value: NoiseProfile.Depolarizing {
            NoiseProfile.Depolarizing(oneQubit: one_qubit ?? 0, twoQubit: two_qubit ?? 0,
                                      convention: NoiseProfile.Convention(rawValue: convention ?? "lambda")!)
        }
    }

    struct Relaxation: Decodable {
        let t1_us: Double
        let t2_us: Double
        let one_qubit_gate_ns: Double
        let two_qubit_gate_ns: Double

        var value: NoiseProfile.ThermalRelaxation {
            NoiseProfile.ThermalRelaxation(t1Microseconds: t1_us, t2Microseconds: t2_us,
                                           oneQubitGateNanoseconds: one_qubit_gate_ns, twoQubitGateNanoseconds: two_qubit_gate_ns)
        }
    }

    struct Readout: Decodable {
        let prob_meas1_prep0: Double?
        let prob_meas0_prep1: Double?

        var value: NoiseProfile.Readout {
            NoiseProfile.Readout(probMeas1Prep0: prob_meas1_prep0 ?? 0, probMeas0Prep1: prob_meas0_prep1 ?? 0)
        }
    }

    struct Override: Decodable {
        let depolarizing: Depolarizing?
        let thermal_relaxation: Relaxation?
        let readout: Readout?
    }

    let depolarizing: Depolarizing?
    let thermal_relaxation: Relaxation?
    let readout: Readout?
    let qubits: [String: Override]?

    var value: NoiseProfile {
        var overrides: [Int: NoiseProfile.QubitOverride] = [:]
        for (key, override) in qubits ?? [:] {
            overrides[Int(key)!] = NoiseProfile.QubitOverride(
                depolarizing: override.depolarizing?.value, thermalRelaxation: override.thermal_relaxation?.value,
                readout: override.readout?.value)
        }
        return NoiseProfile(depolarizing: depolarizing?.value, thermalRelaxation: thermal_relaxation?.value,
                            readout: readout?.value, qubits: overrides)
    }
}
