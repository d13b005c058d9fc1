import Foundation
import QuireTestSupport
import Testing

@testable import QuireSimulator

/// Circuits Quire compiled for manila and montreal, run with their device noise, against Qiskit Aer
/// on the same compiled QASM with `NoiseModel.from_backend` (compiled_circuits.json from
/// make_compile_reference.py): the noise of compiled circuits, read through the final layout.
struct CompiledReferenceTests {
    /// One case of compiled_circuits.json.
    struct Case: Decodable {
        var name: String
        var device: String
        var layout: String
        var optimization: Int
        var routingSeed: UInt64
        var logical: String
        var compiled: String
        var initialLayout: [Int]
        var finalLayout: [Int]
        var probabilities: [Double]
    }

    static let cases: [Case] = {
        struct File: Decodable { var cases: [Case] }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let url = DeviceReference.folder.appendingPathComponent("compiled_circuits.json")
        do {
            return try decoder.decode(File.self, from: Data(contentsOf: url)).cases
        } catch {
            fatalError("cannot read \(url.path): \(error)")
        }
    }()

    /// Density matrix, readout included, to 1e-9 (the reference is an exact evolution of Aer's own
    /// error channels, which Aer's density-matrix run matches to 1e-8).
    @Test func compiledCircuitsMatchAer() throws {
        #expect(Self.cases.count == 5)
        for entry in Self.cases {
            let compiled = DeviceCompilation(
                circuit: try QASMReader.read(entry.compiled), initialLayout: Layout(physical: entry.initialLayout),
                finalLayout: Layout(physical: entry.finalLayout), swapCount: 0)
            let result = try compiled.run(on: try DeviceSnapshots.device(entry.device), options: SimulationOptions(method: .densityMatrix))
            #expect(result.probabilities.count == entry.probabilities.count, "\(entry.name)")
            #expect(maxDifference(result.probabilities, entry.probabilities) <= 1e-9, "\(entry.name)")
        }
    }

    /// Compiling the logical circuit here gives the QASM `quire sim --emit-qasm` wrote when the
    /// reference was made, byte for byte (another process; thread count and machine do not enter).
    @Test func compilingAgainGivesTheSameQASM() throws {
        for entry in Self.cases {
            let device = try DeviceSnapshots.device(entry.device)
            let options = CompileOptions(
                layout: try #require(LayoutMethod(rawValue: entry.layout)), routingSeed: entry.routingSeed, optimizationLevel: entry.optimization)
            let compiled = try DeviceCompiler.compile(try QASMReader.read(entry.logical), for: device, options: options)
            #expect(compiled.qasm(device: device.name, options: options) == entry.compiled, "\(entry.name)")
        }
    }
}
