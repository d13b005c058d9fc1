import QuireCircuitTestSupport
import QuireCore
import QuireTestSupport
import Testing

@testable import QuireSimulator

struct DeviceTemplateTests {
    /// The native gate sets of every basis Quire compiles to: IBM with cx and with ecr, Rigetti-like,
    /// IonQ-like (no rz: variable angles are virtual) and generic u3.
    static let bases: [[StandardGate]] = [
        [.cx, .id, .rz, .sx, .x], [.ecr, .id, .rz, .sx, .x], [.cz, .rx, .rz], [.gpi, .gpi2, .ms], [.u3, .cx],
    ]

    /// A 5-qubit line 0 → 1 → … → 4 with `nativeGates` (default IBM's); `noisy` adds calibrated
    /// errors and durations for every native gate but rz and id on every qubit and edge, and
    /// asymmetric readout errors.
    static func line(noisy: Bool, nativeGates: [StandardGate] = bases[0]) -> Device {
        let edges = (0..<4).map { Device.Edge($0, $0 + 1) }
        let readout = noisy ? NoiseProfile.Readout(probMeas1Prep0: 0.02, probMeas0Prep1: 0.05) : .init(probMeas1Prep0: 0, probMeas0Prep1: 0)
        var gates: [Device.GateCalibration] = []
        if noisy {
            for gate in nativeGates where gate != .rz && gate != .id {
                if gate.qubitCount == 2 {
                    for edge in edges {
                        gates.append(
                            .init(gate: gate, qubits: [edge.first, edge.second], error: 0.02 + 0.005 * Double(edge.first), durationNanoseconds: 300))
                    }
                } else {
                    for q in 0..<5 {
                        gates.append(.init(gate: gate, qubits: [q], error: 0.002 + 0.001 * Double(q), durationNanoseconds: 35))
                    }
                }
            }
        }
        return Device(
            name: (noisy ? "noisy-line5-" : "line5-") + nativeGates.map(\.rawValue).joined(separator: "-"), nativeGates: nativeGates,
            couplingMap: edges,
            qubits: (0..<5).map { Device.Qubit(t1Microseconds: 80 + Double($0), t2Microseconds: 60, readout: readout) }, gates: gates)
    }

    /// Compilation options: both layouts, every optimisation level, two routing seeds.
    static let optionSets: [CompileOptions] = [
        CompileOptions(layout: .trivial, routingSeed: 1, optimizationLevel: 0),
        CompileOptions(layout: .trivial, routingSeed: 2, optimizationLevel: 1),
        CompileOptions(layout: .noiseAware, routingSeed: 3, optimizationLevel: 2),
    ]

