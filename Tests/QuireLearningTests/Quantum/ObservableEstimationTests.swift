import Foundation
import QuireSimulator
import QuireTestSupport
import Testing

@testable import QuireLearning

/// Observables on circuits: ideal, noisy, readout-mitigated and ZNE values against analytic truth.
struct ObservableEstimationTests {
    static let bell = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\nh q[0];\ncx q[0], q[1];\n"

    static func circuit(_ text: String) throws -> Circuit { try QASMReader.read(text) }

    /// A one-term observable from (letter, qubit) pairs.
    static func word(_ factors: [(PauliObservable.PauliLetter, Int)], coefficient: Double = 1) -> PauliObservable {
        PauliObservable(
            label: factors.map { "\($0.0.rawValue)\($0.1)" }.joined(),
            terms: [.init(coefficient: coefficient, factors: factors.map { .init(qubit: $0.1, letter: $0.0) })])
    }

    static let zz = word([(.z, 0), (.z, 1)])
    static let xx = word([(.x, 0), (.x, 1)])
    static let yy = word([(.y, 0), (.y, 1)])
    static let z0 = word([(.z, 0)])
    static let z1 = word([(.z, 1)])

    static func evaluate(
        _ observables: [PauliObservable], _ circuit: Circuit, options: SimulationOptions, layout: [Int]? = nil, readout: Bool = false,
        zne: ZeroNoiseExtrapolation? = nil
    ) throws -> [ObservableEstimation.Values] {
        let estimation = ObservableEstimation(
            options: options, layout: layout ?? Array(0..<circuit.qubitCount), mitigatesReadout: readout, zne: zne)
        return try estimation.evaluate(observables, logical: circuit, physical: circuit)
    }

    /// The Bell state: ⟨Z0Z1⟩ = ⟨X0X1⟩ = 1, ⟨Y0Y1⟩ = −1, ⟨Z0⟩ = 0; a sum is the sum of its terms.
    @Test func bellStateValuesAreExact() throws {
        let sum = PauliObservable(
            label: "0.5*Z0Z1-2*Y0Y1",
            terms: [
                .init(coefficient: 0.5, factors: [.init(qubit: 0, letter: .z), .init(qubit: 1, letter: .z)]),
                .init(coefficient: -2, factors: [.init(qubit: 1, letter: .y), .init(qubit: 0, letter: .y)]),
            ])
        let values = try Self.evaluate([Self.zz, Self.xx, Self.yy, Self.z0, sum], Self.circuit(Self.bell), options: SimulationOptions())
        #expect(allClose(values.map(\.ideal), [1, 1, -1, 0, 2.5], tolerance: 1e-12))
        #expect(values.allSatisfy { $0.noisy == nil && $0.readoutMitigated == nil && $0.zne == nil })
    }

    /// Depolarizing λ₁ after h and λ₂ after cx: ⟨Z0Z1⟩ = 1 − λ₂, ⟨X0X1⟩ = (1 − λ₁)(1 − λ₂); and ry(θ)
    /// followed by k noisy `id` gates: ⟨Z⟩ = (1 − λ)^(k+1) cos θ (Aer's λ convention).
    @Test(arguments: [SimulationMethod.densityMatrix, .auto])
    func depolarizingScalesValuesAnalytically(method: SimulationMethod) throws {
        var options = SimulationOptions(method: method)
        options.noise = NoiseProfile(depolarizing: .init(oneQubit: 0.03, twoQubit: 0.08))
        let bell = try Self.evaluate([Self.zz, Self.xx, Self.z0], Self.circuit(Self.bell), options: options)
        #expect(allClose(bell.map { $0.noisy! }, [0.92, 0.97 * 0.92, 0], tolerance: 1e-12))
        #expect(allClose(bell.map(\.ideal), [1, 1, 0], tolerance: 1e-12))
        let k = 4
        let chain = try Self.circuit(
            "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[1];\nry(0.7) q[0];\n" + String(repeating: "id q[0];\n", count: k))
        let value = try Self.evaluate([Self.z0], chain, options: options)[0]
        #expect(isClose(value.noisy!, pow(0.97, Double(k + 1)) * cos(0.7), tolerance: 1e-12))
    }

