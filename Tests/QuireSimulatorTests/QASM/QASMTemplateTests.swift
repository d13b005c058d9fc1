import QuireSimulator
import Testing

@Suite("OpenQASM 2.0 templates with symbolic parameters")
struct QASMTemplateTests {
    /// Reads `body` after the standard header, with `theta` and `x` symbolic.
    func template(_ body: String) throws -> QASMTemplate {
        try QASMReader.readTemplate(qasmHeader + "qreg q[2];\n" + body, symbols: ["theta", "x"])
    }

    /// `(array, index, coefficient)` of each term of `angle`.
    func terms(_ angle: QASMAffine) -> [String] {
        angle.terms.map { "\($0.coefficient)*\($0.name)" }
    }

    @Test("affine angles keep their constant and coefficients, exactly as the arithmetic gives them")
    func affineAngles() throws {
        let read = try template("ry(2*x[0]) q[0];\nrz(theta[3]+pi/2) q[1];\nrx(-(theta[1] - x[1])/4 + 1) q[0];\nh q[1];\n")
        #expect(read.angles.count == 4)
        #expect(terms(read.angles[0][0]) == ["2.0*x[0]"])
        #expect(read.angles[0][0].constant == 0)
        #expect(terms(read.angles[1][0]) == ["1.0*theta[3]"])
        #expect(read.angles[1][0].constant == Double.pi / 2)
        #expect(terms(read.angles[2][0]) == ["-0.25*theta[1]", "0.25*x[1]"])
        #expect(read.angles[2][0].constant == 1)
        #expect(read.angles[3].isEmpty)
        // The circuit holds the constant parts and the statement positions.
        expectGate(read.circuit.operations[1], .rz, [1], [Double.pi / 2])
        #expect(read.angles[1][0].terms[0].line == 5 && read.angles[1][0].terms[0].column == 4)
    }

    @Test("repeated symbols add up, cancelled ones disappear")
    func combinesTerms() throws {
        let read = try template("rz(theta[0] + 2*theta[0] - x[0] + x[0]) q[0];\n")
        #expect(terms(read.angles[0][0]) == ["3.0*theta[0]"])
    }

    @Test("symbols pass through user gates as arguments")
    func throughUserGates() throws {
        let read = try template("gate layer(a, b) s, t { ry(2*a) s; cx s, t; rz(b - a) t; }\nlayer(theta[0], x[1] + 1) q[0], q[1];\n")
        #expect(read.circuit.operations.count == 3)
        #expect(terms(read.angles[0][0]) == ["2.0*theta[0]"])
        #expect(read.angles[1].isEmpty)
        #expect(terms(read.angles[2][0]) == ["1.0*x[1]", "-1.0*theta[0]"])
        #expect(read.angles[2][0].constant == 1)
    }

    @Test(
        "non-affine angles are refused where they are written",
        arguments: [
            ("rz(theta[0]*theta[1]) q[0];", 4, 12, "the product"), ("rz(sin(x[0])) q[0];", 4, 4, "sin(x[0])"),
            ("rz(1/theta[0]) q[0];", 4, 5, "the quotient"), ("rz(theta[0]^2) q[0];", 4, 12, "the power"),
        ])
    func nonAffine(body: String, line: Int, column: Int, fragment: String) {
        #expect {
            _ = try template(body + "\n")
        } throws: { error in
            guard let error = error as? SimulationError else { return false }
            return error.qasm.line == line && error.qasm.column == column && error.qasm.message.contains(fragment)
                && error.qasm.message.contains("not affine")
                && error.qasm.hint?.contains("theta[k]") == true
        }
    }

    @Test("a symbol inside a gate definition, or without an index, is a located error")
    func misplacedSymbols() {
        #expect(
            throws: SimulationError.invalidQASM(
                line: 4, column: 15, message: "`theta` cannot be used inside a gate definition",
                hint: "Give the gate a parameter and pass `theta[…]` to it where the gate is called.")
        ) {
            _ = try template("gate g a { rz(theta[0]) a; }\n")
        }
        #expect(throws: SimulationError.self) { _ = try template("rz(theta) q[0];\n") }
        // A plain read knows no symbols.
        expectError(qasmHeader + "qreg q[1];\nrz(theta[0]) q[0];\n", line: 4, column: 4, "unknown identifier `theta`")
    }
}