    /// On a noise-free device the compiled template's ⟨O⟩ and adjoint gradient equal the logical
    /// circuit's (statevector, 1e-10: rounding of a few hundred gates), for random templates with
    /// shared, scaled parameters, input terms and conditional gates whose two-qubit gates need SWAPs
    /// on a line, with the observable read where the final layout puts each logical qubit; on every
    /// native basis (ecr, IonQ's gates and u3 run as fixed matrices, IonQ's variable angles as virtual rz).
    @Test(arguments: 0..<6, bases.indices)
    func compiledTemplateEqualsLogicalCircuit(seed: Int, basis: Int) throws {
        let circuit = try GradientTests.randomCircuit(seed: UInt64(300 + seed), qubits: 4, gates: 30)
        let theta = uniforms(5, seed: UInt64(seed), purpose: "theta", in: -3...3)
        let inputs = uniforms(2, seed: UInt64(seed), purpose: "inputs") + [Double(seed % 2)]
        let device = Self.line(noisy: false, nativeGates: Self.bases[basis])
        for options in Self.optionSets {
            let template = try DeviceTemplate(compiling: circuit, for: device, options: options)
            #expect(template.circuit.gates.allSatisfy { $0.angle == nil || $0.gate == .rz || device.nativeGates.contains($0.gate) })
            #expect(template.virtualRZ == !device.nativeGates.contains(.rz))
            #expect(template.noise.isIdeal)
            for mask in [1 << (seed % 4), 0b1111] {
                let (value, gradient) = CircuitFixtures.adjointGradient(circuit, theta, inputs, zMask: mask)
                let (compiledValue, compiledGradient) = CircuitFixtures.adjointGradient(
                    template.circuit, theta, inputs, zMask: template.zMask(logical: mask))
                #expect(isClose(compiledValue, value, tolerance: 1e-10))
                for k in gradient.indices { #expect(isClose(compiledGradient[k], gradient[k], tolerance: 1e-10)) }
            }
        }
    }

    /// Under the device's noise the density-matrix fast path's adjoint gradient of the compiled
    /// template equals central finite differences of its value (h = 1e-5: truncation ~1e-10,
    /// rounding ~1e-11, bound 1e-7), and parameter shift on the density-matrix engine with the
    /// restricted device, read through the final layout (1e-10): the gradient stays exact. On IBM
    /// cx and ecr devices and an IonQ-like one (noisy gpi, gpi2 and ms; virtual rz).
    @Test(arguments: 0..<3, [0, 1, 3])
    func compiledGradientUnderDeviceNoiseIsExact(seed: Int, basis: Int) throws {
        let circuit = try GradientTests.randomCircuit(seed: UInt64(400 + seed), qubits: 3, gates: 16)
        let theta = uniforms(5, seed: UInt64(seed), purpose: "theta", in: -3...3)
        let inputs = uniforms(2, seed: UInt64(seed), purpose: "inputs") + [1]
        let device = Self.line(noisy: true, nativeGates: Self.bases[basis])
        let template = try DeviceTemplate(compiling: circuit, for: device, options: Self.optionSets[seed])
        #expect(template.circuit.gates.contains { $0.gate == Self.bases[basis][0] })
        let zMask = template.zMask(logical: 1 << seed)
        let density = CompiledDensityCircuit(circuit: template.circuit, noiseModel: template.noise, zMask: zMask)
        let workspace = density.makeWorkspace()
        func value(_ theta: [Double]) -> Double {
            theta.withUnsafeBufferPointer { t in
                inputs.withUnsafeBufferPointer { density.expectation(parameters: t, inputs: $0, workspace: workspace) }
            }
        }
        var gradient = [Double](repeating: .nan, count: 5)
        let exact = theta.withUnsafeBufferPointer { t in
            inputs.withUnsafeBufferPointer { u in
                gradient.withUnsafeMutableBufferPointer { density.adjointGradient(parameters: t, inputs: u, workspace: workspace, gradient: $0) }
            }
        }
        #expect(isClose(exact, value(theta), tolerance: 1e-12))
        // The density-matrix engine on the restricted device, read through the final layout.
        func engine(_ circuit: Circuit) throws -> Double {
            let probabilities = try Simulator.run(circuit, options: SimulationOptions(method: .densityMatrix, device: template.device)).probabilities
            let logical = DeviceCompilation.logicalProbabilities(probabilities, readQubits: template.readQubits)
            return logical.enumerated().reduce(0) { $0 + ($1.offset >> seed & 1 == 1 ? -$1.element : $1.element) }
        }
        #expect(isClose(try engine(template.circuit.bind(parameters: theta, inputs: inputs)), exact, tolerance: 1e-10))
        let shift = try template.circuit.parameterShiftGradient(parameters: theta, inputs: inputs) { c, _ in try engine(c) }
        let h = 1e-5
        for k in 0..<5 {
            var plus = theta
            var minus = theta
            plus[k] += h
            minus[k] -= h
            #expect(isClose(gradient[k], (value(plus) - value(minus)) / (2 * h), tolerance: 1e-7))
            #expect(isClose(gradient[k], shift[k], tolerance: 1e-10))
        }
    }

    /// Peephole optimisation never merges across a variable angle: every trainable or input angle
    /// of the template survives as its own rz with its expression, at every level.
    @Test func variableAnglesSurviveOptimisation() throws {
        let gates = [
            ParameterizedGate(.rz, [0], angle: .parameter(0)), ParameterizedGate(.rz, [0], angle: .parameter(1)),
            ParameterizedGate(.rx, [1], angle: .input(0)), ParameterizedGate(.rx, [1], angle: .parameter(0)),
            ParameterizedGate(.cx, [0, 1]), ParameterizedGate(.cx, [0, 1]),
        ]
        let circuit = try ParameterizedCircuit(qubitCount: 2, parameterCount: 2, inputCount: 1, gates: gates)
        for level in Circuit.optimizationLevels {
            let template = try DeviceTemplate(
                compiling: circuit, for: Self.line(noisy: false), options: CompileOptions(optimizationLevel: level))
            let variable = template.circuit.gates.compactMap(\.angle).filter { $0.parameter != nil || $0.input != nil }
            #expect(variable.map { "\($0.parameter ?? -1),\($0.input ?? -1)" }.sorted() == ["-1,0", "0,-1", "0,-1", "1,-1"])
            #expect(template.variableAngles.count == 4)
        }
    }

    /// On an IonQ-like device (no native rz) a variable angle is a virtual rz: the only rz gates of
    /// the compiled template are the variable ones, and the noisy device adds no channel after them.
    @Test func ionQVariableAnglesAreVirtualRz() throws {
        let device = Self.line(noisy: true, nativeGates: Self.bases[3])
        let circuit = try ParameterizedCircuit(
            qubitCount: 2, parameterCount: 1, inputCount: 1,
            gates: [
                ParameterizedGate(.ry, [0], angle: .parameter(0)), ParameterizedGate(.cx, [0, 1]), ParameterizedGate(.rz, [1], angle: .input(0)),
            ])
        let template = try DeviceTemplate(compiling: circuit, for: device, options: CompileOptions())
        #expect(template.virtualRZ)
        let rz = template.circuit.gates.filter { $0.gate == .rz }
        #expect(rz.count == 2 && rz.allSatisfy { $0.angle?.parameter != nil || $0.angle?.input != nil })
        #expect(rz.allSatisfy { template.noise.channels(after: .rz, on: $0.qubits).isEmpty })
        #expect(template.circuit.gates.contains { $0.gate == .ms && !template.noise.channels(after: .ms, on: $0.qubits).isEmpty })
    }

    /// A device whose native gates are no basis (no entangler) is refused, naming what is missing.
    @Test func deviceWithoutBasisIsRefused() throws {
        let device = Self.line(noisy: false, nativeGates: [.rz, .sx, .x])
        let circuit = try ParameterizedCircuit(
            qubitCount: 2, parameterCount: 1, inputCount: 0, gates: [ParameterizedGate(.ry, [0], angle: .parameter(0))])
        #expect(throws: SimulationError.self) { try DeviceTemplate(compiling: circuit, for: device, options: CompileOptions()) }
    }
}
