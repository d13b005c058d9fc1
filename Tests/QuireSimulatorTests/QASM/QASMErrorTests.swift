import QuireSimulator
import Testing

/// One malformed program and where and how reading it must fail.
struct QASMErrorCase: Sendable, CustomTestStringConvertible {
    var name: String
    var source: String
    var line: Int
    var column: Int
    var message: String
    var hint: String?
    var limits = QASMLimits()

    var testDescription: String { name }

    /// A case whose source is `qasmHeader` + `body` (so `body` starts on line 3).
    static func body(
        _ name: String, _ body: String, _ line: Int, _ column: Int, _ message: String, hint: String? = nil,
        limits: QASMLimits = QASMLimits()
    ) -> QASMErrorCase {
        QASMErrorCase(name: name, source: qasmHeader + body, line: line, column: column, message: message, hint: hint, limits: limits)
    }
}

@Suite("OpenQASM 2.0 errors")
struct QASMErrorTests {
    static let header: [QASMErrorCase] = [
        QASMErrorCase(
            name: "missing header", source: "qreg q[1];\n", line: 1, column: 1, message: "expected `OPENQASM 2.0;` first",
            hint: "Start the program"),
        QASMErrorCase(
            name: "header after a statement", source: "// c\ninclude \"qelib1.inc\";\nOPENQASM 2.0;\n", line: 2, column: 1,
            message: "expected `OPENQASM 2.0;` first"),
        QASMErrorCase(name: "empty program", source: "// nothing\n", line: 2, column: 1, message: "found the end of the program"),
        QASMErrorCase(name: "version 3", source: "OPENQASM 3.0;\n", line: 1, column: 10, message: "unsupported OpenQASM version 3.0"),
        QASMErrorCase(
            name: "version after a byte-order mark", source: "\u{FEFF}OPENQASM 3;\n", line: 1, column: 10,
            message: "unsupported OpenQASM version 3"),
        QASMErrorCase(name: "missing version", source: "OPENQASM;\n", line: 1, column: 9, message: "expected a version number"),
        .body("repeated header", "OPENQASM 2.0;\n", 3, 1, "may only appear once"),
        QASMErrorCase(
            name: "header without semicolon", source: "OPENQASM 2.0\nqreg q[1];", line: 2, column: 1,
            message: "expected `;` to end the statement that starts at 1:1, found `qreg`", hint: "Every statement ends with `;`."),
    ]

    static let includes: [QASMErrorCase] = [
        QASMErrorCase(
            name: "other include", source: "OPENQASM 2.0;\ninclude \"stdgates.inc\";\n", line: 2, column: 9,
            message: "cannot include \"stdgates.inc\"", hint: "never reads files"),
        .body("include twice", "include \"qelib1.inc\";\n", 3, 1, "already included at 2:1"),
        QASMErrorCase(
            name: "include after a clashing gate", source: "OPENQASM 2.0;\ngate rxx a { U(0,0,0) a; }\ninclude \"qelib1.inc\";\n", line: 3,
            column: 9, message: "redeclares `rxx`, already declared as a gate at 2:6"),
        QASMErrorCase(
            name: "include without file", source: "OPENQASM 2.0;\ninclude qelib1;\n", line: 2, column: 9, message: "expected a string"),
    ]

    static let tokens: [QASMErrorCase] = [
        .body("unterminated string", "qreg q[1];\n include \"qelib1.inc;\n", 4, 10, "unterminated string"),
        .body("unexpected character", "qreg q[1];\nx q[0]; @\n", 4, 9, "unexpected character `@` (U+0040)"),
        .body("non-ASCII character", "qreg q[1];\nx q[0];é\n", 4, 8, "unexpected character `é` (U+00E9)"),
        .body("bidirectional override", "qreg q[1];\nx q[0];\u{202E}\n", 4, 8, "unexpected character (U+202E)"),
        .body("escape character", "qreg q[1];\nx q[0];\u{1B}[2J\n", 4, 8, "unexpected character (U+001B)"),
        .body("lone equals", "qreg q[1];\ncreg c[1];\nif (c=1) x q[0];\n", 5, 6, "unexpected `=`", hint: "`==`"),
        .body("exponent without digits", "qreg q[1];\nrz(1e+) q[0];\n", 4, 4, "malformed number `1e+`"),
        .body("lone point", "qreg q[1];\nrz(.) q[0];\n", 4, 4, "unexpected `.`"),
        .body("capitalised identifier", "qreg Q[1];\n", 3, 6, "identifier `Q` starts with a capital letter"),
        .body("block comment", "/* no */\n", 3, 1, "expected a statement"),
        .body("stray token", "qreg q[1];\n) x q[0];\n", 4, 1, "expected a statement"),
    ]

