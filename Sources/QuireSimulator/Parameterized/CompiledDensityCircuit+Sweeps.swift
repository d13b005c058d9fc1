import QuireKernels

/// Sweeps: runs of consecutive gates and channels of the density program done in one pass over ρ.
///
/// ρ at 10 qubits is 16 MB, so each kernel call was a pass through memory: a noisy one-qubit gate
/// took three (row side, column side, superoperator). A sweep loads each group of the few state
/// bits a run touches once, applies every gate and channel of the run to it (the sweep kernel does
/// each element's arithmetic exactly as the single kernels do, so nothing rounds differently) and
/// stores it; snapshots for adjoint differentiation are written from inside the sweep.
extension CompiledDensityCircuit {
    /// A run of steps on at most `AmplitudeBuffer.maximumDensitySweepBits` state bits.
    struct Sweep: Sendable {
        /// The ascending state bits (row qubits q, column qubits q + n) of the run; empty for a single
        /// gate the sweep kernel has no operation for (xx, zz, swap), applied by `CompiledCircuit`.
        let bits: [Int]
        let items: [Item]
    }

    /// One step of a sweep.
    enum Item: Sendable {
        case gate(Int)
        /// A channel after gate `gate`, its superoperator (or adjoint, backwards) placed on the sweep's group.
        case channel(DensityGroupMatrix, gate: Int)
    }

    /// The steps, in order (`backward`: reversed, with adjoint superoperators), cut into sweeps.
    /// Backwards, a trainable gate starts a sweep, since its Pauli matrix elements need Λ just before it.
    static func sweeps(steps: [Step], unitary: CompiledCircuit, qubitCount n: Int, backward: Bool) -> [Sweep] {
        var result: [Sweep] = []
        var bits = Set<Int>(), run: [Step] = []
        func flush() {
            guard !run.isEmpty else { return }
            let sorted = bits.sorted()
            let local = Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($1, $0) })
            let items = run.map { step -> Item in
                switch step {
                case .gate(let index): return .gate(index)
                case let .channel(qubits, superoperator, adjoint, gate):
                    let matrix = DensityGroupMatrix(
                        groupBits: sorted.count, bits: qubits.map { local[$0]! }, matrix: backward ? adjoint : superoperator)
                    return .channel(matrix, gate: gate)
                }
            }
            result.append(Sweep(bits: sorted, items: items))
            (bits, run) = ([], [])
        }
        for step in backward ? steps.reversed() : steps {
            let touched: [Int]
            switch step {
            case .gate(let index):
                guard let qubits = unitary.gates[index].sweepQubits else {
                    flush()
                    result.append(Sweep(bits: [], items: [.gate(index)]))
                    continue
                }
                touched = qubits + qubits.map { $0 + n }
                if backward && unitary.gates[index].angle.parameter != nil { flush() }
            case .channel(let qubits, _, _, _):
                touched = qubits
            }
            if bits.union(touched).count > AmplitudeBuffer.maximumDensitySweepBits { flush() }
            bits.formUnion(touched)
            run.append(step)
        }
        flush()
        return result
    }

    /// Applies `sweep` to `buffer`: the gates forwards (or inverted, `inverse`) on rows and columns,
    /// the channels when their gate is active. Forwards with `snapshots`, ρ after each trainable gate
    /// is stored at position `stored` (then incremented).
    func run(
        _ sweep: Sweep, on buffer: AmplitudeBuffer, parameters: UnsafeBufferPointer<Double>, inputs: UnsafeBufferPointer<Double>,
        inverse: Bool, snapshots: UnsafeMutablePointer<Double>? = nil, stored: inout Int
    ) {
        let n = qubitCount, size = buffer.count
        func snapshot(_ position: Int) -> (UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>)? {
            snapshots.map { ($0 + 2 * position * size, $0 + (2 * position + 1) * size) }
        }
        guard !sweep.bits.isEmpty else {
            guard case .gate(let index) = sweep.items[0] else { return }
            unitary.apply(index, to: buffer, parameters: parameters, inputs: inputs, inverse: inverse)
            unitary.apply(index, to: buffer, parameters: parameters, inputs: inputs, inverse: inverse, conjugate: true, offset: n)
            if unitary.gates[index].angle.parameter != nil, let (real, imaginary) = snapshot(stored) {
                buffer.copyAmplitudes(real: real, imaginary: imaginary)
                stored += 1
            }
            return
        }
        let local = Dictionary(uniqueKeysWithValues: sweep.bits.enumerated().map { ($1, $0) })
        var operations: [DensitySweepOperation] = []
        for item in sweep.items {
            switch item {
            case .gate(let index):
                if unitary.isActive(index, inputs: inputs) {
                    let trigonometry = unitary.trigonometry(index, parameters: parameters, inputs: inputs)
                    for conjugate in [false, true] {
                        operations.append(
                            unitary.gates[index].sweepOperation(
                                trigonometry: trigonometry, inverse: inverse, conjugate: conjugate, offset: conjugate ? n : 0, local: local))
                    }
                }
                if unitary.gates[index].angle.parameter != nil, let (real, imaginary) = snapshot(stored) {
                    operations.append(.store(real: real, imaginary: imaginary))
                    stored += 1
                }
            case let .channel(matrix, gate):
                if unitary.isActive(gate, inputs: inputs) { operations.append(.sparse(matrix)) }
            }
        }
        buffer.applyDensitySweep(bits: sweep.bits, operations: operations)
    }

    /// Carries Λ = vec(diag(õ)) in `adjoint` back through the program; at each active trainable gate
    /// g, before its inverse, calls `visit(g, ρ' real parts, ρ' imaginary parts)` with ρ' the snapshot
    /// after g (from `prepare(_:parameters:inputs:snapshots:)`), in reverse gate order.
    func backward(
        parameters: UnsafeBufferPointer<Double>, inputs: UnsafeBufferPointer<Double>, adjoint: AmplitudeBuffer,
        snapshots: UnsafeMutablePointer<Double>, visit: (_ gate: Int, _ real: UnsafePointer<Double>, _ imaginary: UnsafePointer<Double>) -> Void
    ) {
        adjoint.setZero()
        for i in observable.indices { adjoint[i | i << qubitCount] = (observable[i], 0) }
        var stored = trainableGates, unused = 0
        for sweep in backwardSweeps {
            if case .gate(let index) = sweep.items.first, unitary.gates[index].angle.parameter != nil {
                stored -= 1
                if unitary.isActive(index, inputs: inputs) {
                    visit(index, snapshots + 2 * stored * adjoint.count, snapshots + (2 * stored + 1) * adjoint.count)
                }
            }
            run(sweep, on: adjoint, parameters: parameters, inputs: inputs, inverse: true, stored: &unused)
        }
    }
}

