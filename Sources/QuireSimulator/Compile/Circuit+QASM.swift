extension Circuit {
    /// The circuit as OpenQASM 2.0 that Qiskit's `qiskit.qasm2.loads` and `QASMReader` read back to
    /// the same operations' unitary: `include "qelib1.inc"`, a `gate` definition (exact, phase
    /// included) for each device-native gate used (`StandardGate.qasmDefinition`), the registers
    /// as declared, then one statement per operation with its condition. Parameters are printed
    /// in Swift's shortest round-tripping form, so they read back bit for bit. Byte-identical for
    /// equal circuits.
    public func qasm() -> String {
        var text = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\n"
        var used = Set<StandardGate>()
        for operation in operations {
            if case let .gate(gate, _, _) = operation.kind, gate.isDeviceNative { used.insert(gate) }
        }
        for gate in StandardGate.allCases where used.contains(gate) {
            text += gate.qasmDefinition! + "\n"
        }
        for register in quantumRegisters { text += "qreg \(register.name)[\(register.size)];\n" }
        for register in classicalRegisters { text += "creg \(register.name)[\(register.size)];\n" }
        let qubitNames = Self.bitNames(quantumRegisters)
        let clbitNames = Self.bitNames(classicalRegisters)
        for operation in operations {
            if let condition = operation.condition { text += "if(\(condition.register.name)==\(condition.value)) " }
            switch operation.kind {
            case let .gate(gate, qubits, parameters):
                let arguments = parameters.isEmpty ? "" : "(" + parameters.map { "\($0)" }.joined(separator: ",") + ")"
                text += "\(gate.rawValue)\(arguments) \(qubits.map { qubitNames[$0] }.joined(separator: ","));\n"
            case let .measure(qubit, clbit):
                text += "measure \(qubitNames[qubit]) -> \(clbitNames[clbit]);\n"
            case let .reset(qubit):
                text += "reset \(qubitNames[qubit]);\n"
            case let .barrier(qubits):
                text += "barrier \(qubits.map { qubitNames[$0] }.joined(separator: ","));\n"
            }
        }
        return text
    }

    /// `name[index]` of every global bit, in order.
    private static func bitNames(_ registers: [Register]) -> [String] {
        registers.flatMap { register in (0..<register.size).map { "\(register.name)[\($0)]" } }
    }
}

extension StandardGate {
    /// The OpenQASM 2 definition of a device-native gate in qelib1.inc gates, equal to its matrix
    /// with its global phase; `nil` for qelib1.inc's own gates.
    ///
    /// ecr = X₀·RZX(π/2) with RZX(θ) = H₁·RZZ(θ)·H₁; GPI(φ) = U(π, φ, π−φ); GPI2(φ) = U(π/2, φ−π/2, π/2−φ);
    /// MS(φ0, φ1) = RXX(π/2) = H⊗H·RZZ(π/2)·H⊗H rotated by Rz(φ0) on the first qubit and Rz(φ1) on the second
    /// (qiskit-ionq's definition). Only gates of the OpenQASM paper's qelib1.inc, which Qiskit's `qasm2.loads` reads.
    public var qasmDefinition: String? {
        switch self {
        case .ecr: "gate ecr a,b { h b; cx a,b; rz(pi/2) b; cx a,b; h b; x a; }"
        case .gpi: "gate gpi(phi) a { U(pi,phi,pi-phi) a; }"
        case .gpi2: "gate gpi2(phi) a { U(pi/2,phi-pi/2,pi/2-phi) a; }"
        case .ms: "gate ms(phi0,phi1) a,b { rz(-phi0) a; rz(-phi1) b; h a; h b; cx a,b; rz(pi/2) b; cx a,b; h a; h b; rz(phi0) a; rz(phi1) b; }"
        default: nil
        }
    }
}
