/// `cx` written with each entangler: cx = (A ⊗ B)·E·(C ⊗ D) up to global phase, A and C on the control.
extension NativeBasis.Entangler {
    /// The one-qubit unitaries around the entangler, in time order: `before` then E then `after`,
    /// each as (on control, on target); `nil` where nothing is applied.
    ///
    /// cz: cx = H_t·CZ·H_t. ecr: ECR = X_c·RZX(π/2) (Qiskit), and cx = e^{iπ/4}·Rz_c(π/2)·Rx_t(π/2)·RZX(−π/2)
    /// with RZX(−π/2) = ECR·X_c. ms: RZX(−π/2) = (HZ)_c·RXX(π/2)·(ZH)_c and RXX(π/2) = MS(0, 0).
    var cxForm: (before: (ComplexMatrix?, ComplexMatrix?), after: (ComplexMatrix?, ComplexMatrix?)) {
        let h = StandardGate.h.matrix(parameters: []), z = StandardGate.z.matrix(parameters: [])
        let rzHalfPi = StandardGate.rz.matrix(parameters: [.pi / 2]), rxHalfPi = StandardGate.rx.matrix(parameters: [.pi / 2])
        switch self {
        case .cx: return ((nil, nil), (nil, nil))
        case .cz: return ((nil, h), (nil, h))
        case .ecr: return ((StandardGate.pauliX, nil), (rzHalfPi, rxHalfPi))
        case .ms: return ((z * h, nil), (rzHalfPi * h * z, rxHalfPi))
        }
    }

    /// The entangler's parameters as used in `cxForm`.
    var parameters: [Double] { self == .ms ? [0, 0] : [] }
}
