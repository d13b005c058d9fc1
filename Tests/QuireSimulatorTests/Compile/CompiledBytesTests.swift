import QuireCore
import Testing

@testable import QuireSimulator

/// The compiled QASM of a benchmark-sized circuit, pinned byte for byte (SHA-256), so a faster
/// compiler cannot change what it writes: 20 qubits, 600 gates on montreal's heavy hex, both
/// layouts at optimisation level 1 (hundreds of SWAPs, many scored ties). Recorded before the
/// router's scoring loops were sped up.
struct CompiledBytesTests {
    @Test(arguments: [
        (LayoutMethod.trivial, "f81ed1857a948f5ff2238d95f739454973c3679f3944ca5affc9b5922ec5ad93"),
        (LayoutMethod.noiseAware, "3af4353db6ca31ef2b0b5beaabd9f600300bb964945c4b06a6257b786df79ace"),
    ])
    func compiledQASMIsPinned(layout: LayoutMethod, sha256: String) throws {
        let circuit = CompileFixtures.randomCircuit(qubits: 20, length: 600, stream: RandomStream(seed: 2026, purpose: "pinned-compile"))
        let compiled = try DeviceCompiler.compile(
            circuit, for: try DeviceSnapshots.device("montreal"), options: CompileOptions(layout: layout, routingSeed: 1, optimizationLevel: 1))
        let qasm = compiled.qasm(device: "montreal", options: CompileOptions(layout: layout, routingSeed: 1, optimizationLevel: 1))
        #expect(Hashing.sha256Hex(Array(qasm.utf8)) == sha256)
    }
}
