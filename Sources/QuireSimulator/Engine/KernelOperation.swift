import Numerics
import QuireKernels

/// A matrix on global qubits resolved to one kernel call: gates by their structure (diagonal,
/// controlled-X, swap, controlled 2×2, general), other matrices (Kraus operators, projectors) by size.
///
/// Matrices are flattened once to the kernels' interleaved (re, im) row-major form.
enum KernelOperation: Sendable {
    case identity
    case diagonalOneQubit(target: Int, d0: Complex<Double>, d1: Complex<Double>)
    case diagonal(qubits: [Int], entries: [Double])
    case controlledX(target: Int, controlMask: Int)
    case swap(Int, Int, controlMask: Int)
    case oneQubit(target: Int, controlMask: Int, matrix: [Double])
    case twoQubit(Int, Int, matrix: [Double])
    case dense(qubits: [Int], matrix: [Double])
    /// A product of fused gates on up to four qubits: dense (applied without looking for zeros) or
    /// factored into one-qubit gates and permutations, whichever is less arithmetic.
    case fused(FusedGate)

    /// The kernel call of `gate` with `parameters` on global `qubits` (controls first, as in qelib1).
    init(gate: StandardGate, qubits: [Int], parameters: [Double]) {
        switch gate {
        case .id, .u0:
            self = .identity
        case .swap:
            self = .swap(qubits[0], qubits[1], controlMask: 0)
        case .cswap:
            self = .swap(qubits[1], qubits[2], controlMask: 1 << qubits[0])
        default:
            guard let (controls, base) = gate.controlledForm(parameters: parameters) else {
                self.init(matrix: gate.matrix(parameters: parameters), qubits: qubits)
                return
            }
            let target = qubits[controls]
            let mask = qubits[..<controls].reduce(0) { $0 | 1 << $1 }
            if base == StandardGate.pauliX {
                self = .controlledX(target: target, controlMask: mask)
            } else if controls > 0 && base.isDiagonal {
                self.init(matrix: gate.matrix(parameters: parameters), qubits: qubits)
            } else if controls == 0 && base.isDiagonal {
                self = .diagonalOneQubit(target: target, d0: base[0, 0], d1: base[1, 1])
            } else {
                self = .oneQubit(target: target, controlMask: mask, matrix: Self.flatten(base))
            }
        }
    }

    /// The kernel call of any `matrix` on global `qubits` (local bit j = `qubits[j]`), by its shape.
    init(matrix: ComplexMatrix, qubits: [Int]) {
        precondition(matrix.dimension == 1 << qubits.count, "matrix size does not match its qubits")
        if matrix.isDiagonal {
            if qubits.count == 1 {
                self = .diagonalOneQubit(target: qubits[0], d0: matrix[0, 0], d1: matrix[1, 1])
            } else {
                self = .diagonal(
                    qubits: qubits,
                    entries: (0..<matrix.dimension).flatMap { [matrix[$0, $0].real, matrix[$0, $0].imaginary] })
            }
            return
        }
        switch qubits.count {
        case 1: self = .oneQubit(target: qubits[0], controlMask: 0, matrix: Self.flatten(matrix))
        case 2: self = .twoQubit(qubits[0], qubits[1], matrix: Self.flatten(matrix))
        default: self = .dense(qubits: qubits, matrix: Self.flatten(matrix))
        }
    }

    /// The kernel call of the product `matrix` of fused gates on `qubits`: diagonal and one-qubit
    /// products by their shape, others by the fused-gate kernel, as `factored` where that is given.
    init(fused matrix: ComplexMatrix, qubits: [Int], factored: FusedGate? = nil) {
        if matrix.isDiagonal || qubits.count == 1 {
            self.init(matrix: matrix, qubits: qubits)
        } else {
            self = .fused(factored ?? FusedGate(qubits: qubits, matrix: Self.flatten(matrix)))
        }
    }

