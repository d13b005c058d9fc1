import QuireSimulator
import Testing

@Suite("OpenQASM 2.0 reader robustness")
struct QASMRobustnessTests {
    /// Programs touching every construct, with CRLF, comments, a byte-order mark and non-ASCII text.
    static let programs: [String] = [
        qasmHeader + QASMGateDefinitionTests.nested,
        """
        \u{FEFF}// Überblick: every statement kind\r
        OPENQASM 2.0;\r
        include "qelib1.inc";\r
        qreg q[3]; qreg r[2];\r
        creg c[3]; creg d[2];\r
        gate g(theta, phi) a, b { u3(theta, -phi/2, sin(theta)^2) a; cx a, b; barrier a, b; }\r
        U(pi/2, 0, pi) q[0]; CX q[0], q[1];\r
        g(1e-3, 2.5E+1) q[2], r[1];\r
        cx q[0], r; h q; rz(-(pi - 1)*2^-1) r[0];\r
        barrier q, r[0];\r
        measure q -> c; measure r[1] -> d[0];\r
        if (c == 5) g(ln(2), sqrt(3)) q[1], q[0];\r
        if (d==1) reset r;\r
        c4x q[0], q[1], q[2], r[0], r[1]; // ünïcödé comment
        """,
    ]

    @Test("every prefix of a program reads or fails with a located error", arguments: programs.indices)
    func prefixes(program: Int) {
        let bytes = Array(Self.programs[program].utf8)
        for length in 0...bytes.count {
            Self.check(String(decoding: bytes[..<length], as: UTF8.self))
        }
    }

    @Test("deleting any one byte of a program reads or fails with a located error", arguments: programs.indices)
    func deletions(program: Int) {
        let bytes = Array(Self.programs[program].utf8)
        for index in bytes.indices {
            var damaged = bytes
            damaged.remove(at: index)
            Self.check(String(decoding: damaged, as: UTF8.self))
        }
    }

    @Test("the complete programs read")
    func completePrograms() throws {
        #expect(try QASMReader.read(Self.programs[0]).operations.count == 21)
        // U, CX: 2; g: 3; cx r, h q, rz: 2 + 3 + 1; barrier: 1; measures: 3 + 1; if g: 3; if reset: 2; c4x: 1.
        #expect(try QASMReader.read(Self.programs[1]).operations.count == 22)
    }

    /// Reading must return a circuit or an error pointing inside the source (or just past its end).
    private static func check(_ source: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        // Split bytes, not Characters: Swift reads "\r\n" as one Character.
        let lines = source.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        do {
            _ = try QASMReader.read(source)
        } catch {
            let inside =
                error.qasm.line >= 1 && error.qasm.line <= lines.count && error.qasm.column >= 1
                && error.qasm.column <= lines[error.qasm.line - 1].count + 1
            #expect(inside, "\(error) is outside the source", sourceLocation: sourceLocation)
            #expect(!error.qasm.message.isEmpty, sourceLocation: sourceLocation)
        }
    }
}
