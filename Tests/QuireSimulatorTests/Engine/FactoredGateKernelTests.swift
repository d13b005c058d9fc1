import Numerics
import QuireCore
import QuireKernels
import Testing

@testable import QuireSimulator

/// The factored fused-gate kernel (FusedGate, factored_gate.c): one-qubit factors and permutations
/// applied in registers equal their product applied by the naive sum, every SIMD path equals the
/// portable one to the last bit, and the fuser takes the factored form only where it is cheaper.
struct FactoredGateKernelTests {
    /// A factored gate on `qubits`: six factors, one-qubit matrices (entries drawn from `stream`) on
    /// drawn bits alternating with drawn permutations of the local basis states.
    static func randomFactored(_ qubits: [Int], _ stream: RandomStream) -> FusedGate {
        FusedGate(qubits: qubits, factors: randomFactors(qubits.count, stream))
    }

    /// The factors of `randomFactored`.
    static func randomFactors(_ k: Int, _ stream: RandomStream) -> [FusedGate.Factor] {
        (0..<6).map { f in
            let draw = stream.substream(index: UInt64(f))
            guard f % 2 == 1 else {
                return .oneQubit(bit: Int(draw.uint64(at: 0) % UInt64(k)), matrix: (0..<8).map { draw.normal(at: UInt64(1 + $0)) })
            }
            let keys = (0..<1 << k).map { draw.uint64(at: UInt64($0)) }
            return .permutation(image: (0..<1 << k).sorted { keys[$0] < keys[$1] })
        }
    }

    /// The 2ᵏ×2ᵏ matrix of `factors`, multiplied out as matrices (the test's truth).
    static func product(_ factors: [FusedGate.Factor], k: Int) -> ComplexMatrix {
        let dimension = 1 << k
        return factors.reduce(ComplexMatrix.identity(dimension)) { product, factor in
            var elements = [Complex<Double>](repeating: .zero, count: dimension * dimension)
            for row in 0..<dimension {
                for column in 0..<dimension {
                    switch factor {
                    case let .oneQubit(bit, m):
                        guard row & ~(1 << bit) == column & ~(1 << bit) else { continue }
                        let entry = 2 * (2 * (row >> bit & 1) + (column >> bit & 1))
                        elements[row * dimension + column] = Complex(m[entry], m[entry + 1])
                    case let .permutation(image):
                        elements[row * dimension + column] = image[column] == row ? .one : .zero
                    }
                }
            }
            return ComplexMatrix(dimension: dimension, elements: elements) * product
        }
    }

    @Test(arguments: FusedGateKernelTests.cases.indices)
    func matchesTheProductOfItsFactors(index: Int) {
        let (n, targets) = FusedGateKernelTests.cases[index]
        let stream = RandomStream(seed: 61, purpose: "factored-kernel").substream(index: UInt64(index))
        let state = FusedGateKernelTests.randomState(n, stream.substream("state"))
        let factors = Self.randomFactors(targets.count, stream.substream("factors"))
        let expected = naiveApply(Self.product(factors, k: targets.count), qubits: targets, to: state)
        // Three products of normal deviates chained: rounding far below 1e-12.
        state.applyFused(FusedGate(qubits: targets, factors: factors), path: .portable)
        #expect(maxDifference(amplitudes(state), expected) <= 1e-12)
    }

    /// Every vector path this CPU has, on one and two threads, against the portable one.
    @Test(.enabled(if: SIMDPath.isAvailable(.avx2), "this CPU has no AVX2"), arguments: FusedGateKernelTests.cases.indices)
    func vectorPathsAndPortableAgreeToTheLastBit(index: Int) {
        let (n, targets) = FusedGateKernelTests.cases[index]
        let stream = RandomStream(seed: 67, purpose: "factored-kernel-paths").substream(index: UInt64(index))
        let portable = FusedGateKernelTests.randomState(n, stream.substream("state"))
        let start = AmplitudeBuffer(copying: portable)
        let gate = Self.randomFactored(targets, stream.substream("factors"))
        portable.applyFused(gate, path: .portable)
        let bits = { (buffer: AmplitudeBuffer) in amplitudes(buffer).map(\.bitPattern) }
        for path in SIMDPath.allCases where path != .portable && SIMDPath.isAvailable(path) {
            for threads in [1, 2] {
                let state = AmplitudeBuffer(copying: start)
                state.applyFused(gate, threads: threads, path: path)
                #expect(bits(state) == bits(portable), "\(path), \(threads) threads")
            }
        }
    }

    /// A layer of u3 on four qubits with cx between them is factored (4 factors, cost 64 against 66
    /// dense); a block with a non-permutation two-qubit gate (cz) and a two-qubit block of two u3
    /// and a cx with a third u3 (48 against 18) stay dense.
    @Test func theFuserFactorsOnlyWhereItIsCheaper() throws {
        let u3 = { (q: Int) in
            QuireSimulator.Operation(.gate(.u3, qubits: [q], parameters: [0.3 + Double(q), 0.5, -0.7]))
        }
        let layer = (0..<4).map(u3) + [gate(.cx, 0, 1), gate(.cx, 2, 3), gate(.cx, 1, 2)]
        let withCZ = (0..<4).map(u3) + [gate(.cx, 0, 1), gate(.cz, 2, 3), gate(.cx, 1, 2)]
        let pair = [u3(0), u3(1), gate(.cx, 0, 1), u3(0)]
        let forms = try [(layer, 4), (withCZ, 4), (pair, 2)].map { operations, n in
            let steps = try SimulationProgram(circuit: makeCircuit(qubits: n, operations), noise: nil).steps
            #expect(steps.count == 1)
            guard case let .gate(.fused(gate), _, _) = steps[0].action else { return -1 }
            return gate.factorCount
        }
        #expect(forms == [4, 0, 0])
    }

    /// A 10-qubit circuit of u3 on every other qubit and two cx brickworks per layer, fused
    /// (factored blocks among them), against gate-by-gate evolution (fusion 0): the same state to
    /// rounding.
    @Test func cxHeavyCircuitMatchesGateByGate() throws {
        var operations: [QuireSimulator.Operation] = []
        for layer in 0..<6 {
            operations += stride(from: 0, to: 10, by: 2).map { q in
                QuireSimulator.Operation(.gate(.u3, qubits: [q], parameters: [0.1 * Double(layer + q), 0.7, -0.4]))
            }
            operations += stride(from: 0, to: 9, by: 2).map { gate(.cx, $0, $0 + 1) }
            operations += stride(from: 1, to: 9, by: 2).map { gate(.cx, $0, $0 + 1) }
        }
        let circuit = makeCircuit(qubits: 10, operations)
        let fused = try SimulationProgram(circuit: circuit, noise: nil)
        #expect(fused.steps.contains { if case let .gate(.fused(gate), _, _) = $0.action { gate.isFactored } else { false } })
        let state = try Statevector(program: fused, threads: 1, memoryLimitBytes: 1 << 30)
        let reference = try Statevector(
            program: SimulationProgram(circuit: circuit, noise: nil, fusedQubits: 0), threads: 1, memoryLimitBytes: 1 << 30)
        #expect(maxDifference(amplitudes(state.branches[0].state), amplitudes(reference.branches[0].state)) <= 1e-13)
    }
}
