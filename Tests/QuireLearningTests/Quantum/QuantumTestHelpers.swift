import Foundation
import QuireCore
import QuireSimulator

@testable import QuireLearning

/// Reads a JSON fixture from Tests/QuireLearningTests/Reference (written by the scripts there).
func referenceFixture<T: Decodable>(_ name: String, as type: T.Type = T.self) throws -> T {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Reference/\(name)")
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return try decoder.decode(T.self, from: Data(contentsOf: url))
}

/// The amplitudes (re, im) that `circuit` prepares from |0…0⟩ on the fast path.
func preparedState(_ circuit: ParameterizedCircuit, parameters: [Double] = [], inputs: [Double]) -> [SIMD2<Double>] {
    let compiled = CompiledCircuit(circuit)
    var (real, imaginary) = ([Double](repeating: 0, count: 1 << circuit.qubitCount), [Double](repeating: 0, count: 1 << circuit.qubitCount))
    parameters.withUnsafeBufferPointer { theta in
        inputs.withUnsafeBufferPointer { u in
            compiled.prepareAmplitudes(
                parameters: theta, inputs: u, workspace: compiled.makeWorkspace(), real: &real, imaginary: &imaginary)
        }
    }
    return zip(real, imaginary).map { SIMD2($0, $1) }
}

/// |⟨a|b⟩|² of two states given as (re, im) amplitudes.
func fidelity(_ a: [SIMD2<Double>], _ b: [SIMD2<Double>]) -> Double {
    var re = 0.0
    var im = 0.0
    for (x, y) in zip(a, b) {
        re += x.x * y.x + x.y * y.y
        im += x.x * y.y - x.y * y.x
    }
    return re * re + im * im
}
