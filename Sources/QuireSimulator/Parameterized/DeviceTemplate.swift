/// A variational circuit template compiled once for a device: laid out, routed, translated to the
/// device's native gates and optimised with every input- or parameter-dependent angle kept symbolic,
/// so one compilation serves every sample and every parameter value.
///
/// How: each gate whose angle depends on θ or u is written as fixed gates around one `rz` with that
/// angle (rx = h·rz·h, ry = sdg·h·rz·h·s, rzz = cx·rz·cx, rxx = h⊗h·cx·rz·cx·h⊗h, p and u1 are rz
/// up to a global phase), and a gate applied only when an input is non-zero stays whole. Each of
/// those is a one-qubit barrier while `DeviceCompiler` compiles the rest, so routing sees the
/// template's two-qubit structure (which no input or parameter changes) and the peephole optimiser
/// never merges across a variable gate. The barriers then become the `rz` or the conditional gate
/// in native gates. On a device without native `rz` (IonQ-like `{gpi, gpi2, ms}`, generic `u3`) the
/// `rz` is virtual, as IonQ's Z rotations are: a change of the frame later pulses' phases are
/// tracked in, exact, with no error and no duration (the device calibrates no `rz`, so its noise
/// model adds no channel after it). The compiled template keeps the model's parameter indices
/// with their scales, so adjoint and parameter-shift gradients of the compiled circuit are exact.
public struct DeviceTemplate: Hashable, Sendable {
    /// The compiled template on the active physical qubits, physical qubit `activeQubits[k]` as qubit k.
    public let circuit: ParameterizedCircuit
    /// The device restricted to the active qubits (its noise acts on `circuit` as on the full device),
    /// listing `rz` as native, uncalibrated, when its variable angles are virtual (`virtualRZ`).
    public let device: Device
    /// The device's noise on the active qubits.
    public let noise: NoiseModel
    /// The physical qubits the template uses, ascending.
    public let activeQubits: [Int]
    /// The qubit of `circuit` that holds logical qubit q at the end (where it is read).
    public let readQubits: [Int]
    /// What compilation produced, for the record: the compiled template on the device's qubits with
    /// every variable angle at 0 and every conditional gate present, its layouts and SWAPs.
    public let compilation: DeviceCompilation
    /// The variable angles in the order the compiled template applies them (the QASM's `rz(0)` placeholders).
    public let variableAngles: [AngleExpression]
    /// Whether the variable angles are virtual `rz` (frame changes): the device lists no native `rz`.
    public let virtualRZ: Bool

    /// What a barrier placeholder stands for.
    private enum Placeholder {
        case angle(AngleExpression)
        case conditional(ParameterizedGate)
    }

