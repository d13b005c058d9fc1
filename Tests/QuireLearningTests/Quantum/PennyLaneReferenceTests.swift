import QuireCircuitTestSupport
import QuireTestSupport
import Testing

@testable import QuireLearning

/// Quire's strongly-entangling model against PennyLane (Reference/generate_pennylane_gradients.py):
/// AngleEmbedding(rotation="Y") of 2 features on 4 wires, 2 StronglyEntanglingLayers, ⟨Z0⟩ or parity.
struct PennyLaneReferenceTests {
    struct Case: Decodable {
        let observable: String
        let weights: [Double]
        let features: [Double]
        let value: Double
        let gradient: [Double]
    }

    struct File: Decodable {
        let pennylaneVersion: String
        let cases: [Case]
    }

    /// Both are exact statevector computations: agreement to 1e-12 checks the layer convention
    /// (Rot = rz·ry·rz, CNOT ranges, weight order) and the gradients.
    @Test func stronglyEntanglingMatchesPennyLane() throws {
        let file = try referenceFixture("pennylane_gradients.json", as: File.self)
        #expect(file.cases.count == 4)
        for c in file.cases {
            let encoding = try Encoding(.angle(rotation: .y, scale: 1), featureCount: 2, qubitCount: 4)
            let model = try VariationalModel(
                encoding: encoding, ansatz: .stronglyEntangling, layers: 2, observable: ReadoutObservable(label: c.observable)!)
            let (value, gradient) = CircuitFixtures.adjointGradient(model.circuit, c.weights, c.features, zMask: model.zMask)
            #expect(isClose(value, c.value, tolerance: 1e-12))
            #expect(allClose(gradient, c.gradient, tolerance: 1e-12))
        }
    }
}
