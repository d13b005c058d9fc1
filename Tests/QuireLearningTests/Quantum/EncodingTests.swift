import Foundation
import QuireSimulator
import QuireTestSupport
import Testing

@testable import QuireLearning

struct EncodingTests {
    /// The cascade must reproduce x/‖x‖ padded with zeros exactly: 1e-12 allows only rounding.
    @Test(arguments: [(1, 1), (2, 1), (3, 2), (4, 2), (5, 3), (8, 3), (7, 4), (16, 4), (20, 5)])
    func amplitudeEncodingPreparesTheNormalisedVector(features: Int, qubits: Int) throws {
        let encoding = try Encoding(.amplitude, featureCount: features, qubitCount: qubits)
        for trial in 0..<3 {
            var x = uniforms(features, seed: 7, purpose: "amplitude-\(features)-\(trial)")
            if trial == 2, features > 2 { x[1] = 0 }  // a zero amplitude inside a block
            let norm = x.reduce(0) { $0 + $1 * $1 }.squareRoot()
            let state = preparedState(encoding.circuit, inputs: try encoding.inputs(for: x))
            for i in 0..<(1 << qubits) {
                let expected = i < features ? x[i] / norm : 0
                #expect(abs(state[i].x - expected) < 1e-12 && abs(state[i].y) < 1e-12, "amplitude \(i)")
            }
        }
    }

    @Test func amplitudeEncodingCostsAndRejectsZero() throws {
        let encoding = try Encoding(.amplitude, featureCount: 8)
        #expect(encoding.qubitCount == 3)
        let counts = Dictionary(uniqueKeysWithValues: encoding.resources.gateCounts.map { ($0.name, $0.count) })
        #expect(counts == ["ry": 7, "cx": 8])  // 2^n − 1 ry, 2^(n+1) − 2n − 2 cx
        #expect(throws: LearningError.self) { try encoding.inputs(for: Array(repeating: 0, count: 8)) }
        #expect(throws: LearningError.self) { try Encoding(.amplitude, featureCount: 8, qubitCount: 2) }
    }

    /// Bound circuit through the general statevector engine gives the same probabilities.
    /// Found by review: 1000 features said "`qubits` = 1000 is outside its valid range [1000, 24]",
    /// an empty range blaming the qubits; the features are what is out of range.
    @Test(arguments: [
        (Encoding.Kind.angle(rotation: .y, scale: 1), 1000, "[1, 24]"), (.iqp(reps: 1), 25, "[1, 24]"), (.amplitude, 1 << 25, "[1, 16777216]"),
    ])
    func tooManyFeaturesForTheQubitsIsTheFeaturesFault(kind: Encoding.Kind, features: Int, range: String) {
        #expect {
            try Encoding(kind, featureCount: features)
        } throws: { error in
            let message = (error as? LearningError)?.diagnostic.message ?? ""
            return message.contains("`features` = \(features) is outside its valid range \(range)") && !message.contains("qubits` =")
        }
    }

    @Test func amplitudeEncodingRunsOnTheSimulator() throws {
        let encoding = try Encoding(.amplitude, featureCount: 6)
        let x = [0.3, -0.2, 0.5, 0.1, -0.7, 0.4]
        let norm2 = x.reduce(0) { $0 + $1 * $1 }
        let circuit = encoding.circuit.bind(parameters: [], inputs: try encoding.inputs(for: x))
        let result = try Simulator.run(circuit, options: SimulationOptions(method: .statevector))
        #expect(allClose(result.probabilities, x.map { $0 * $0 / norm2 } + [0, 0], tolerance: 1e-12))
    }

    /// Angle encoding is the product state ⊗ (cos(x/2)|0⟩ + sin(x/2)|1⟩) for ry.
    @Test func angleEncodingIsAProductOfRotations() throws {
        let encoding = try Encoding(.angle(rotation: .y, scale: 1), featureCount: 2, qubitCount: 3)
        let x = [0.4, 1.3]
        let state = preparedState(encoding.circuit, inputs: try encoding.inputs(for: x))
        let q0 = [cos(0.2), sin(0.2)]
        let q1 = [cos(0.65), sin(0.65)]
        for i in 0..<8 {
            let expected = i >= 4 ? 0 : q0[i & 1] * q1[i >> 1 & 1]
            #expect(abs(state[i].x - expected) < 1e-14 && abs(state[i].y) < 1e-14)
        }
        #expect(encoding.resources == ResourceCount(qubits: 3, depth: 1, gateCounts: [.init(name: "ry", count: 2)], parameters: 0))
        #expect(throws: LearningError.self) { try Encoding(.angle(rotation: .x, scale: 1), featureCount: 4, qubitCount: 3) }
    }

    @Test func basisEncodingFlipsTheOnes() throws {
        let encoding = try Encoding(.basis, featureCount: 3)
        let state = preparedState(encoding.circuit, inputs: try encoding.inputs(for: [1, 0, 1]))
        #expect(abs(fidelity(state, (0..<8).map { $0 == 0b101 ? SIMD2(1, 0) : SIMD2(0, 0) }) - 1) < 1e-14)
        #expect(throws: LearningError.self) { try encoding.inputs(for: [1, 0.5, 0]) }
    }

    struct FeatureMapCase: Decodable {
        let features: [Double]
        let reps: Int
        let re: [Double]
        let im: [Double]
    }

    /// IQP equals Qiskit's ZZFeatureMap (full entanglement) up to a global phase (fidelity 1 to 1e-12).
    @Test func iqpMatchesQiskitZZFeatureMap() throws {
        let cases = try referenceFixture("feature_maps.json", as: [String: [FeatureMapCase]].self)["zz_feature_map"]!
        #expect(cases.count == 6)
        for c in cases {
            let encoding = try Encoding(.iqp(reps: c.reps), featureCount: c.features.count)
            let state = preparedState(encoding.circuit, inputs: try encoding.inputs(for: c.features))
            let reference = zip(c.re, c.im).map { SIMD2($0, $1) }
            #expect(abs(fidelity(state, reference) - 1) < 1e-12)
        }
        let cost = try Encoding(.iqp(reps: 1), featureCount: 3).resources
        #expect(cost.depth == 5 && cost.totalGates == 9 && cost.twoQubitGates == 3)
    }
}
