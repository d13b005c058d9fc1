import QuireSimulator

extension StandardGate {
    /// The inverse G† as a standard gate with parameters, or nil for csx, rc3x and c3sqrtx (no
    /// standard inverse exists in qelib1). Used by unitary folding.
    func inverse(parameters p: [Double]) -> (gate: StandardGate, parameters: [Double])? {
        switch self {
        case .id, .u0, .x, .y, .z, .h, .cx, .cy, .cz, .ch, .swap, .ccx, .cswap, .rccx, .c3x, .c4x, .ecr, .gpi: (self, p)
        case .s: (.sdg, [])
        case .sdg: (.s, [])
        case .t: (.tdg, [])
        case .tdg: (.t, [])
        case .sx: (.sxdg, [])
        case .sxdg: (.sx, [])
        case .u1, .p, .rx, .ry, .rz, .crx, .cry, .crz, .cu1, .cp, .rxx, .rzz: (self, [-p[0]])
        // U(θ, φ, λ)† = U(−θ, −λ, −φ); U2(φ, λ) = U(π/2, φ, λ).
        case .u2: (.u3, [-Double.pi / 2, -p[1], -p[0]])
        case .u3, .u, .cu3: (self, [-p[0], -p[2], -p[1]])
        case .cu: (.cu, [-p[0], -p[2], -p[1], -p[3]])
        // GPI2(φ) and MS(φ0, φ1) turn by a fixed angle about an axis; φ + π reverses the axis.
        case .gpi2: (.gpi2, [p[0] + .pi])
        case .ms: (.ms, [p[0] + .pi, p[1]])
        case .csx, .rc3x, .c3sqrtx: nil
        }
    }
}
