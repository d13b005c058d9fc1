import Foundation
import QuireCore
import QuireKernels

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
    let buffer = AmplitudeBuffer(qubitCount: circuit.qubitCount)
    parameters.withUnsafeBufferPointer { theta in
        inputs.withUnsafeBufferPointer { u in CompiledCircuit(circuit).prepare(buffer, parameters: theta, inputs: u) }
    }
    return (0..<buffer.count).map { SIMD2(buffer[$0].re, buffer[$0].im) }
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

/// Uniform values in [lo, hi) from a test stream (deterministic).
func uniforms(_ count: Int, seed: UInt64, purpose: String, in range: ClosedRange<Double> = -1...1) -> [Double] {
    let stream = RandomStream(seed: seed, purpose: purpose)
    return (0..<count).map { range.lowerBound + (range.upperBound - range.lowerBound) * stream.uniform(at: UInt64($0)) }
}