    /// Readout error alone (asymmetric, different per qubit): the noisy value of a word on qubits S
    /// is E[Π (a_q + c_q Z_q)] with a = p₀₁ − p₁₀, c = 1 − p₀₁ − p₁₀, and readout mitigation recovers
    /// the value before readout exactly.
    @Test func readoutMitigationRecoversThePreReadoutValue() throws {
        let circuit = try Self.circuit(
            "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\nry(0.9) q[0];\ncx q[0], q[1];\nry(0.4) q[1];\nrz(0.3) q[0];\n")
        let (p10, p01) = ([0.02, 0.07], [0.05, 0.11])
        var noise = NoiseProfile(readout: .init(probMeas1Prep0: p10[0], probMeas0Prep1: p01[0]))
        noise.qubits[1] = .init(readout: .init(probMeas1Prep0: p10[1], probMeas0Prep1: p01[1]))
        let observables = [Self.zz, Self.xx, Self.z0, Self.z1, Self.word([(.y, 0), (.z, 1)])]
        let values = try Self.evaluate(observables, circuit, options: SimulationOptions(noise: noise), readout: true)
        let exact = try Self.evaluate(observables, circuit, options: SimulationOptions())
        let (a, c) = ((0..<2).map { p01[$0] - p10[$0] }, (0..<2).map { 1 - p01[$0] - p10[$0] })
        let (z0, z1, zz) = (exact[2].ideal, exact[3].ideal, exact[0].ideal)
        #expect(isClose(values[2].noisy!, a[0] + c[0] * z0, tolerance: 1e-12))
        #expect(isClose(values[0].noisy!, a[0] * a[1] + a[0] * c[1] * z1 + c[0] * a[1] * z0 + c[0] * c[1] * zz, tolerance: 1e-12))
        #expect(allClose(values.map { $0.readoutMitigated! }, exact.map(\.ideal), tolerance: 1e-12))
        #expect(!allClose(values.map { $0.noisy! }, exact.map(\.ideal), tolerance: 1e-3))
    }

    /// A layout reads logical qubit i on physical qubit layout[i], with that qubit's readout error.
    @Test func aLayoutReadsEachLogicalQubitOnItsPhysicalQubit() throws {
        let logical = try Self.circuit("OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\nx q[0];\n")
        let physical = try Self.circuit("OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\nx q[1];\n")
        var noise = NoiseProfile()
        noise.qubits[1] = .init(readout: .init(probMeas1Prep0: 0, probMeas0Prep1: 0.1))
        let estimation = ObservableEstimation(options: SimulationOptions(noise: noise), layout: [1, 0], mitigatesReadout: true)
        let values = try estimation.evaluate([Self.z0, Self.z1], logical: logical, physical: physical)
        // Logical qubit 0 is |1⟩ on physical qubit 1, read as 0 with probability 0.1: ⟨Z⟩ = −0.8.
        #expect(allClose(values.map { $0.noisy! }, [-0.8, 1], tolerance: 1e-12))
        #expect(allClose(values.map { $0.readoutMitigated! }, [-1, 1], tolerance: 1e-12))
    }

    /// ZNE by global folding: ry(θ) under depolarizing λ holds s noisy gates at scale s, so the value
    /// at s is (1 − λ)^s cos θ; exponential extrapolation returns cos θ, and Richardson at 1, 3, 5 is
    /// its closed form (15 E₁ − 10 E₃ + 3 E₅)/8.
    @Test func zneExtrapolatesTheFoldedValues() throws {
        let circuit = try Self.circuit("OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[1];\nry(0.6) q[0];\n")
        let options = SimulationOptions(method: .densityMatrix, noise: NoiseProfile(depolarizing: .init(oneQubit: 0.05)))
        let scaled = [1.0, 3, 5].map { pow(0.95, $0) * cos(0.6) }
        let exponential = try Self.evaluate(
            [Self.z0], circuit, options: options, zne: ZeroNoiseExtrapolation(extrapolation: .exponential(asymptote: 0)))[0]
        #expect(allClose(exponential.zne!.values, scaled, tolerance: 1e-12))
        #expect(isClose(exponential.zne!.mitigated, cos(0.6), tolerance: 1e-9))
        let richardson = try Self.evaluate([Self.z0], circuit, options: options, zne: ZeroNoiseExtrapolation())[0]
        #expect(isClose(richardson.zne!.mitigated, (15 * scaled[0] - 10 * scaled[1] + 3 * scaled[2]) / 8, tolerance: 1e-12))
    }