    static let statements: [QASMErrorCase] = [
        .body(
            "unterminated statement at end", "qreg q[1];\nx q[0]", 4, 7,
            "expected `;` to end the statement that starts at 4:1, found the end of the program"),
        .body(
            "unterminated statement before another", "qreg q[1];\nx q[0]\nh q[0];\n", 5, 1,
            "expected `;` to end the statement that starts at 4:1, found `h`"),
        .body("unterminated gate body", "gate g a {\n  x a;\n", 5, 1, "expected `}` to close the body of gate `g` opened at 3:10"),
        .body("opaque", "opaque g a;\n", 3, 1, "`opaque` gates are not supported"),
        .body("missing arrow", "qreg q[1];\ncreg c[1];\nmeasure q[0] c[0];\n", 5, 14, "expected `->`"),
        .body(
            "if on a barrier", "qreg q[1];\ncreg c[1];\nif (c==1) barrier q;\n", 5, 11,
            "expected a gate call, `measure` or `reset` after the condition"),
        .body("if on a quantum register", "qreg q[1];\nif (q==1) x q[0];\n", 4, 5, "but `q` is a quantum register"),
        .body(
            "if on an undeclared register", "qreg q[1];\ncreg cc[1];\nif (c==1) x q[0];\n", 5, 5, "undeclared register `c`",
            hint: "Did you mean `cc`?"),
        .body(
            "if value too large", "qreg q[1];\ncreg c[1];\nif (c==18446744073709551616) x q[0];\n", 5, 8,
            "the integer 18446744073709551616 is too large"),
    ]

    static let declarations: [QASMErrorCase] = [
        .body("register of size 0", "qreg q[0];\n", 3, 8, "register `q` has size 0"),
        .body("creg of size 0", "creg c[0];\n", 3, 8, "register `c` has size 0"),
        .body("register size too large", "creg c[99999999999999999999];\n", 3, 8, "too large"),
        .body("duplicate register", "qreg q[1];\ncreg q[2];\n", 4, 6, "`q` is already declared as a quantum register at 3:6"),
        .body("register named like a qelib1 gate", "qreg h[1];\n", 3, 6, "`h` is already declared in qelib1.inc"),
        .body(
            "redefinition of a qelib1 gate", "gate cx a, b { CX a, b; }\n", 3, 6, "`cx` is already declared in qelib1.inc", hint: "my_cx"),
        .body("redefinition of a user gate", "gate g a { x a; }\ngate g a { y a; }\n", 4, 6, "`g` is already declared as a gate at 3:6"),
        .body(
            "redefinition of a builtin", "gate U a { }\n", 3, 6, "expected a gate name after `gate`, found `U`", hint: "cannot be redefined"
        ),
        .body("gate without qubits", "gate g { }\n", 3, 8, "expected an identifier (a qubit argument name)"),
        .body("duplicate parameter", "gate g(a, b, a) q { }\n", 3, 14, "`a` is already declared as a parameter"),
        .body("qubit named like a parameter", "gate g(a) a { }\n", 3, 11, "`a` is already declared as a parameter"),
        .body("duplicate qubit argument", "gate g a, b, b { }\n", 3, 14, "`b` is already declared as a qubit argument"),
        .body(
            "measure in a gate body", "gate g a { measure a -> c[0]; }\n", 3, 12,
            "expected a gate call, `barrier` or `}` in the body of gate `g`"),
        .body("indexed qubit in a gate body", "gate g a { x a[0]; }\n", 3, 15, "cannot be indexed"),
        .body(
            "unknown qubit in a gate body", "gate g ctl, tgt { cx ctl, tg; }\n", 3, 27, "`tg` is not a qubit argument of gate `g`",
            hint: "Did you mean `tgt`?"),
        .body("same qubit twice in a gate body", "gate g a, b { cx a, a; }\n", 3, 21, "qubit `a` is used twice"),
        .body("recursive gate", "gate g a { g a; }\n", 3, 12, "unknown gate `g`"),
        .body(
            "unknown parameter in a body", "gate g(theta) a { rz(thet) a; }\n", 3, 22, "`thet` is not a parameter of this gate",
            hint: "Did you mean `theta`?"),
    ]

