import QuireCore
import QuireLearning
import QuireSimulator

/// Issue 17's per-evaluation cost at 4 qubits (target: under 1 µs): the moons model's circuit
/// (angle-y encoding of 2 features on 4 qubits, 2 strongly entangling layers, ⟨Z0⟩) evaluated with
/// and without its adjoint gradient, and a 200 × 200 fidelity-kernel Gram matrix, on one thread.
enum SmallCircuitBenchmark {
    /// Prints nanoseconds per evaluation, per gradient, per kernel state and per kernel entry.
    static func run() throws {
        let encoding = try Encoding(.angle(rotation: .y, scale: 1), featureCount: 2, qubitCount: 4)
        let model = try VariationalModel(encoding: encoding, ansatz: .stronglyEntangling, layers: 2, observable: .z(qubit: 0))
        let compiled = CompiledCircuit(model.circuit)
        let workspace = compiled.makeWorkspace()
        let stream = RandomStream(seed: 17, purpose: "small-circuits")
        let rows = 200
        let inputs = (0..<rows).map { r in (0..<model.circuit.inputCount).map { stream.uniform(at: UInt64(r * 16 + $0)) } }
        let theta = (0..<model.circuit.parameterCount).map { stream.substream("theta").uniform(at: UInt64($0)) }
        var gradient = [Double](repeating: 0, count: theta.count)
        var sink = 0.0
        let evaluations = 100_000
        let value = try Stopwatch.median(repeats: 3) {
            theta.withUnsafeBufferPointer { t in
                for e in 0..<evaluations {
                    inputs[e % rows].withUnsafeBufferPointer { u in
                        sink += compiled.expectation(parameters: t, inputs: u, zMask: 1, workspace: workspace)
                    }
                }
            }
        }
        let adjoint = try Stopwatch.median(repeats: 3) {
            theta.withUnsafeBufferPointer { t in
                gradient.withUnsafeMutableBufferPointer { g in
                    for e in 0..<evaluations {
                        inputs[e % rows].withUnsafeBufferPointer { u in
                            sink += compiled.adjointGradient(parameters: t, inputs: u, zMask: 1, workspace: workspace, gradient: g)
                        }
                    }
                }
            }
        }
        let kernel = FidelityKernel(encoding: encoding)
        let features = Matrix(rows: rows, columns: 2, elements: inputs.flatMap { Array($0.prefix(2)) })
        var states: FidelityKernel.States?
        let prepare = try Stopwatch.median(repeats: 3) { states = try kernel.states(features) }
        let gram = try Stopwatch.median(repeats: 3) { sink += kernel.gram(states!)[0, 0] }
        let gates = model.circuit.gates.count
        print("small: 4 qubits, \(gates) gates, \(theta.count) parameters (sink \(sink.isFinite))")
        print("small: expectation \(ns(value, evaluations)) ns per evaluation; adjoint gradient \(ns(adjoint, evaluations)) ns")
        print("small: fidelity kernel \(ns(prepare, rows)) ns per state, \(ns(gram, rows * (rows + 1) / 2)) ns per entry")
    }

    private static func ns(_ seconds: Double, _ count: Int) -> String {
        String(Int((seconds / Double(count) * 1e9).rounded()))
    }
}
