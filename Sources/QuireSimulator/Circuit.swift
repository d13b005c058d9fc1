/// A quantum circuit after reading: flat, with every user gate expanded and every parameter a number.
///
/// Qubits are numbered across quantum registers in declaration order; qubit 0 is the least
/// significant bit of a basis-state index (Qiskit's convention). The same holds for classical bits.
public struct Circuit: Hashable, Sendable {
    /// Quantum registers in declaration order.
    public var quantumRegisters: [Register]
    /// Classical registers in declaration order.
    public var classicalRegisters: [Register]
    /// The operations, in program order.
    public var operations: [Operation]

    /// Creates a circuit.
    public init(quantumRegisters: [Register], classicalRegisters: [Register] = [], operations: [Operation] = []) {
        self.quantumRegisters = quantumRegisters
        self.classicalRegisters = classicalRegisters
        self.operations = operations
    }

    /// Bytes one operation is budgeted at between reading and simulation: the `Operation` with its
    /// qubit and parameter arrays, and its step in the compiled program. Measured at about 470 bytes
    /// (peak resident size over 2 and 6 million expanded `rz`/`cx` operations); rounded up.
    public static let bytesPerOperation = 512

    /// Total number of qubits (all quantum registers concatenated).
    public var qubitCount: Int { quantumRegisters.reduce(0) { $0 + $1.size } }
    /// Total number of classical bits (all classical registers concatenated).
    public var clbitCount: Int { classicalRegisters.reduce(0) { $0 + $1.size } }
}

/// A named register of `size` bits whose bit 0 is global bit `offset`.
public struct Register: Hashable, Sendable {
    /// The register's name as declared.
    public var name: String
    /// Number of bits.
    public var size: Int
    /// Global index of the register's bit 0.
    public var offset: Int

    /// Creates a register.
    public init(name: String, size: Int, offset: Int) {
        self.name = name
        self.size = size
        self.offset = offset
    }
}

/// One step of a circuit.
public struct Operation: Hashable, Sendable {
    /// What the step does.
    public var kind: Kind
    /// Execute only if the classical register compares equal (OpenQASM 2 `if (c==n)`).
    public var condition: Condition?
    /// 1-based line and column of the statement in the QASM source, for errors and reports.
    public var line: Int
    /// See `line`.
    public var column: Int

    /// Creates an operation.
    public init(_ kind: Kind, condition: Condition? = nil, line: Int = 0, column: Int = 0) {
        self.kind = kind
        self.condition = condition
        self.line = line
        self.column = column
    }

    /// The kinds of step.
    public enum Kind: Hashable, Sendable {
        /// A unitary gate from the standard set on the given qubits (targets last, as in qelib1).
        case gate(StandardGate, qubits: [Int], parameters: [Double])
        /// Measure `qubit` in the computational basis into classical bit `clbit`.
        case measure(qubit: Int, clbit: Int)
        /// Reset `qubit` to |0⟩.
        case reset(qubit: Int)
        /// A scheduling barrier: no effect on the state, and no noise.
        case barrier(qubits: [Int])
    }
}

/// `if (register == value)`: the register's bits read as an unsigned integer, bit 0 least significant.
public struct Condition: Hashable, Sendable {
    /// The compared classical register.
    public var register: Register
    /// The value it must equal.
    public var value: UInt64

    /// Creates a condition.
    public init(register: Register, value: UInt64) {
        self.register = register
        self.value = value
    }
}
