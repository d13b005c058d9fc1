/// The gates of OpenQASM 2's `qelib1.inc` (as Qiskit defines it) and the `U`/`CX` builtins, and the
/// native gates of devices that qelib1.inc lacks: IBM's `ecr`, IonQ's `gpi`, `gpi2` and `ms`.
///
/// Kept by name rather than expanded to `U`/`CX`, so engines can specialise kernels per gate kind
/// (diagonal, permutation, controlled) and noise attaches to the gate as written.
public enum StandardGate: String, Hashable, Sendable, CaseIterable {
    case id, u0, u1, u2, u3, u, p, x, y, z, h, s, sdg, t, tdg, sx, sxdg, rx, ry, rz
    case cx, cy, cz, ch, swap, crx, cry, crz, cu1, cp, cu3, cu, csx, rxx, rzz
    case ccx, cswap, rccx, rc3x, c3x, c3sqrtx, c4x
    /// Device-native gates outside qelib1.inc (matrices and conventions in StandardGate+Matrix). A
    /// QASM program names them only through its own `gate` definitions, as Qiskit's reader does.
    case ecr, gpi, gpi2, ms

    /// The gates `include "qelib1.inc";` declares: every case but the device-native ones.
    public static let qelib1: [StandardGate] = allCases.filter { !$0.isDeviceNative }

    /// Whether the gate is one of the device-native gates qelib1.inc lacks (`ecr`, `gpi`, `gpi2`, `ms`).
    public var isDeviceNative: Bool {
        switch self {
        case .ecr, .gpi, .gpi2, .ms: true
        default: false
        }
    }

    /// Number of qubits the gate acts on.
    public var qubitCount: Int {
        switch self {
        case .id, .u0, .u1, .u2, .u3, .u, .p, .x, .y, .z, .h, .s, .sdg, .t, .tdg, .sx, .sxdg, .rx, .ry, .rz, .gpi, .gpi2: 1
        case .ecr, .ms: 2
        case .cx, .cy, .cz, .ch, .swap, .crx, .cry, .crz, .cu1, .cp, .cu3, .cu, .csx, .rxx, .rzz: 2
        case .ccx, .cswap, .rccx: 3
        case .rc3x, .c3x, .c3sqrtx: 4
        case .c4x: 5
        }
    }

    /// Number of real parameters the gate takes.
    public var parameterCount: Int {
        switch self {
        case .u0, .u1, .p, .rx, .ry, .rz, .crx, .cry, .crz, .cu1, .cp, .rxx, .rzz, .gpi, .gpi2: 1
        case .u2, .ms: 2
        case .u3, .u, .cu3: 3
        case .cu: 4
        default: 0
        }
    }
}
