/// How `DeviceCompiler.compile` compiles: the layout method, the routing seed and the peephole
/// optimisation level.
public struct CompileOptions: Hashable, Sendable {
    /// How logical qubits are placed on physical ones.
    public var layout: LayoutMethod
    /// Seed of the router's tie breaks (`SabreRouter`).
    public var routingSeed: UInt64
    /// Peephole optimisation level, in `Circuit.optimizationLevels` (0 = none).
    public var optimizationLevel: Int

    /// Creates options; the defaults are a trivial layout, seed 0 and level 1.
    public init(layout: LayoutMethod = .trivial, routingSeed: UInt64 = 0, optimizationLevel: Int = 1) {
        self.layout = layout
        self.routingSeed = routingSeed
        self.optimizationLevel = optimizationLevel
    }
}

/// Compiles a logical circuit to a device: the steps README "Devices" lists, each deterministic.
public enum DeviceCompiler {
    /// Compiles `circuit` for `device` (validated first):
    ///
    /// 1. gates on three or more qubits are unrolled into one-qubit gates and `cx`;
    /// 2. layout (`options.layout`) on the unrolled circuit's interactions;
    /// 3. SABRE routing with `options.routingSeed`: `swap` gates until every two-qubit gate is on a
    ///    coupled pair;
    /// 4. translation to the device's native basis (`NativeBasis`), then every two-qubit gate turned
    ///    to a direction the coupling map lists, and translated again;
    /// 5. peephole optimisation at `options.optimizationLevel`.
    ///
    /// Same inputs, same compiled circuit, operation for operation, on any machine and thread count.
    ///
    /// A device whose native gates are no `NativeBasis` (no one-qubit family or no entangler) takes
    /// circuits already written in its gates: layout and routing only.
    ///
    /// - Throws: `SimulationError` for an invalid device, a circuit wider than it, no connected set large
    ///   enough (noise-aware), a gate across disconnected qubits, and on a device without a basis a
    ///   gate it does not run or a pair it couples only the other way.
    public static func compile(_ circuit: Circuit, for device: Device, options: CompileOptions) throws -> DeviceCompilation {
        precondition(Circuit.optimizationLevels.contains(options.optimizationLevel), "optimisation level out of range")
        try device.validate()
        guard circuit.qubitCount <= device.qubits.count else {
            throw SimulationError.tooWide(circuitQubits: circuit.qubitCount, device: device.name, deviceQubits: device.qubits.count)
        }
        let graph = CouplingGraph(device: device)
        let unrolled = circuit.translated(to: unrollingBasis)
        let layout = try Layout.make(options.layout, for: unrolled, on: device, graph: graph)
        let routed = try SabreRouter.route(unrolled, from: layout, graph: graph, device: device.name, seed: options.routingSeed)
        guard let basis = try? NativeBasis(nativeGates: device.nativeGates) else {
            // Nothing to translate into: the routed circuit must be native and directed already.
            try device.check(routed.circuit)
            return DeviceCompilation(circuit: routed.circuit, initialLayout: layout, finalLayout: routed.finalLayout, swapCount: routed.swapCount)
        }
        let edges = Set(device.couplingMap)
        var physical = routed.circuit.translated(to: basis)
        // Each pass turns gates the other way round; the SWAPs a rare gate needs take a second pass.
        for _ in 0..<3 {
            let directed = physical.directed(along: edges)
            if directed == physical { break }
            physical = directed.translated(to: basis)
        }
        physical = physical.optimized(level: options.optimizationLevel, basis: basis)
        return DeviceCompilation(circuit: physical, initialLayout: layout, finalLayout: routed.finalLayout, swapCount: routed.swapCount)
    }

    /// Every gate on one or two qubits as written, the rest decomposed into `u3` and `cx`: routing
    /// needs gates on at most two qubits.
    static let unrollingBasis = NativeBasis(
        oneQubit: .u3, entangler: .cx, nativeGates: Set(StandardGate.allCases.filter { $0.qubitCount <= 2 }))
}