extension CompiledCircuit.Gate {
    /// The qubits a sweep operation of this gate touches (target and controls); nil for the kinds
    /// the sweep kernel has no operation for.
    var sweepQubits: [Int]? {
        let maskQubits = (0..<Int.bitWidth).filter { mask >> $0 & 1 == 1 }
        switch kind {
        case .rotation: return [q0]
        case .matrix: return [q0] + maskQubits
        case .phase: return maskQubits
        case .cx: return [q1] + maskQubits
        default: return nil
        }
    }

    /// The sweep operation doing what `CompiledCircuit.apply` does for this gate with the same
    /// `trigonometry`, `inverse`, `conjugate` and `offset` (same signs, same matrix), on the group
    /// whose local bit of state bit b is `local[b]`.
    func sweepOperation(trigonometry: SIMD2<Double>, inverse: Bool, conjugate: Bool, offset: Int, local: [Int: Int])
        -> DensitySweepOperation
    {
        let flip = inverse != conjugate
        let (c, s) = (trigonometry.x, trigonometry.y)
        let bit = { (qubit: Int) in local[qubit + offset]! }
        var localMask = 0, rest = mask
        while rest != 0 {
            localMask |= 1 << bit(rest.trailingZeroBitCount)
            rest &= rest - 1
        }
        switch kind {
        case .rotation(let axis):
            let negate = axis == .y ? inverse : flip
            return .rotation(axis, bit: bit(q0), cosHalf: c, sinHalf: negate ? -s : s)
        case .phase:
            return .phase(mask: localMask, cos: c, sin: flip ? -s : s)
        case .matrix:
            var m = inverse ? self.inverse : matrix
            if conjugate { (m.m00.y, m.m01.y, m.m10.y, m.m11.y) = (-m.m00.y, -m.m01.y, -m.m10.y, -m.m11.y) }
            return .matrix(m, bit: bit(q0), controlMask: localMask)
        case .cx:
            return .controlledNot(bit: bit(q1), controlMask: localMask)
        default:
            preconditionFailure("no sweep operation for this gate (sweepQubits is nil)")
        }
    }
}
