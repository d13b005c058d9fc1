import QuireSimulator
import Testing

@Suite("OpenQASM 2.0 statements")
struct QASMStatementTests {
    @Test("registers are numbered by concatenation in declaration order")
    func registers() throws {
        let circuit = try readBody("qreg a[2];\ncreg c[2];\nqreg b[3];\ncreg d[1];\n")
        #expect(circuit.quantumRegisters == [Register(name: "a", size: 2, offset: 0), Register(name: "b", size: 3, offset: 2)])
        #expect(circuit.classicalRegisters == [Register(name: "c", size: 2, offset: 0), Register(name: "d", size: 1, offset: 2)])
        #expect(circuit.qubitCount == 5 && circuit.clbitCount == 3)
        #expect(circuit.operations.isEmpty)
    }

    /// Every qelib1.inc gate maps to the case of the same name, with parameters in the order written
    /// and qubits in the order written (controls first), here deliberately descending.
    @Test("every qelib1.inc gate keeps its name, parameter order and qubit order", arguments: StandardGate.qelib1)
    func qelib1Gate(gate: StandardGate) throws {
        let parameters = (0..<gate.parameterCount).map { 0.125 * Double($0 + 1) }
        let qubits = Array((0..<gate.qubitCount).reversed())
        let written = parameters.isEmpty ? "" : "(" + parameters.map { "\($0)" }.joined(separator: ",") + ")"
        let arguments = qubits.map { "q[\($0)]" }.joined(separator: ", ")
        let circuit = try readBody("qreg q[5];\n\(gate.rawValue)\(written) \(arguments);\n")
        #expect(circuit.operations.count == 1)
        expectGate(circuit.operations.first, gate, qubits, parameters)
    }

    @Test("the builtins U and CX need no include and read as u3 and cx")
    func builtins() throws {
        let circuit = try QASMReader.read("OPENQASM 2.0;\nqreg q[2];\nU(0.5, -1, pi) q[1];\nCX q[1], q[0];\n")
        expectGate(circuit.operations.first, .u3, [1], [0.5, -1, Double.pi])
        expectGate(circuit.operations.last, .cx, [1, 0])
    }

    @Test("a gate broadcasts over whole registers, mixing indexed qubits")
    func broadcast() throws {
        let circuit = try readBody("qreg a[3];\nqreg b[3];\nh a;\ncx a, b;\ncx a[1], b;\nrz(pi/2) b;\n")
        let ops = circuit.operations
        #expect(ops.count == 12)
        for i in 0..<3 {
            expectGate(ops[i], .h, [i])
            expectGate(ops[3 + i], .cx, [i, 3 + i])
            expectGate(ops[6 + i], .cx, [1, 3 + i])
            expectGate(ops[9 + i], .rz, [3 + i], [Double.pi / 2])
        }
    }

    @Test("measure broadcasts register to register and reads indexed bits")
    func measure() throws {
        let circuit = try readBody(
            "qreg q[2];\nqreg r[1];\ncreg c[2];\ncreg d[1];\nmeasure q -> c;\nmeasure r[0] -> d[0];\nmeasure q[0] -> c[1];\n")
        #expect(
            circuit.operations.map(\.kind) == [
                .measure(qubit: 0, clbit: 0), .measure(qubit: 1, clbit: 1), .measure(qubit: 2, clbit: 2), .measure(qubit: 0, clbit: 1),
            ])
    }

    @Test("reset broadcasts; barrier lists each qubit once, in order of first mention")
    func resetAndBarrier() throws {
        let circuit = try readBody("qreg q[2];\nqreg r[2];\nreset q;\nreset r[1];\nbarrier r[1], q, r[1], q[0];\nbarrier r;\n")
        #expect(
            circuit.operations.map(\.kind) == [
                .reset(qubit: 0), .reset(qubit: 1), .reset(qubit: 3), .barrier(qubits: [3, 0, 1]), .barrier(qubits: [2, 3]),
            ])
    }

    @Test("if attaches its condition to every operation the statement expands into")
    func conditional() throws {
        let circuit = try readBody(
            """
            qreg q[2];
            creg a[1];
            creg c[3];
            gate pair x, y { h x; cx x, y; }
            if (c==5) x q;
            if(c == 18446744073709551615) measure q[0] -> c[1];
            if (a==1) reset q[1];
            if (c==0) pair q[1], q[0];
            h q[0];

            """)
        let c = Register(name: "c", size: 3, offset: 1)
        let conditions = circuit.operations.map(\.condition)
        #expect(
            conditions == [
                Condition(register: c, value: 5), Condition(register: c, value: 5), Condition(register: c, value: .max),
                Condition(register: Register(name: "a", size: 1, offset: 0), value: 1),
                Condition(register: c, value: 0), Condition(register: c, value: 0), nil,
            ])
        #expect(circuit.operations[2].kind == .measure(qubit: 0, clbit: 2))
        expectGate(circuit.operations[5], .cx, [1, 0])
    }

    @Test("operations carry the line and byte column where their statement starts")
    func positions() throws {
        let source =
            "// a comment before the header\nOPENQASM 2.0; include \"qelib1.inc\";\nqreg q[2]; creg c[2];\n  h q;  if (c==1) x q[0];\n\tmeasure q[1] -> c[1];"
        let circuit = try QASMReader.read(source)
        #expect(circuit.operations.map { [$0.line, $0.column] } == [[4, 3], [4, 3], [4, 9], [5, 2]])
    }

    @Test("CRLF line endings, tabs, a byte-order mark and a final comment without newline are accepted")
    func lineEndings() throws {
        let source =
            "\u{FEFF}// header next\r\nOPENQASM 2.0;\r\ninclude \"qelib1.inc\";\r\nqreg q[1];\r\n\tx q[0]; // end\r\nh q[0]; // last"
        let circuit = try QASMReader.read(source)
        #expect(circuit.operations.map { [$0.line, $0.column] } == [[5, 2], [6, 1]])
        expectGate(circuit.operations.first, .x, [0])
    }

    @Test("without include, a user gate may take a qelib1.inc name and is expanded")
    func userGateWithQelib1NameWithoutInclude() throws {
        let circuit = try QASMReader.read("OPENQASM 2.0;\ngate h a { U(pi/2, 0, pi) a; }\nqreg q[1];\nh q[0];\n")
        #expect(circuit.operations.count == 1)
        expectGate(circuit.operations.first, .u3, [0], [Double.pi / 2, 0, Double.pi])
    }
}
