import QuireCore
import QuireKernels
import Testing

@testable import QuireSimulator

/// Cache blocking (AmplitudeBuffer+CacheBlocks, Statevector+CacheBlocks): a run of fused gates
/// applied block by block equals the same gates applied one after another, to the last bit, on
/// every SIMD path and thread count; blocks known to be zero are skipped; and the engine's grouping
/// of steps into blocked passes.
struct CacheBlockTests {
    /// Outside qubits of 12: high ones (vector loads), scattered ones, one among the lowest three
    /// (blocks without consecutive amplitudes, gathered one group at a time), and none (one block).
    static let outsideSets: [[Int]] = [[9, 10, 11], [3, 7, 11], [0, 5], [], [1, 2, 4, 6, 8]]

    /// The bit patterns of `buffer`'s amplitudes.
    static func bits(_ buffer: AmplitudeBuffer) -> [UInt64] { amplitudes(buffer).map(\.bitPattern) }

    @Test(arguments: outsideSets.indices)
    func blockedRunEqualsGateByGateToTheLastBit(index: Int) {
        let n = 12, outside = Self.outsideSets[index]
        let inside = (0..<n).filter { !outside.contains($0) }
        let stream = RandomStream(seed: 41, purpose: "cache-blocks").substream(index: UInt64(index))
        // Gates on 1–4 distinct inside qubits, drawn in turn, dense and factored alternately.
        let gates = (0..<10).map { g -> FusedGate in
            let draw = stream.substream("gate").substream(index: UInt64(g))
            let k = 1 + g % min(4, inside.count)
            var pool = inside, qubits: [Int] = []
            for p in 0..<k { qubits.append(pool.remove(at: Int(draw.uint64(at: UInt64(p)) % UInt64(pool.count)))) }
            return g % 2 == 0
                ? FusedGate(qubits: qubits, matrix: FusedGateKernelTests.randomMatrix(k, draw.substream("matrix")))
                : FactoredGateKernelTests.randomFactored(qubits, draw.substream("factors"))
        }
        let start = FusedGateKernelTests.randomState(n, stream.substream("state"))
        let expected = AmplitudeBuffer(copying: start)
        for gate in gates { expected.applyFused(gate, path: .portable) }
        for path in SIMDPath.allCases where SIMDPath.isAvailable(path) {
            for threads in [1, 2] {
                let state = AmplitudeBuffer(copying: start)
                state.applyFused(gates, outside: outside, threads: threads, path: path)
                #expect(Self.bits(state) == Self.bits(expected), "\(path), \(threads) threads")
            }
        }
    }

    /// One block (16 qubits, qubit 15 zero) on two threads: free high qubits are split off into
    /// blocks for the second thread, and the result is gate by gate's on every amplitude computed.
    @Test func aSingleBlockIsSplitForThreads() {
        let stream = RandomStream(seed: 53, purpose: "cache-blocks-threads")
        let start = FusedGateKernelTests.randomState(16, stream.substream("state"))
        let gates = [[0, 1, 2, 3], [2, 5, 4], [7, 1]].enumerated().map { g, qubits in
            FusedGate(qubits: qubits, matrix: FusedGateKernelTests.randomMatrix(qubits.count, stream.substream(index: UInt64(g))))
        }
        let expected = AmplitudeBuffer(copying: start)
        for gate in gates { expected.applyFused(gate) }
        for threads in [1, 2, 3] {
            let state = AmplitudeBuffer(copying: start)
            state.applyFused(gates, outside: [], zero: [15], threads: threads)
            let computed = (0..<1 << 15).map { state[$0] }, reference = (0..<1 << 15).map { expected[$0] }
            #expect(computed.elementsEqual(reference) { $0.re.bitPattern == $1.re.bitPattern && $0.im.bitPattern == $1.im.bitPattern })
            #expect((1 << 15..<1 << 16).allSatisfy { state[$0] == start[$0] }, "\(threads) threads")
        }
    }

    /// The layered benchmark circuit (u3 on every qubit, then a cx brickwork) on `n` qubits.
    static func layered(qubits n: Int, depth: Int) -> Circuit {
        let stream = RandomStream(seed: 43, purpose: "cache-blocks-layered")
        var operations: [QuireSimulator.Operation] = []
        for layer in 0..<depth {
            for q in 0..<n {
                let draw = stream.substream(index: UInt64(layer * n + q))
                let angles = (0..<3).map { 6 * draw.uniform(at: UInt64($0)) - 3 }
                operations.append(QuireSimulator.Operation(.gate(.u3, qubits: [q], parameters: angles)))
            }
            for q in stride(from: layer % 2, to: n - 1, by: 2) {
                operations.append(QuireSimulator.Operation(.gate(.cx, qubits: [q, q + 1], parameters: [])))
            }
        }
        return makeCircuit(qubits: n, operations)
    }

