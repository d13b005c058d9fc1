import QuireSimulator
import Testing

/// The device-native gates (ecr, gpi, gpi2, ms) are not qelib1.inc gates: a program names them
/// only through its own definitions, as with Qiskit's reader.
struct QASMDeviceGateTests {
    @Test(arguments: ["ecr q[0],q[1];", "gpi(0.5) q[0];", "gpi2(0.5) q[0];", "ms(0,0) q[0],q[1];"])
    func undefinedDeviceGateIsUnknownEvenWithTheInclude(statement: String) {
        let name = String(statement.prefix { $0.isLetter || $0.isNumber })
        expectError(qasmHeader + "qreg q[2];\n" + statement + "\n", line: 4, column: 1, "unknown gate `\(name)`")
    }

    /// Without the include, the hint does not claim qelib1.inc declares the gate.
    @Test func undefinedDeviceGateIsNotOfferedAsAQelib1Gate() {
        expectError("OPENQASM 2.0;\nqreg q[2];\necr q[0],q[1];\n", line: 3, column: 1, "unknown gate `ecr`", hint: "Declare it with `gate`")
    }

    /// A program's own `ecr` (after the include too) is an ordinary user gate, expanded.
    @Test func userDefinitionIsExpanded() throws {
        let circuit = try readBody("qreg q[2];\ngate ecr a,b { cx a,b; x a; }\necr q[1],q[0];\n")
        #expect(circuit.operations.count == 2)
        expectGate(circuit.operations.first, .cx, [1, 0])
        expectGate(circuit.operations.last, .x, [1])
    }
}
