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
        let t1Us: Double
        let t2Us: Double
        let timeNs: Double
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
        let probMeas1Prep0: Double
        let probMeas0Prep1: Double
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
    let thermalRelaxation: [Relaxation]
    let models: [Model]
    let generic: [Generic]
    let readout: [Readout]
    let readoutTwoQubits: TwoQubitReadout

    /// The committed reference file, read once.
    static let shared: NoiseReference = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Reference/noise_channels.json")
        do {
            return try snakeCaseDecoder.decode(NoiseReference.self, from: Data(contentsOf: url))
        } catch {
            fatalError("cannot read \(url.path): \(error)")
        }
    }()
}

/// A noise profile in the YAML key names of DESIGN §4.3, as the reference scripts write it in JSON.
struct ProfileJSON: Decodable {
    struct Depolarizing: Decodable {
        let oneQubit: Double?
        let twoQubit: Double?
        let convention: String?

        var value: NoiseProfile.Depolarizing {
            NoiseProfile.Depolarizing(
                oneQubit: oneQubit ?? 0, twoQubit: twoQubit ?? 0,
                convention: NoiseProfile.Convention(rawValue: convention ?? "lambda")!)
        }
    }

    struct Relaxation: Decodable {
        let t1Us: Double
        let t2Us: Double
        let oneQubitGateNs: Double
        let twoQubitGateNs: Double

        var value: NoiseProfile.ThermalRelaxation {
            NoiseProfile.ThermalRelaxation(
                t1Microseconds: t1Us, t2Microseconds: t2Us,
                oneQubitGateNanoseconds: oneQubitGateNs, twoQubitGateNanoseconds: twoQubitGateNs)
        }
    }

    struct Readout: Decodable {
        let probMeas1Prep0: Double?
        let probMeas0Prep1: Double?

        var value: NoiseProfile.Readout {
            NoiseProfile.Readout(probMeas1Prep0: probMeas1Prep0 ?? 0, probMeas0Prep1: probMeas0Prep1 ?? 0)
        }
    }

    struct Override: Decodable {
        let depolarizing: Depolarizing?
        let thermalRelaxation: Relaxation?
        let readout: Readout?
    }

    let depolarizing: Depolarizing?
    let thermalRelaxation: Relaxation?
    let readout: Readout?
    let qubits: [String: Override]?

    var value: NoiseProfile {
        var overrides: [Int: NoiseProfile.QubitOverride] = [:]
        for (key, override) in qubits ?? [:] {
            overrides[Int(key)!] = NoiseProfile.QubitOverride(
                depolarizing: override.depolarizing?.value, thermalRelaxation: override.thermalRelaxation?.value,
                readout: override.readout?.value)
        }
        return NoiseProfile(
            depolarizing: depolarizing?.value, thermalRelaxation: thermalRelaxation?.value,
            readout: readout?.value, qubits: overrides)
    }
}

/// Reads the reference files, whose keys are the Python scripts' snake_case (`t1_us`), into the
/// camelCase properties above.
let snakeCaseDecoder: JSONDecoder = {
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return decoder
}()