    static let calls: [QASMErrorCase] = [
        .body("unknown gate", "qreg q[1];\nhh q[0];\n", 4, 1, "unknown gate `hh`", hint: "Did you mean `h`?"),
        .body("unknown gate alias", "qreg q[2];\ncnot q[0], q[1];\n", 4, 1, "unknown gate `cnot`", hint: "Did you mean `cx`?"),
        QASMErrorCase(
            name: "qelib1 gate without include", source: "OPENQASM 2.0;\nqreg q[1];\nh q[0];\n", line: 3, column: 1,
            message: "unknown gate `h`", hint: "add `include \"qelib1.inc\";`"),
        .body("register used as a gate", "qreg q[1];\nq q[0];\n", 4, 1, "`q` is a quantum register, not a gate"),
        .body("missing parameter", "qreg q[1];\nrz q[0];\n", 4, 4, "gate `rz` takes 1 parameter, but 0 are given"),
        .body("too few parameters", "qreg q[1];\nu3(1, 2) q[0];\n", 4, 8, "gate `u3` takes 3 parameters, but 2 are given"),
        .body("too many parameters", "qreg q[1];\nrz(1, 2) q[0];\n", 4, 7, "gate `rz` takes 1 parameter, but more are given"),
        .body("parameter for a fixed gate", "qreg q[1];\nh(1) q[0];\n", 4, 3, "gate `h` takes 0 parameters"),
        .body("too few qubits", "qreg q[2];\ncx q[0];\n", 4, 8, "gate `cx` takes 2 qubit arguments, but 1 is given"),
        .body("too many qubits", "qreg q[2];\nh q[0], q[1];\n", 4, 9, "gate `h` takes 1 qubit argument, but 2 are given"),
        .body(
            "too few qubits for a user gate", "qreg q[2];\ngate g a, b { }\ng q[0];\n", 5, 7,
            "gate `g` takes 2 qubit arguments, but 1 is given"),
        .body("index out of range", "qreg q[2];\nx q[2];\n", 4, 5, "index 2 is out of range for register `q` of size 2", hint: "0 to 1"),
        .body("undeclared register", "qreg qubits[2];\nx qbits[0];\n", 4, 3, "undeclared register `qbits`", hint: "Did you mean `qubits`?"),
        .body(
            "classical register as a qubit", "qreg q[1];\ncreg c[1];\nx c[0];\n", 5, 3,
            "`c` is a classical register, but a quantum register is expected"),
        .body(
            "quantum register as a bit", "qreg q[1];\nmeasure q[0] -> q[0];\n", 4, 17,
            "`q` is a quantum register, but a classical register is expected"),
        .body("same qubit twice", "qreg q[2];\ncx q[1], q[1];\n", 4, 10, "qubit q[1] is used twice in one `cx`"),
        .body(
            "same qubit twice by broadcast", "qreg q[2];\nqreg r[2];\nccx r[0], q, q[1];\n", 5, 14, "qubit q[1] is used twice in one `ccx`"),
        .body("broadcast size mismatch", "qreg a[2];\nqreg b[3];\ncx a, b;\n", 5, 7, "cannot broadcast over `b` (size 3) and `a` (size 2)"),
        .body(
            "measure size mismatch", "qreg q[2];\ncreg c[3];\nmeasure q -> c;\n", 5, 14,
            "cannot broadcast over `c` (size 3) and `q` (size 2)"),
        .body(
            "measure register into bit", "qreg q[2];\ncreg c[2];\nmeasure q -> c[0];\n", 5, 14,
            "one is a register and the other a single bit"),
    ]

