import Foundation
import Numerics
import Testing

@testable import QuireSimulator

/// The compiled-QASM writer reads back through QASMReader to the same unitary and operations.
struct CompiledQASMTests {
    @Test(arguments: CompileTestSupport.bases)
    func roundTripsThroughTheReader(basis: NativeBasis) throws {
        let circuit = CompileTestSupport.randomCircuit(qubits: 4, count: 30, seed: 11).translated(to: basis).optimized(level: 2, basis: basis)
        let read = try QASMReader.read(circuit.qasm())
        #expect(CompileTestSupport.distanceUpToPhase(CompileTestSupport.unitary(read), CompileTestSupport.unitary(circuit)) <= 1e-12)
    }

    /// Without device-native gates the text reads back to the very same operations, parameters bit for bit.
    @Test func qelib1GatesReadBackExactly() throws {
        let circuit = CompileTestSupport.randomCircuit(qubits: 3, count: 40, seed: 12, gates: StandardGate.qelib1)
        let read = try QASMReader.read(circuit.qasm())
        #expect(read.operations.map(\.kind) == circuit.operations.map(\.kind))
    }

    @Test func keepsRegistersConditionsAndNonUnitaryOperations() throws {
        let source = """
            OPENQASM 2.0;
            include "qelib1.inc";
            qreg a[2];
            qreg b[1];
            creg c[2];
            creg d[1];
            h a[1];
            barrier a[0],b[0];
            measure b[0] -> d[0];
            if(d==1) cx a[0],b[0];
            reset a[1];
            rz(1e-05) a[0];
            rz(-1.5707963267948966) b[0];

            """
        let circuit = try QASMReader.read(source)
        #expect(circuit.qasm() == source)
    }

    @Test func definesOnlyTheDeviceGatesUsed() {
        var circuit = Circuit(quantumRegisters: [Register(name: "q", size: 2, offset: 0)])
        circuit.operations = [Operation(.gate(.ecr, qubits: [0, 1], parameters: [])), Operation(.gate(.rz, qubits: [1], parameters: [0.5]))]
        let text = circuit.qasm()
        #expect(text.contains("gate ecr a,b"))
        #expect(!text.contains("gate gpi"))
        #expect(!text.contains("gate ms"))
    }

    /// Each device-native gate's QASM definition, read by QASMReader, is its matrix exactly, phase included.
    @Test(arguments: StandardGate.allCases.filter(\.isDeviceNative))
    func definitionsAreExact(gate: StandardGate) throws {
        let parameters = [0.7, -2.1].prefix(gate.parameterCount).map { $0 }
        var circuit = Circuit(quantumRegisters: [Register(name: "q", size: gate.qubitCount, offset: 0)])
        circuit.operations = [Operation(.gate(gate, qubits: Array(0..<gate.qubitCount), parameters: parameters))]
        let read = try QASMReader.read(circuit.qasm())
        #expect(CompileTestSupport.unitary(read).maxDistance(to: gate.matrix(parameters: parameters)) <= 1e-12)
    }
}

/// Compiled circuits on every basis, written by `qasm()`, against the files in Reference/compiled
/// (byte for byte) and Qiskit's unitary of those files (generate_compiled_unitaries.py).
struct CompiledQASMReferenceTests {
    @Test(arguments: Array(CompileTestSupport.bases.indices))
    func matchesQiskitsReading(index: Int) throws {
        let basis = CompileTestSupport.bases[index]
        let circuit = CompileTestSupport.randomCircuit(qubits: 3, count: 12, seed: 2026 + UInt64(index))
            .translated(to: basis).optimized(level: 2, basis: basis)
        let file = "\(basis.oneQubit.rawValue)_\(basis.entangler.rawValue).qasm"
        let golden = try String(contentsOf: ReferenceData.folder.appendingPathComponent("compiled/\(file)"), encoding: .utf8)
        #expect(circuit.qasm() == golden)
        let entry = try #require((ReferenceData.json("compiled_unitaries.json") as! [String: [String: [Double]]])[file])
        let qiskit = ComplexMatrix(dimension: 8, elements: zip(entry["real"]!, entry["imag"]!).map { Complex($0, $1) })
        // Exact definitions: equal with the global phase.
        #expect(CompileTestSupport.unitary(circuit).maxDistance(to: qiskit) <= 1e-12)
    }
}
