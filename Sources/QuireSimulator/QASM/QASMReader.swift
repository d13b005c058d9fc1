/// Reads OpenQASM 2.0 programs (Cross et al. 2017, with Qiskit's `qelib1.inc`) into flat circuits.
///
/// What it accepts: the `OPENQASM 2.0;` header (only comments before it); `include "qelib1.inc";`
/// (no other file, and the file system is never read), whose gates stay unexpanded as
/// `StandardGate`s, as do the builtins `U` (as `u3`) and `CX` (as `cx`); `qreg`/`creg`; user
/// `gate` definitions, expanded at each call with their parameters evaluated; broadcasting over
/// registers; `measure`, `reset`, `barrier` and `if (creg == n)`.
///
/// Choices where the paper is silent, mostly as Qiskit's `qiskit.qasm2` reader does:
/// - Expression precedence: `^` binds tightest and to the right, then unary minus (`-2^2` is −4,
///   `2^-1` is 0.5), then `*` `/`, then `+` `-`; unary `+` is accepted.
/// - Gates and registers share one namespace; without the include, a user gate may take a
///   qelib1.inc name (it is then an ordinary user gate and is expanded).
/// - A barrier lists each qubit once, in order of first mention; a barrier inside a gate body
///   becomes a barrier on the mapped qubits. `if` attaches its condition to every operation the
///   statement expands into, barriers included; its value may exceed the register's range.
///
/// Stricter than Qiskit: `opaque` is rejected (there is nothing to simulate); registers of size 0
/// are rejected; a parameter expression in a gate body is evaluated at every call, so `1/x`
/// called with `x = 0` fails at the `/` (Qiskit defers this to when the gate is used). Calls of
/// gates whose bodies expand to nothing are dropped, arguments unevaluated.
public enum QASMReader {
    /// Reads an OpenQASM 2.0 program into a flat circuit.
    ///
    /// - Throws: `SimulationError` at the offending token for any syntax error, unknown or misused
    ///   name, bad argument count or index, non-finite parameter, or exceeded `limits`.
    public static func read(_ source: String, limits: QASMLimits = QASMLimits()) throws(SimulationError) -> Circuit {
        var parser = try QASMParser(source, limits: limits)
        return try parser.parseProgram()
    }
}
