/// One gate of a `ParameterizedCircuit`: a standard gate on qubits, with an angle when the gate
/// takes one, optionally applied only when a circuit input is non-zero (basis encoding's x gates).
///
/// Supported gates (each has a kernel on the fast path): fixed h, x, y, z, s, sdg, t, tdg, sx, sxdg,
/// id, cx, cy, cz, swap, and the one-angle rotations rx, ry, rz, p, u1, rxx, rzz. Every supported
/// rotation is exp(−i·a·G/2) up to a global phase with G having eigenvalues ±1 (p and u1: e^{ia/2}·rz),
/// so the two-term parameter-shift rule with shift π/2 is exact for all of them; gates outside this
/// set (controlled rotations, whose generators have eigenvalues {0, ±1/2}, …) are refused as rotations.
/// The gates device bases compile to (u2, u3, u, ecr, gpi, gpi2, ms) are accepted as fixed gates with
/// constant parameters (`constants`), applied as their one- or two-qubit matrices.
public struct ParameterizedGate: Hashable, Sendable {
    /// The gate.
    public var gate: StandardGate
    /// The qubits, controls first (Qiskit's order).
    public var qubits: [Int]
    /// The angle of a rotation; nil for fixed gates.
    public var angle: AngleExpression?
    /// When set, the gate acts only if input `condition` is non-zero (used for binary features).
    public var condition: Int?
    /// The fixed parameters of a `matrixGates` gate (its `parameterCount` values); empty otherwise.
    public var constants: [Double]

    /// Creates a gate.
    public init(_ gate: StandardGate, _ qubits: [Int], angle: AngleExpression? = nil, condition: Int? = nil, constants: [Double] = []) {
        self.gate = gate
        self.qubits = qubits
        self.angle = angle
        self.condition = condition
        self.constants = constants
    }

    /// Gates without an angle that the fast path applies.
    public static let fixedGates: Set<StandardGate> = [.id, .h, .x, .y, .z, .s, .sdg, .t, .tdg, .sx, .sxdg, .cx, .cy, .cz, .swap]
    /// One-angle gates with a ±1-eigenvalue generator (two-term parameter-shift rule).
    public static let rotationGates: Set<StandardGate> = [.rx, .ry, .rz, .p, .u1, .rxx, .rzz]
    /// Fixed gates with constant parameters, applied as matrices: the native gates of device bases
    /// that no other kernel covers (generic u3, IBM's ecr, IonQ's gpi, gpi2 and ms).
    public static let matrixGates: Set<StandardGate> = [.u2, .u3, .u, .ecr, .gpi, .gpi2, .ms]
}
