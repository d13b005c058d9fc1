/// Every standard gate written exactly (up to global phase) as one-qubit unitaries and `cx`.
extension StandardGate {
    /// Appends the gate on `qubits` (the gate's order) with `parameters` to `out` as primitives.
    ///
    /// One-qubit gates are their matrix. Two-qubit gates use the textbook forms: cz = H·cx·H,
    /// cy = S·cx·S†, crz and cu1/cp by two cx, other controlled gates by Nielsen & Chuang's
    /// ABC construction (§4.3) from the ZYZ angles of their controlled block; swap is three cx;
    /// rzz = cx·Rz·cx and rxx its H-conjugate; ecr = X₀·RZX(π/2) (Qiskit's definition); ms rotates
    /// rxx(π/2) by Rz. Gates on three qubits or more expand by their qelib1.inc bodies.
    func decompose(qubits q: [Int], parameters p: [Double], into out: inout [Primitive]) {
        func apply(_ gate: StandardGate, _ local: [Int], _ parameters: [Double] = []) {
            gate.decompose(qubits: local.map { q[$0] }, parameters: parameters, into: &out)
        }
        if qubitCount == 1 {
            out.append(.oneQubit(matrix(parameters: p), qubit: q[0]))
            return
        }
        switch self {
        case .cx:
            out.append(.cx(control: q[0], target: q[1]))
        case .cz:
            apply(.h, [1])
            apply(.cx, [0, 1])
            apply(.h, [1])
        case .cy:
            apply(.sdg, [1])
            apply(.cx, [0, 1])
            apply(.s, [1])
        case .crz:
            apply(.rz, [1], [p[0] / 2])
            apply(.cx, [0, 1])
            apply(.rz, [1], [-p[0] / 2])
            apply(.cx, [0, 1])
        case .cu1, .cp:
            apply(.p, [0], [p[0] / 2])
            apply(.cx, [0, 1])
            apply(.p, [1], [-p[0] / 2])
            apply(.cx, [0, 1])
            apply(.p, [1], [p[0] / 2])
        case .ch, .crx, .cry, .cu3, .cu, .csx:
            Self.controlled(controlledForm(parameters: p)!.base, control: q[0], target: q[1], into: &out)
        case .swap:
            apply(.cx, [0, 1])
            apply(.cx, [1, 0])
            apply(.cx, [0, 1])
        case .rzz:
            apply(.cx, [0, 1])
            apply(.rz, [1], p)
            apply(.cx, [0, 1])
        case .rxx:
            apply(.h, [0])
            apply(.h, [1])
            apply(.rzz, [0, 1], p)
            apply(.h, [0])
            apply(.h, [1])
        case .ecr:
            apply(.h, [1])
            apply(.rzz, [0, 1], [.pi / 2])
            apply(.h, [1])
            apply(.x, [0])
        case .ms:
            // σ(φ0) acts on the first qubit and σ(φ1) on the second; σ(φ) = Rz(φ)·X·Rz(−φ).
            apply(.rz, [0], [-p[0]])
            apply(.rz, [1], [-p[1]])
            apply(.rxx, [0, 1], [.pi / 2])
            apply(.rz, [0], [p[0]])
            apply(.rz, [1], [p[1]])
        default:
            for operation in Self.bodies[self]!.operations {
                guard case let .gate(gate, local, parameters) = operation.kind else { continue }
                apply(gate, local, parameters)
            }
        }
    }

    /// Controlled-U by Nielsen & Chuang's Corollary 4.2: with U = e^{iα} Rz(β) Ry(γ) Rz(δ),
    /// C = Rz((δ−β)/2), B = Ry(−γ/2)·Rz(−(δ+β)/2), A = Rz(β)·Ry(γ/2): C, cx, B, cx, A on the target
    /// and P(α) on the control.
    private static func controlled(_ u: ComplexMatrix, control: Int, target: Int, into out: inout [Primitive]) {
        let e = EulerAngles(u)
        let (alpha, beta, gamma, delta) = (e.phase, e.phi, e.theta, e.lambda)
        out.append(.oneQubit(EulerAngles.rz((delta - beta) / 2), qubit: target))
        out.append(.cx(control: control, target: target))
        out.append(.oneQubit(EulerAngles.ry(-gamma / 2) * EulerAngles.rz(-(delta + beta) / 2), qubit: target))
        out.append(.cx(control: control, target: target))
        out.append(.oneQubit(EulerAngles.rz(beta) * EulerAngles.ry(gamma / 2), qubit: target))
        out.append(.oneQubit(StandardGate.p.matrix(parameters: [alpha]), qubit: control))
    }

