/// A compilation target: how one-qubit unitaries are synthesised and which two-qubit gate entangles,
/// chosen from a device's native gate list.
///
/// Translation (`Circuit.translated(to:)`) writes every gate in these terms; optimisation
/// (`Circuit.optimized(level:basis:)`) re-synthesises merged one-qubit runs the same way.
public struct NativeBasis: Hashable, Sendable {
    /// How a one-qubit unitary is written.
    public enum OneQubitFamily: String, Hashable, Sendable, CaseIterable {
        /// IBM: `rz(φ) sx rz(θ) sx rz(λ)`, `rz x rz` for a π rotation, `rz` alone for a diagonal.
        case rzSX = "rz-sx"
        /// Rigetti-like: `rz rx rz` (ZXZ Euler angles, `rx` at any angle).
        case rzRX = "rz-rx"
        /// IonQ-like: `gpi2 gpi gpi2`, `gpi gpi` for a diagonal.
        case gpi
        /// Generic: one `u3` (or `u`) per unitary.
        case u3
    }

    /// The two-qubit gate every two-qubit interaction is written with.
    public enum Entangler: String, Hashable, Sendable, CaseIterable {
        case cx, ecr, cz, ms
    }

    /// The one-qubit synthesis family.
    public var oneQubit: OneQubitFamily
    /// The entangling gate.
    public var entangler: Entangler
    /// Every gate the target runs; gates in this set pass translation unchanged.
    public var nativeGates: Set<StandardGate>

    /// The basis a device with `nativeGates` supports. The one-qubit family is the first covered of
    /// IBM `{rz, sx}` (with `x` when listed), Rigetti `{rx, rz}`, IonQ `{gpi, gpi2}`, generic `u3`
    /// or `u`; the entangler the first listed of `cx`, `ecr`, `cz`, `ms`.
    ///
    /// - Throws: `SimulationError.uncoveredNativeGates` naming what is missing when no family or no entangler fits.
    public init(nativeGates: [StandardGate]) throws(SimulationError) {
        let gates = Set(nativeGates)
        let family: OneQubitFamily? =
            if gates.isSuperset(of: [.rz, .sx]) { .rzSX } else if gates.isSuperset(of: [.rz, .rx]) {
                .rzRX
            } else if gates.isSuperset(of: [.gpi, .gpi2]) { .gpi } else if gates.contains(.u3) || gates.contains(.u) { .u3 } else { nil }
        let entangler = Entangler.allCases.first { gates.contains($0.gate) }
        guard let family, let entangler else {
            throw .uncoveredNativeGates(nativeGates: nativeGates, missingOneQubit: family == nil, missingEntangler: entangler == nil)
        }
        self.init(oneQubit: family, entangler: entangler, nativeGates: gates)
    }

    /// A basis from its parts; `nativeGates` defaults to exactly the gates the parts emit.
    public init(oneQubit: OneQubitFamily, entangler: Entangler, nativeGates: Set<StandardGate>? = nil) {
        self.oneQubit = oneQubit
        self.entangler = entangler
        self.nativeGates = nativeGates ?? oneQubit.gates.union([entangler.gate])
    }
}

extension NativeBasis.OneQubitFamily {
    /// The gates the family emits (`x` only where the basis lists it).
    var gates: Set<StandardGate> {
        switch self {
        case .rzSX: [.rz, .sx, .x]
        case .rzRX: [.rz, .rx]
        case .gpi: [.gpi, .gpi2]
        case .u3: [.u3]
        }
    }
}

extension NativeBasis.Entangler {
    /// The entangler as a gate.
    public var gate: StandardGate {
        switch self {
        case .cx: .cx
        case .ecr: .ecr
        case .cz: .cz
        case .ms: .ms
        }
    }
}