    /// Applies the operation to `buffer`.
    func apply(to buffer: AmplitudeBuffer, threads: Int) {
        switch self {
        case .identity:
            break
        case let .diagonalOneQubit(target, d0, d1):
            buffer.applyDiagonalOneQubit(
                target: target, d0: (d0.real, d0.imaginary), d1: (d1.real, d1.imaginary),
                threads: threads)
        case let .diagonal(qubits, entries):
            buffer.applyDiagonal(qubits: qubits, diagonal: entries, threads: threads)
        case let .controlledX(target, controlMask):
            buffer.applyControlledX(target: target, controlMask: controlMask, threads: threads)
        case let .swap(a, b, controlMask):
            buffer.applySwap(a, b, controlMask: controlMask, threads: threads)
        case let .oneQubit(target, controlMask, matrix):
            buffer.applyOneQubit(target: target, matrix: matrix, controlMask: controlMask, threads: threads)
        case let .twoQubit(q0, q1, matrix):
            buffer.applyTwoQubit(q0, q1, matrix: matrix, threads: threads)
        case let .dense(qubits, matrix):
            buffer.applyDense(qubits: qubits, matrix: matrix, threads: threads)
        case let .fused(gate):
            buffer.applyFused(gate, threads: threads)
        }
    }

    /// The same operation with every qubit moved up by `offset` and every entry conjugated: the
    /// column-side action conj(U) of a density matrix stored as a 2n-qubit vector (offset n).
    func conjugatedShifted(by offset: Int) -> KernelOperation {
        remapped({ $0 + offset }, conjugating: true)
    }

    /// The same operation with qubit q moved to `map(q)`, entries conjugated when `conjugating`.
    func remapped(_ map: (Int) -> Int, conjugating: Bool) -> KernelOperation {
        let values = { (values: [Double]) in
            conjugating ? values.enumerated().map { $0.offset & 1 == 1 ? -$0.element : $0.element } : values
        }
        let scalar = { (value: Complex<Double>) in conjugating ? value.conjugate : value }
        func mask(_ mask: Int) -> Int { (0..<Int.bitWidth).filter { mask >> $0 & 1 == 1 }.reduce(0) { $0 | 1 << map($1) } }
        switch self {
        case .identity:
            return .identity
        case let .diagonalOneQubit(target, d0, d1):
            return .diagonalOneQubit(target: map(target), d0: scalar(d0), d1: scalar(d1))
        case let .diagonal(qubits, entries):
            return .diagonal(qubits: qubits.map(map), entries: values(entries))
        case let .controlledX(target, controlMask):
            return .controlledX(target: map(target), controlMask: mask(controlMask))
        case let .swap(a, b, controlMask):
            return .swap(map(a), map(b), controlMask: mask(controlMask))
        case let .oneQubit(target, controlMask, matrix):
            return .oneQubit(target: map(target), controlMask: mask(controlMask), matrix: values(matrix))
        case let .twoQubit(q0, q1, matrix):
            return .twoQubit(map(q0), map(q1), matrix: values(matrix))
        case let .dense(qubits, matrix):
            return .dense(qubits: qubits.map(map), matrix: values(matrix))
        case let .fused(gate):
            return .fused(gate.remapped(to: gate.qubits.map(map), conjugating: conjugating))
        }
    }

    /// The operation's matrix on `qubits` (local index bit j = `qubits[j]`), which must hold every
    /// qubit it touches: read off by applying its own kernel to each local basis state, so it is
    /// exactly what the kernel does.
    func matrix(on qubits: [Int]) -> ComplexMatrix {
        let local = remapped({ global in qubits.firstIndex(of: global)! }, conjugating: false)
        let dimension = 1 << qubits.count
        var elements = [Complex<Double>](repeating: .zero, count: dimension * dimension)
        let buffer = AmplitudeBuffer(qubitCount: qubits.count)
        for column in 0..<dimension {
            buffer.setBasisState(column)
            local.apply(to: buffer, threads: 1)
            for row in 0..<dimension { elements[row * dimension + column] = Complex(buffer[row].re, buffer[row].im) }
        }
        return ComplexMatrix(dimension: dimension, elements: elements)
    }

    /// `matrix` as interleaved (re, im) row-major doubles.
    static func flatten(_ matrix: ComplexMatrix) -> [Double] {
        matrix.elements.flatMap { [$0.real, $0.imaginary] }
    }
}