    /// With shots every read is sampled: the same seed gives the same values, another seed others,
    /// and the estimate lies within 5σ of the exact value (σ² = (1 − E²)/shots).
    @Test func shotsEstimateTheValueReproducibly() throws {
        var options = SimulationOptions(shots: 20000, seed: 11)
        options.noise = NoiseProfile(depolarizing: .init(oneQubit: 0.02, twoQubit: 0.05), readout: .init(probMeas1Prep0: 0.03, probMeas0Prep1: 0.06))
        let circuit = try Self.circuit(Self.bell)
        let sampled = try Self.evaluate([Self.zz, Self.xx, Self.z0], circuit, options: options, readout: true)
        #expect(sampled == (try Self.evaluate([Self.zz, Self.xx, Self.z0], circuit, options: options, readout: true)))
        options.seed = 12
        #expect(sampled != (try Self.evaluate([Self.zz, Self.xx, Self.z0], circuit, options: options, readout: true)))
        options.shots = 0
        let exact = try Self.evaluate([Self.zz, Self.xx, Self.z0], circuit, options: options, readout: true)
        for (s, e) in zip(sampled, exact) {
            #expect(abs(s.noisy! - e.noisy!) < 5 * (1 - e.noisy! * e.noisy!).squareRoot() / 20000.0.squareRoot())
            #expect(abs(s.readoutMitigated! - e.readoutMitigated!) < 0.05)
        }
    }

    /// On a device, sx folds as rz(π)·sx·rz(π) (native, and sx† up to a global phase).
    @Test func foldingOnANativeBasisUsesNativeInverses() throws {
        let circuit = try Self.circuit("OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\nsx q[0];\nrz(0.4) q[0];\ncx q[0], q[1];\nsx q[1];\n")
        let folded = try UnitaryFolding.global.fold(circuit, scale: 3, native: [.rz, .sx, .x, .cx])
        let gates = folded.operations.compactMap { operation -> StandardGate? in
            if case .gate(let gate, _, _) = operation.kind { return gate }
            return nil
        }
        #expect(Set(gates).isSubset(of: [.rz, .sx, .cx]))
        let ideal = SimulationOptions(method: .statevector)
        #expect(
            allClose(
                try Simulator.run(folded, options: ideal).probabilities, try Simulator.run(circuit, options: ideal).probabilities, tolerance: 1e-12))
        #expect { try UnitaryFolding.global.fold(circuit, scale: 3, native: [.sx, .cx]) } throws: {
            if case .unsupportedStatement = $0 as? LearningError { true } else { false }
        }
    }

    /// Final measurements are dropped; a gate after a measurement of its qubit, a reset or an if is refused at its line.
    @Test func observablesNeedAllMeasurementsAtTheEnd() throws {
        let header = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\ncreg c[2];\n"
        let final = try Self.circuit(header + "h q[0];\nmeasure q[0] -> c[0];\nx q[1];\nmeasure q[1] -> c[1];\n").removingFinalMeasurements()
        #expect(final.operations.count == 2)
        for (body, line) in [("measure q[0] -> c[0];\nh q[0];\n", 6), ("reset q[1];\n", 5), ("if (c==1) x q[0];\n", 5)] {
            #expect {
                _ = try Self.circuit(header + body).removingFinalMeasurements()
            } throws: {
                if case .unsupportedStatement(line, _, _, _)? = $0 as? LearningError { true } else { false }
            }
        }
    }
}

extension ObservableEstimationTests {
    /// Sampled estimates: the same (seed, key, index) repeats exactly, other indices draw other
    /// shots, and the estimate lies within 5 standard errors (σ ≤ 1/√N) of the exact ⟨Z⟩ = cos 0.8.
    @Test func sampledExpectationsAreSeededAndUnbiased() throws {
        let circuit = try ParameterizedCircuit(
            qubitCount: 1, parameterCount: 1, inputCount: 0, gates: [ParameterizedGate(.ry, [0], angle: .parameter(0))]
        ).bind(parameters: [0.8], inputs: [])
        let estimator = ExpectationEstimator(options: SimulationOptions(method: .statevector, shots: 4000, seed: 3), observable: .z(qubit: 0))
        let values = try (0..<20).map { try estimator.expectation(of: circuit, key: 7, index: $0) }
        #expect(try estimator.expectation(of: circuit, key: 7, index: 0) == values[0])
        #expect(Set(values).count > 10)
        let mean = values.reduce(0, +) / 20
        #expect(abs(mean - cos(0.8)) < 5 / (80_000.0).squareRoot())
    }
}