    static let parameters: [QASMErrorCase] = [
        .body("division by zero", "qreg q[1];\nrz(1 / (2 - 2)) q[0];\n", 4, 6, "division by zero"),
        .body("logarithm of zero", "qreg q[1];\nrz(2 * ln(0)) q[0];\n", 4, 8, "the parameter expression ln(0.0) is infinite"),
        .body("square root of a negative", "qreg q[1];\nrz(sqrt(-1)) q[0];\n", 4, 4, "is not a real number"),
        .body("overflowing exponential", "qreg q[1];\nrz(exp(1000)) q[0];\n", 4, 4, "is infinite"),
        .body("zero to a negative power", "qreg q[1];\nrz(0^-1) q[0];\n", 4, 5, "is infinite"),
        .body("overflowing literal", "qreg q[1];\nrz(1e400) q[0];\n", 4, 4, "too large"),
        .body(
            "division by zero at expansion", "qreg q[1];\ngate g(x) a {\n  rz(pi / x) a;\n}\ng(0) q[0];\n", 5, 9,
            "division by zero in a parameter expression (3.141592653589793 / 0.0) (in gate `g`, expanding the call at 7:1)"),
        .body("division by zero in a constant body expression", "gate g a { rz(1/0) a; }\n", 3, 16, "division by zero"),
        .body("identifier outside a gate", "qreg q[1];\nrz(theta) q[0];\n", 4, 4, "unknown identifier `theta`"),
        .body("function without parentheses", "qreg q[1];\nrz(sin pi) q[0];\n", 4, 8, "expected `(` after `sin`"),
        .body("unclosed parenthesis", "qreg q[1];\nrz((1+2 q[0];\n", 4, 9, "expected `)` to close the parenthesis opened at 4:4"),
        .body("missing operand", "qreg q[1];\nrz(1+) q[0];\n", 4, 6, "expected a number, `pi`, a parameter, a function or `(`"),
        .body(
            "nesting too deep",
            "qreg q[1];\nrz(" + String(repeating: "(", count: 300) + "1" + String(repeating: ")", count: 300) + ") q[0];\n", 4, 260,
            "nests more than 256 levels"),
    ]

    static let limits: [QASMErrorCase] = [
        .body(
            "too many qubits", "qreg q[65];\n", 3, 8, "brings the program to 65 qubits, more than the limit of 64 (QASMLimits.maxQubits)"),
        .body(
            "too many qubits over registers", "qreg a[3];\nqreg b[2];\n", 4, 8, "brings the program to 5 qubits, more than the limit of 4",
            limits: QASMLimits(maxQubits: 4)),
        .body(
            "too many operations by broadcast", "qreg q[4];\nx q[0];\nh q;\n", 5, 1,
            "this statement expands to 4 operations, bringing the circuit past the limit of 4 operations (QASMLimits.maxOperations)",
            limits: QASMLimits(maxOperations: 4)),
        .body(
            "too many operations by expansion",
            "qreg q[2];\ngate g a, b { cx a, b; cx b, a; }\ngate k a, b { g a, b; g b, a; barrier a; }\nk q[0], q[1];\nk q[0], q[1];\n", 7,
            1, "expands to 5 operations",
            limits: QASMLimits(maxOperations: 9)),
        .body(
            "exponential expansion is refused before any work",
            (1...64).reduce("qreg q[1];\ngate g0 a { x a; }\n") { $0 + "gate g\($1) a { g\($1 - 1) a; g\($1 - 1) a; }\n" } + "g64 q[0];\n",
            69, 1, "this statement expands to at least 9223372036854775807 operations"),
        .body(
            "nested gates past the memory limit are refused before expanding",
            (1...6).reduce("qreg q[1];\ngate g0 a { rz(0.1) a; }\n") {
                $0 + "gate g\($1) a { " + String(repeating: "g\($1 - 1) a; ", count: 10) + "}\n"
            } + "g6 q[0];\n",
            11, 1,
            "this statement expands to 1000000 operations; the circuit would need about 0.48 GiB (512 bytes per operation), above the memory limit of 0.1 GiB",
            limits: QASMLimits(maxMemoryBytes: 100 << 20)),
        .body(
            "a negative operation limit refuses every operation", "qreg q[1];\nx q[0];\n", 4, 1, "past the limit of -9223372036854775808 operations",
            limits: QASMLimits(maxOperations: .min)),
    ]

    @Test(
        "errors name the exact line and column",
        arguments: header + includes + tokens + statements + declarations + calls + parameters + limits)
    func located(_ error: QASMErrorCase) {
        expectError(error.source, line: error.line, column: error.column, error.message, hint: error.hint, limits: error.limits)
    }

    @Test("the description names the line and column, as the simulator's other circuit errors do")
    func description() {
        let error = SimulationError.invalidQASM(line: 3, column: 7, message: "unknown gate `hh`", hint: "Did you mean `h`?")
        #expect(error.description == "error: line 3, column 7: unknown gate `hh`\n  hint: Did you mean `h`?")
        #expect(error.circuitPosition! == (3, 7))
        #expect(error.positionFreeDiagnostic.message == "unknown gate `hh`")
    }
}
