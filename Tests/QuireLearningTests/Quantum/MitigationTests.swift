import Foundation
import QuireSimulator
import QuireTestSupport
import Testing

@testable import QuireLearning

struct MitigationTests {
    static func sampleCircuit() -> Circuit {
        let ops: [QuireSimulator.Operation.Kind] = [
            .gate(.h, qubits: [0], parameters: []), .gate(.ry, qubits: [1], parameters: [0.7]), .gate(.cx, qubits: [0, 1], parameters: []),
            .gate(.u3, qubits: [1], parameters: [0.3, 1.1, -0.4]), .gate(.t, qubits: [0], parameters: []),
            .gate(.rzz, qubits: [0, 1], parameters: [0.9]),
            .gate(.sx, qubits: [1], parameters: []),
        ]
        return Circuit(quantumRegisters: [Register(name: "q", size: 2, offset: 0)], operations: ops.map { QuireSimulator.Operation($0) })
    }

    /// G·G† = I for every gate with a standard inverse (matrices from QuireSimulator, to 1e-12).
    @Test func inversesAreInverses() {
        for gate in StandardGate.allCases {
            let parameters = (0..<gate.parameterCount).map { 0.37 + 0.41 * Double($0) }
            guard let inverse = gate.inverse(parameters: parameters) else {
                #expect([.csx, .rc3x, .c3sqrtx].contains(gate))
                continue
            }
            let product = gate.matrix(parameters: parameters) * inverse.gate.matrix(parameters: inverse.parameters)
            #expect(product.maxDistance(to: .identity(product.dimension)) < 1e-12, "\(gate)")
        }
    }

    /// Folding keeps the unitary (same noiseless probabilities) and scales the gate count as Mitiq does.
    @Test(arguments: UnitaryFolding.allCases)
    func foldingPreservesTheUnitary(folding: UnitaryFolding) throws {
        let circuit = Self.sampleCircuit()
        let ideal = try Simulator.run(circuit, options: SimulationOptions(method: .statevector)).probabilities
        for (scale, gates) in [(1.0, 7), (3.0, 21), (5.0, 35), (2.0, 7 + 2 * 4), (1.5, 7 + 2 * 2)] {
            let folded = try folding.fold(circuit, scale: scale, seed: 4)
            #expect(folded.operations.count == gates, "scale \(scale)")
            #expect(allClose(try Simulator.run(folded, options: SimulationOptions(method: .statevector)).probabilities, ideal, tolerance: 1e-12))
        }
        #expect(throws: LearningError.self) { try folding.fold(circuit, scale: 0.5) }
    }

    /// Each method is exact on data of its own model.
    @Test func extrapolationsAreExactOnTheirModels() throws {
        let scales = [1.0, 2, 3.5]
        #expect(isClose(try Extrapolation.linear.extrapolate(scales: scales, values: scales.map { 2 - 0.3 * $0 }), 2, tolerance: 1e-14))
        #expect(
            isClose(
                try Extrapolation.richardson.extrapolate(scales: scales, values: scales.map { 1 - 0.2 * $0 + 0.01 * $0 * $0 }), 1, tolerance: 1e-13))
        #expect(
            isClose(
                try Extrapolation.exponential(asymptote: 0.1).extrapolate(scales: scales, values: scales.map { 0.1 + 0.8 * exp(-0.2 * $0) }), 0.9,
                tolerance: 1e-13))
        #expect(
            isClose(
                try Extrapolation.exponential(asymptote: 0).extrapolate(scales: scales, values: scales.map { -0.5 * exp(-0.1 * $0) }), -0.5,
                tolerance: 1e-13))
        // Linear least squares on non-collinear points: the fit through (1, 1), (2, 2), (3, 2) has intercept 2/3.
        #expect(isClose(try Extrapolation.linear.extrapolate(scales: [1, 2, 3], values: [1, 2, 2]), 2.0 / 3, tolerance: 1e-14))
    }

    /// ry(θ) under one-qubit depolarizing p: globally folded to odd λ it holds λ noisy gates, so
    /// ⟨Z⟩(λ) = (1 − p)^λ cos θ and exponential ZNE recovers cos θ.
    @Test func zneRecoversTheIdealValueUnderDepolarizing() throws {
        var noise = NoiseProfile()
        noise.depolarizing = .init(oneQubit: 0.05, twoQubit: 0)
        let circuit = Circuit(
            quantumRegisters: [Register(name: "q", size: 1, offset: 0)],
            operations: [QuireSimulator.Operation(.gate(.ry, qubits: [0], parameters: [0.6]))])
        let estimator = ExpectationEstimator(options: SimulationOptions(method: .densityMatrix, noise: noise), observable: .z(qubit: 0))
        let zne = ZeroNoiseExtrapolation(scaleFactors: [1, 3, 5], folding: .global, extrapolation: .exponential(asymptote: 0))
        let estimate = try zne.estimate(circuit, estimator: estimator, key: 0)
        #expect(allClose(estimate.values, [1, 3, 5].map { pow(0.95, $0) * cos(0.6) }, tolerance: 1e-12))
        #expect(isClose(estimate.mitigated, cos(0.6), tolerance: 1e-12))
        let richardson = try ZeroNoiseExtrapolation(extrapolation: .richardson).estimate(circuit, estimator: estimator, key: 0)
        #expect(abs(richardson.mitigated - cos(0.6)) < abs(estimate.values[0] - cos(0.6)) / 10)
    }

    /// Inverting the confusion matrices undoes readout error exactly (per-qubit overrides included).
    @Test func readoutMitigationInvertsReadoutError() throws {
        var noise = NoiseProfile()
        noise.readout = .init(probMeas1Prep0: 0.02, probMeas0Prep1: 0.05)
        noise.qubits = [1: .init(readout: .init(probMeas1Prep0: 0.1, probMeas0Prep1: 0.03))]
        let circuit = Self.sampleCircuit()
        let ideal = try Simulator.run(circuit, options: SimulationOptions(method: .statevector)).probabilities
        let noisy = try Simulator.run(circuit, options: SimulationOptions(method: .densityMatrix, noise: noise)).probabilities
        #expect(!allClose(noisy, ideal, tolerance: 1e-3))
        #expect(allClose(try ReadoutMitigation.mitigate(noisy, noise: noise), ideal, tolerance: 1e-12))
        let mitigated = ExpectationEstimator(
            options: SimulationOptions(method: .densityMatrix, noise: noise), observable: .parity, mitigatesReadout: true)
        #expect(
            isClose(
                try mitigated.expectation(of: circuit, key: 0, index: 0), ReadoutObservable.parity.expectation(probabilities: ideal, qubits: 2),
                tolerance: 1e-12))
    }
}
