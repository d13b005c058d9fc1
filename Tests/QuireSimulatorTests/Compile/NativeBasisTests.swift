import Testing

@testable import QuireSimulator

/// The basis Quire chooses for a device's native gates.
struct NativeBasisTests {
    @Test func choosesTheFamilyTheGatesCover() throws {
        let ibm = try NativeBasis(nativeGates: [.id, .rz, .sx, .x, .ecr])
        #expect((ibm.oneQubit, ibm.entangler) == (.rzSX, .ecr))
        let ibmCX = try NativeBasis(nativeGates: [.cx, .id, .rz, .sx, .x])
        #expect((ibmCX.oneQubit, ibmCX.entangler) == (.rzSX, .cx))
        let rigetti = try NativeBasis(nativeGates: [.rx, .rz, .cz])
        #expect((rigetti.oneQubit, rigetti.entangler) == (.rzRX, .cz))
        let ionq = try NativeBasis(nativeGates: [.gpi, .gpi2, .ms])
        #expect((ionq.oneQubit, ionq.entangler) == (.gpi, .ms))
        let generic = try NativeBasis(nativeGates: [.u1, .u2, .u3, .cx])
        #expect((generic.oneQubit, generic.entangler) == (.u3, .cx))
    }

    @Test func uncoveredGatesNameWhatIsMissing() {
        #expect(throws: SimulationError.uncoveredNativeGates(nativeGates: [.rz, .cx], missingOneQubit: true, missingEntangler: false)) {
            try NativeBasis(nativeGates: [.rz, .cx])
        }
        let error = SimulationError.uncoveredNativeGates(nativeGates: [.rz, .sx], missingOneQubit: false, missingEntangler: true)
        #expect(error.diagnostic.message == "the native gates [rz, sx] have no entangling gate (cx, ecr, cz or ms)")
    }

    /// Without `x` in the list, a π rotation is written with two `sx`, never `x`.
    @Test func usesXOnlyWhenListed() throws {
        let basis = try NativeBasis(nativeGates: [.rz, .sx, .cx])
        let circuit = Circuit(
            quantumRegisters: [Register(name: "q", size: 1, offset: 0)], operations: [Operation(.gate(.y, qubits: [0], parameters: []))])
        #expect(!circuit.translated(to: basis).operations.contains { $0.kind == .gate(.x, qubits: [0], parameters: []) })
    }

    /// Translated operations keep the source operation's condition, line and column.
    @Test func keepsLocationsAndConditions() throws {
        let source = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[3];\ncreg c[1];\nmeasure q[0] -> c[0];\nif(c==1) ccx q[0],q[1],q[2];\n"
        let circuit = try QASMReader.read(source)
        let translated = circuit.translated(to: try NativeBasis(nativeGates: [.rz, .sx, .x, .ecr]))
        #expect(translated.operations.count > 10)
        for operation in translated.operations.dropFirst() {
            #expect((operation.line, operation.column) == (6, 1))
            #expect(operation.condition == circuit.operations[1].condition)
        }
    }
}