    /// Compiles `template` for `device` with `options`.
    ///
    /// - Throws: `SimulationError` as `DeviceCompiler.compile` does; `SimulationError.invalidParameterizedCircuit` when the
    ///   device's native gates are no `NativeBasis`, or a conditional gate acts on two qubits.
    public init(compiling template: ParameterizedCircuit, for device: Device, options: CompileOptions) throws {
        let basis: NativeBasis
        do {
            basis = try NativeBasis(nativeGates: device.nativeGates)
        } catch {
            throw SimulationError.invalidParameterizedCircuit(
                message: "device '\(device.name)': a variational model on a device needs a native basis to compile to; "
                    + error.diagnostic.message)
        }
        var placeholders: [Placeholder] = []
        var operations: [Operation] = []
        func add(_ gate: StandardGate, _ qubits: [Int], _ parameters: [Double] = []) {
            operations.append(Operation(.gate(gate, qubits: qubits, parameters: parameters)))
        }
        func hold(_ placeholder: Placeholder, on qubit: Int) {
            placeholders.append(placeholder)
            operations.append(Operation(.barrier(qubits: [qubit]), line: placeholders.count))
        }
        for gate in template.gates {
            let q = gate.qubits
            if gate.condition != nil {
                guard q.count == 1 else {
                    throw SimulationError.invalidParameterizedCircuit(
                        message: "device '\(device.name)': a conditional \(gate.gate.rawValue) on two qubits cannot be compiled")
                }
                hold(.conditional(gate), on: q[0])
                continue
            }
            guard let angle = gate.angle, angle.parameter != nil || angle.input != nil else {
                add(gate.gate, q, gate.angle.map { [$0.constant] } ?? [])
                continue
            }
            switch gate.gate {
            case .rx:
                add(.h, q)
                hold(.angle(angle), on: q[0])
                add(.h, q)
            case .ry:
                add(.sdg, q)
                add(.h, q)
                hold(.angle(angle), on: q[0])
                add(.h, q)
                add(.s, q)
            case .rzz, .rxx:
                let pair = gate.gate == .rxx
                for qubit in q where pair { add(.h, [qubit]) }
                add(.cx, q)
                hold(.angle(angle), on: q[1])
                add(.cx, q)
                for qubit in q where pair { add(.h, [qubit]) }
            default:  // rz, p, u1: rz up to a global phase
                hold(.angle(angle), on: q[0])
            }
        }
        var logical = Circuit(quantumRegisters: [Register(name: "q", size: template.qubitCount, offset: 0)])
        logical.operations = operations
        let compiled = try DeviceCompiler.compile(logical, for: device, options: options)
        // The placeholders filled in, on the device's qubits.
        var physical = compiled.circuit
        physical.operations = []
        var gates: [(operation: Operation, angle: AngleExpression?, condition: Int?)] = []
        var angles: [AngleExpression] = []
        for operation in compiled.circuit.operations {
            guard case let .barrier(qubits) = operation.kind, operation.line > 0 else {
                gates.append((operation, nil, nil))
                continue
            }
            switch placeholders[operation.line - 1] {
            case .angle(let angle):
                angles.append(angle)
                gates.append((Operation(.gate(.rz, qubits: qubits, parameters: [0])), angle, nil))
            case .conditional(let gate):
                var single = Circuit(quantumRegisters: [Register(name: "q", size: 1, offset: 0)])
                single.operations = [Operation(.gate(gate.gate, qubits: [0], parameters: gate.angle.map { [$0.constant] } ?? []))]
                for native in single.translated(to: basis).operations {
                    guard case let .gate(g, _, parameters) = native.kind else { continue }
                    gates.append((Operation(.gate(g, qubits: qubits, parameters: parameters)), nil, gate.condition))
                }
            }
        }
        physical.operations = gates.map(\.operation)
        let active = Set(physical.activeQubits + compiled.initialLayout.physical + compiled.finalLayout.physical).sorted()
        var index: [Int: Int] = [:]
        for (position, qubit) in active.enumerated() { index[qubit] = position }
        let lowered: [ParameterizedGate] = gates.map { entry in
            guard case let .gate(gate, qubits, parameters) = entry.operation.kind else {
                preconditionFailure("a compiled template holds only gates and placeholders")
            }
            let mapped = qubits.map { index[$0]! }
            if let angle = entry.angle { return ParameterizedGate(.rz, mapped, angle: angle) }
            if ParameterizedGate.rotationGates.contains(gate) {
                return ParameterizedGate(gate, mapped, angle: AngleExpression(constant: parameters[0]), condition: entry.condition)
            }
            let constants = ParameterizedGate.matrixGates.contains(gate) ? parameters : []
            return ParameterizedGate(gate, mapped, condition: entry.condition, constants: constants)
        }
        circuit = try ParameterizedCircuit(
            qubitCount: active.count, parameterCount: template.parameterCount, inputCount: template.inputCount, gates: lowered)
        var restricted = device.restricted(to: active)
        if !restricted.nativeGates.contains(.rz) { restricted.nativeGates.append(.rz) }
        self.device = restricted
        noise = NoiseModel(device: self.device)
        activeQubits = active
        readQubits = compiled.finalLayout.physical.map { index[$0]! }
        compilation = DeviceCompilation(
            circuit: physical, initialLayout: compiled.initialLayout, finalLayout: compiled.finalLayout, swapCount: compiled.swapCount)
        variableAngles = angles
        virtualRZ = !device.nativeGates.contains(.rz)
    }

    /// The Z mask on the compiled qubits of the observable whose Z mask on the logical qubits is `logical`.
    public func zMask(logical: Int) -> Int {
        readQubits.enumerated().reduce(0) { mask, entry in logical >> entry.offset & 1 == 1 ? mask | 1 << entry.element : mask }
    }
}