    /// `program`'s gates applied one step at a time (no blocking, no skipping): the reference.
    static func stepByStep(_ program: SimulationProgram) -> AmplitudeBuffer {
        let state = AmplitudeBuffer(qubitCount: program.qubitCount)
        for step in program.steps {
            guard case let .gate(operation, _, _) = step.action else { preconditionFailure("gates only") }
            operation.apply(to: state, threads: 1)
        }
        return state
    }

    /// 16 qubits in blocks of 8 and 10 (every kind of pass: blocked runs, single fused gates, the
    /// first gates skipping the untouched qubits' zeros) and 16 (no blocking, zeros skipped), on 1
    /// and 2 threads, against step-by-step application. A skipped zero may keep −0 where the
    /// reference has +0, so zeros compare as numbers and everything else by its bits.
    @Test(arguments: [8, 10, 16])
    func statevectorIsTheSameWithAnyBlockSizeAndThreadCount(blockQubits: Int) throws {
        let program = try SimulationProgram(circuit: Self.layered(qubits: 16, depth: 6), noise: nil)
        let passes = Statevector.passes(program.steps, qubitCount: 16, blockQubits: blockQubits)
        let blocked = passes.filter { if case .blocked = $0 { true } else { false } }
        #expect(blocked.count >= 2 && blocked.count < program.steps.count)
        let skipping = passes.filter { if case let .blocked(_, _, zero) = $0 { !zero.isEmpty } else { false } }
        #expect(skipping.count >= 2)
        let bits = { (buffer: AmplitudeBuffer) in amplitudes(buffer).map { $0 == 0 ? 0 : $0.bitPattern } }
        let expected = bits(Self.stepByStep(program))
        for threads in [1, 2] {
            let state = try Statevector(
                program: program, threads: threads, memoryLimitBytes: 1 << 30, blockQubits: blockQubits)
            #expect(bits(state.branches[0].state) == expected, "\(threads) threads")
        }
    }

    /// Skipped blocks are left as they are: a run on qubits 0–3 of 6 qubits with 4 and 5 declared
    /// zero changes no amplitude with a 1 on qubit 4 or 5, and computes the others.
    @Test func zeroBlocksAreSkipped() {
        let stream = RandomStream(seed: 47, purpose: "cache-blocks-zero")
        let start = FusedGateKernelTests.randomState(6, stream.substream("state"))
        let gate = FusedGate(qubits: [0, 1, 2, 3], matrix: FusedGateKernelTests.randomMatrix(4, stream.substream("matrix")))
        let state = AmplitudeBuffer(copying: start), full = AmplitudeBuffer(copying: start)
        state.applyFused([gate], outside: [], zero: [4, 5])
        full.applyFused(gate)
        for i in 0..<64 {
            let expected = i >> 4 != 0 ? start[i] : full[i]
            #expect(state[i].re == expected.re && state[i].im == expected.im, "amplitude \(i)")
        }
    }

    /// Blocked passes hold consecutive unconditioned fused gates that fit with qubits 0–2; a
    /// measurement or a conditional gate ends a run and stands alone.
    @Test func runsEndAtMeasurementsAndConditionsAndFitTheBlock() throws {
        let register = Register(name: "c", size: 1, offset: 0)
        var operations = Self.layered(qubits: 12, depth: 4).operations
        operations.insert(QuireSimulator.Operation(.measure(qubit: 5, clbit: 0)), at: 40)
        operations.insert(
            QuireSimulator.Operation(
                .gate(.x, qubits: [11], parameters: []), condition: Condition(register: register, value: 1)), at: 41)
        let program = try SimulationProgram(circuit: makeCircuit(qubits: 12, clbits: 1, operations), noise: nil)
        let passes = Statevector.passes(program.steps, qubitCount: 12, blockQubits: 8)
        #expect(passes.count < program.steps.count)
        for case let .blocked(gates, outside, zero) in passes {
            #expect(outside.count + zero.count >= 4 && (outside + zero).allSatisfy { $0 >= 3 })
            #expect(Set(gates.flatMap(\.qubits)).isDisjoint(with: outside + zero))
        }
        let measured = passes.contains { if case let .step(step) = $0, case .measure = step.action { true } else { false } }
        let conditioned = passes.contains { if case let .step(step) = $0 { step.condition != nil } else { false } }
        #expect(measured && conditioned)
    }
}
