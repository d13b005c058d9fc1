import QuireCore

/// Why a device's native gates do not make a compilation target.
public enum NativeBasisError: InputError, Hashable {
    /// No one-qubit family or no entangling gate is covered by the listed gates.
    case uncovered(nativeGates: [StandardGate], missingOneQubit: Bool, missingEntangler: Bool)

    /// What is missing, and which gate sets Quire can compile to.
    public var diagnostic: Diagnostic {
        switch self {
        case let .uncovered(native, missingOneQubit, missingEntangler):
            let missing = [
                missingOneQubit ? "no one-qubit gate set (rz and sx, rx and rz, gpi and gpi2, or u3 or u)" : nil,
                missingEntangler ? "no entangling gate (cx, ecr, cz or ms)" : nil,
            ].compactMap { $0 }
            return Diagnostic(
                location: nil,
                message: "the native gates [\(native.map(\.rawValue).joined(separator: ", "))] have \(missing.joined(separator: " and "))",
                hint:
                    "Quire compiles to IBM {rz, sx, x} + cx or ecr, Rigetti-like {rx, rz} + cz, IonQ-like {gpi, gpi2} + ms, or u3 + an entangler; list such gates"
            )
        }
    }
}
