/// Reads OpenQASM 2.0 programs (Cross et al. 2017, with Qiskit's `qelib1.inc`) into flat circuits.
///
/// What it accepts: the `OPENQASM 2.0;` header (only comments before it); `include "qelib1.inc";`
/// (no other file, and the file system is never read), whose gates stay unexpanded as
/// `StandardGate`s, as do the builtins `U` (as `u3`) and `CX` (as `cx`); `qreg`/`creg`; user
/// `gate` definitions, expanded at each call with their parameters evaluated; broadcasting over
/// registers; `measure`, `reset`, `barrier` and `if (creg == n)`. `opaque` is rejected, since an
/// opaque gate has nothing to simulate. Parameter expressions follow Qiskit's precedence and
/// also accept unary `+`, as Qiskit does.
public enum QASMReader {
    /// Reads an OpenQASM 2.0 program into a flat circuit.
    ///
    /// - Throws: `QASMError` at the offending token for any syntax error, unknown or misused
    ///   name, bad argument count or index, non-finite parameter, or exceeded `limits`.
    public static func read(_ source: String, limits: QASMLimits = QASMLimits()) throws(QASMError) -> Circuit {
        var parser = try QASMParser(source, limits: limits)
        return try parser.parseProgram()
    }
}