    /// qelib1.inc's bodies of its gates on three qubits or more (as Qiskit ships it), on local qubits q[0]….
    private static let bodies: [StandardGate: Circuit] = {
        let sources: [StandardGate: String] = [
            .ccx:
                "h q[2]; cx q[1],q[2]; tdg q[2]; cx q[0],q[2]; t q[2]; cx q[1],q[2]; tdg q[2]; cx q[0],q[2]; t q[1]; t q[2]; h q[2]; cx q[0],q[1]; t q[0]; tdg q[1]; cx q[0],q[1];",
            .cswap: "cx q[2],q[1]; ccx q[0],q[1],q[2]; cx q[2],q[1];",
            .rccx:
                "u2(0,pi) q[2]; u1(pi/4) q[2]; cx q[1],q[2]; u1(-pi/4) q[2]; cx q[0],q[2]; u1(pi/4) q[2]; cx q[1],q[2]; u1(-pi/4) q[2]; u2(0,pi) q[2];",
            .rc3x: """
            u2(0,pi) q[3]; u1(pi/4) q[3]; cx q[2],q[3]; u1(-pi/4) q[3]; u2(0,pi) q[3]; cx q[0],q[3]; u1(pi/4) q[3]; cx q[1],q[3]; \
            u1(-pi/4) q[3]; cx q[0],q[3]; u1(pi/4) q[3]; cx q[1],q[3]; u1(-pi/4) q[3]; u2(0,pi) q[3]; u1(pi/4) q[3]; cx q[2],q[3]; \
            u1(-pi/4) q[3]; u2(0,pi) q[3];
            """,
            .c3x: """
            h q[3]; p(pi/8) q[0]; p(pi/8) q[1]; p(pi/8) q[2]; p(pi/8) q[3]; cx q[0],q[1]; p(-pi/8) q[1]; cx q[0],q[1]; \
            cx q[1],q[2]; p(-pi/8) q[2]; cx q[0],q[2]; p(pi/8) q[2]; cx q[1],q[2]; p(-pi/8) q[2]; cx q[0],q[2]; cx q[2],q[3]; \
            p(-pi/8) q[3]; cx q[1],q[3]; p(pi/8) q[3]; cx q[2],q[3]; p(-pi/8) q[3]; cx q[0],q[3]; p(pi/8) q[3]; cx q[2],q[3]; \
            p(-pi/8) q[3]; cx q[1],q[3]; p(pi/8) q[3]; cx q[2],q[3]; p(-pi/8) q[3]; cx q[0],q[3]; h q[3];
            """,
            .c3sqrtx: """
            h q[3]; cu1(pi/8) q[0],q[3]; h q[3]; cx q[0],q[1]; h q[3]; cu1(-pi/8) q[1],q[3]; h q[3]; cx q[0],q[1]; \
            h q[3]; cu1(pi/8) q[1],q[3]; h q[3]; cx q[1],q[2]; h q[3]; cu1(-pi/8) q[2],q[3]; h q[3]; cx q[0],q[2]; \
            h q[3]; cu1(pi/8) q[2],q[3]; h q[3]; cx q[1],q[2]; h q[3]; cu1(-pi/8) q[2],q[3]; h q[3]; cx q[0],q[2]; \
            h q[3]; cu1(pi/8) q[2],q[3]; h q[3];
            """,
            .c4x: """
            h q[4]; cu1(pi/2) q[3],q[4]; h q[4]; c3x q[0],q[1],q[2],q[3]; h q[4]; cu1(-pi/2) q[3],q[4]; h q[4]; \
            c3x q[0],q[1],q[2],q[3]; c3sqrtx q[0],q[1],q[2],q[4];
            """,
        ]
        return sources.mapValues { body in
            // The bodies are fixed text in qelib1.inc's own gates; reading them cannot fail.
            try! QASMReader.read("OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[5];\n" + body)
        }
    }()
}
