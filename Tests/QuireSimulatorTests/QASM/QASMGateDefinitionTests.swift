import QuireSimulator
import Testing

@Suite("OpenQASM 2.0 user gate definitions")
struct QASMGateDefinitionTests {
    static let nested = """
        qreg w[3];
        creg c[1];
        gate rot(a, b) q { rz(a) q; ry(b/2) q; }
        gate pair(t) x, y { rot(t, 2*t) x; cx x, y; rot(-t, pi) y; U(t, 0, t^2) x; barrier x, y; }
        gate outer(s) p, q, r { pair(s+1) r, p; h q; }
        outer(0.5) w[0], w[1], w[2];
        rot(0.1, 0.2) w;
        if (c==1) pair(0) w[1], w[2];

        """

    @Test("nested user gates expand in order with parameters substituted and qubits mapped")
    func nestedExpansion() throws {
        let ops = try readBody(Self.nested).operations
        #expect(ops.count == 8 + 6 + 7)
        // outer(0.5) w0,w1,w2 → pair(1.5) w2,w0 → x = w2, y = w0, t = 1.5.
        expectGate(ops[0], .rz, [2], [1.5])
        expectGate(ops[1], .ry, [2], [1.5])
        expectGate(ops[2], .cx, [2, 0])
        expectGate(ops[3], .rz, [0], [-1.5])
        expectGate(ops[4], .ry, [0], [Double.pi / 2])
        expectGate(ops[5], .u3, [2], [1.5, 0, 2.25])
        #expect(ops[6].kind == .barrier(qubits: [2, 0]))
        expectGate(ops[7], .h, [1])
        #expect(ops[0...7].allSatisfy { $0.line == 8 && $0.column == 1 && $0.condition == nil })
        // rot(0.1, 0.2) broadcast over w: rz, ry per qubit, qubit by qubit.
        for i in 0..<3 {
            expectGate(ops[8 + 2 * i], .rz, [i], [0.1])
            expectGate(ops[9 + 2 * i], .ry, [i], [0.1])
            #expect(ops[8 + 2 * i].line == 9)
        }
        // The conditioned call: every expanded operation carries the condition.
        let condition = Condition(register: Register(name: "c", size: 1, offset: 0), value: 1)
        #expect(ops[14...].allSatisfy { $0.condition == condition && $0.line == 10 })
        expectGate(ops[16], .cx, [1, 2])
        expectGate(ops[19], .u3, [1], [0, 0, 0])
    }

    @Test("a gate with an empty body or with empty sub-gates expands to nothing")
    func emptyBodies() throws {
        let circuit = try readBody("qreg q[2];\ngate nop a { }\ngate twice a, b { nop a; nop b; }\ntwice q[0], q[1];\nnop q;\nx q[0];\n")
        #expect(circuit.operations.count == 1)
        expectGate(circuit.operations.first, .x, [0])
    }

    /// Before calls of empty gates were dropped from bodies, this took 10⁹ expansion steps.
    @Test("calls of empty gates cost nothing at expansion", .timeLimit(.minutes(1)))
    func emptyCallsAreDropped() throws {
        let body = "qreg q[1];\ngate e(t) a { }\ngate wide a { " + String(repeating: "e(1/0.5) a; ", count: 100_000) + "}\n"
        let circuit = try readBody(body + String(repeating: "wide q[0];\n", count: 10_000) + "x q[0];\n")
        #expect(circuit.operations.count == 1)
    }

    @Test("parameter lists may be empty or omitted, in definitions and calls")
    func emptyParameterLists() throws {
        let circuit = try readBody("qreg q[1];\ngate g() a { x a; }\ngate k a { g() a; g a; }\nk() q[0];\n")
        #expect(circuit.operations.count == 2)
    }

    @Test("deeply chained definitions expand without recursion")
    func deepChain() throws {
        var body = "qreg q[1];\ngate g0 a { x a; }\n"
        for level in 1...2000 { body += "gate g\(level) a { g\(level - 1) a; }\n" }
        body += "g2000 q[0];\n"
        let circuit = try readBody(body)
        #expect(circuit.operations.count == 1)
        expectGate(circuit.operations.first, .x, [0])
    }
}
