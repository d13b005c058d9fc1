import Foundation
import QuireCircuitTestSupport
import QuireCore
import QuireSimulator
import QuireTestSupport
import Testing

@testable import QuireLearning

/// Custom ansätze and encodings written in OpenQASM 2 (`QASMLowering`).
struct QASMAnsatzTests {
    /// A random three-qubit ansatz body: every supported rotation with angles `c + a*theta[k]`
    /// (k < 4), fixed gates, a user gate taking a parameter, a barrier and broadcasting. The first
    /// four statements are always rotations of theta[0] … theta[3], so every index is used whatever the seed.
    static func randomBody(seed: UInt64) -> String {
        let stream = RandomStream(seed: seed, purpose: "random-qasm")
        var draw: UInt64 = 0
        func next(_ n: Int) -> Int {
            draw += 1
            return Int(stream.uint64(at: draw) % UInt64(n))
        }
        let rotations = ["rx", "ry", "rz", "p", "u1", "rxx", "rzz"]
        let fixed = ["h", "sx", "t", "cx", "cz", "cy", "swap", "s"]
        var lines = ["gate pair(a) s, t { ry(a/2) s; cx s, t; rz(-a) t; }", "h q;"]
        for index in 0..<18 {
            let a = next(3)
            let wires = "q[\(a)], q[\((a + 1 + next(2)) % 3)]"
            let k = index < 4 ? index : next(4)
            if index < 4 || next(3) > 0 {
                let gate = rotations[next(rotations.count)]
                let coefficient = ["", "2*", "-0.5*", "3/4*"][next(4)]
                let constant = ["", " + pi/3", " - 0.25", " + 1"][next(4)]
                let target = gate.hasPrefix("r") && gate.count == 3 ? wires : "q[\(a)]"
                lines.append("\(gate)(\(coefficient)theta[\(k)]\(constant)) \(target);")
            } else {
                let gate = fixed[next(fixed.count)]
                lines.append(["cx", "cz", "cy", "swap"].contains(gate) ? "\(gate) \(wires);" : "\(gate) q[\(a)];")
            }
        }
        lines += ["barrier q;", "pair(2*theta[3] + 1) q[2], q[0];"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// ⟨Z^zMask⟩ of the body read by the plain QASM reader with θ written in as numbers: the
    /// independent truth the lowered circuit is checked against.
    static func substituted(_ body: String, _ theta: [Double], zMask: Int) throws -> Double {
        var text = body
        for (k, value) in theta.enumerated() { text = text.replacingOccurrences(of: "theta[\(k)]", with: "(\(value))") }
        let circuit = try QASMReader.read("OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[3];\n" + text)
        let probabilities = try Simulator.run(circuit, options: SimulationOptions(method: .statevector)).probabilities
        return probabilities.indices.reduce(0.0) { $0 + (($1 & zMask).nonzeroBitCount & 1 == 1 ? -1 : 1) * probabilities[$1] }
    }

    /// On random ansätze the lowered circuit gives the value the plain reader gives with θ written
    /// in (1e-12: rounding of ~40 gates), and adjoint and parameter-shift gradients agree with each
    /// other (1e-10) and with central differences of that independent value (h = 1e-5: O(h²)
    /// truncation and ~1e-11 rounding, so 1e-6).
    @Test(arguments: 0..<16)
    func gradientsOfRandomQASMAnsatzeMatchFiniteDifferences(seed: Int) throws {
        let body = Self.randomBody(seed: UInt64(seed))
        let circuit = try QASMLowering.lower(body, role: .ansatz, qubits: 3)
        #expect(circuit.parameterCount == 4 && circuit.inputCount == 0)
        let theta = uniforms(4, seed: UInt64(seed), purpose: "theta", in: -3...3)
        for zMask in [1 << (seed % 3), 0b111] {
            let (value, adjoint) = CircuitFixtures.adjointGradient(circuit, theta, [], zMask: zMask)
            #expect(isClose(value, try Self.substituted(body, theta, zMask: zMask), tolerance: 1e-12), "\(body)")
            let shift = try circuit.parameterShiftGradient(parameters: theta, inputs: []) { bound, _ in
                let probabilities = try Simulator.run(bound, options: SimulationOptions(method: .statevector)).probabilities
                return probabilities.indices.reduce(0.0) { $0 + (($1 & zMask).nonzeroBitCount & 1 == 1 ? -1 : 1) * probabilities[$1] }
            }
            #expect(allClose(adjoint, shift, tolerance: 1e-10), "adjoint \(adjoint) vs shift \(shift)")
            let h = 1e-5
            let central = try (0..<4).map { k in
                var plus = theta
                var minus = theta
                plus[k] += h
                minus[k] -= h
                return (try Self.substituted(body, plus, zMask: zMask) - Self.substituted(body, minus, zMask: zMask)) / (2 * h)
            }
            #expect(allClose(adjoint, central, tolerance: 1e-6), "adjoint \(adjoint) vs central \(central)")
        }
    }

    /// The hardware-efficient ring ansatz and the y-angle encoding written in QASM lower to exactly
    /// the built-in circuit, layers included (each layer repeats the body with fresh θ).
    @Test func builtInAnsatzWrittenInQASMIsTheSameCircuit() throws {
        let ansatz =
            "ry(theta[0]) q[0]; rz(theta[1]) q[0];\nry(theta[2]) q[1]; rz(theta[3]) q[1];\nry(theta[4]) q[2]; rz(theta[5]) q[2];\ncx q[0], q[1]; cx q[1], q[2]; cx q[2], q[0];\n"
        let custom = try VariationalModel(
            encoding: Encoding(.qasm("ry(x[0]) q[0]; ry(x[1]) q[1]; ry(x[2]) q[2];"), featureCount: 3), ansatz: .qasm(ansatz), layers: 3,
            observable: .z(qubit: 0))
        let builtIn = try VariationalModel(
            encoding: Encoding(.angle(rotation: .y, scale: 1), featureCount: 3), ansatz: .hardwareEfficient(entanglement: .ring), layers: 3,
            observable: .z(qubit: 0))
        #expect(custom.circuit == builtIn.circuit)
        #expect(custom.parameterCount == 19)
    }

    /// A multi-class model takes a QASM ansatz too: the softmax readout trains on three blobs.
    @Test func aMulticlassModelTrainsWithAQASMAnsatz() throws {
        let data = try BlobsParameters(samples: 30, centers: 3, features: 2).generate(RandomStream(seed: 3, purpose: "dataset"))
        let encoding = try Encoding(.qasm("h q; rz(x[0]) q[0]; rz(x[1]) q[1]; rzz(x[0]) q[0], q[2];"), featureCount: 2, qubitCount: 3)
        let model = try VariationalModel(
            encoding: encoding, ansatz: .qasm("ry(theta[0]) q[0]; ry(theta[1]) q[1]; ry(theta[2]) q[2]; cx q[0], q[1]; cx q[1], q[2];"),
            layers: 2, observable: .z(qubit: 0))
        let trained = try MulticlassTrainer.train(
            model, readout: .softmax(scale: 2), on: data,
            configuration: TrainingConfiguration(
                optimizer: .adam(learningRate: 0.1), epochs: 2, batchSize: 10, gradient: .adjoint, loss: .crossEntropy, seed: 1))
        #expect(trained.predict(data.features).count == 30)
    }

    /// A QASM encoding needs the qubits its body indexes, not one per feature: four features on two
    /// qubits (a `q[7]` in a comment does not count), and the bound circuit is the body read by the
    /// plain QASM reader with the features written in (1e-12: exact engine, a few gates).
    @Test func aQASMEncodingPutsSeveralFeaturesOnOneQubit() throws {
        let body = "// not q[7]\nry(x[0]) q[0]; rz(x[1]) q[0];\nry(x[2]) q[1]; rz(2*x[3]) q[1];\ncx q[0], q[1]; ry(x[1]) q[1];\n"
        #expect(Encoding.minimumQubits(.qasm(body), featureCount: 4) == 2)
        #expect(Encoding.minimumQubits(.qasm("h q; ry(x[0]) q; ry(x[1]) q;"), featureCount: 2) == 1)
        #expect(QASMLowering.qubitsWritten(by: body) == 2 && Ansatz.qasm(body).minimumQubits == 2)
        let encoding = try Encoding(.qasm(body), featureCount: 4)
        #expect(encoding.circuit.qubitCount == 2 && encoding.circuit.inputCount == 4)
        let x = [0.3, 1.1, 2.0, 0.7]
        var text = body
        for (i, value) in x.enumerated() { text = text.replacingOccurrences(of: "x[\(i)]", with: "(\(value))") }
        let plain = try QASMReader.read("OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\n" + text)
        let options = SimulationOptions(method: .statevector)
        let bound = encoding.circuit.bind(parameters: [], inputs: try encoding.inputs(for: x))
        #expect(
            allClose(
                try Simulator.run(bound, options: options).probabilities, try Simulator.run(plain, options: options).probabilities, tolerance: 1e-12))
    }

    /// Bad bodies fail where the problem is written, with the reason and a hint.
    @Test(arguments: [
        ("h q[0];", QASMLowering.Role.ansatz, 1, 1, "the ansatz has no trained parameters"),
        ("ry(theta[0]) q[0];\nry(theta[2]) q[1];", .ansatz, 2, 4, "theta[2] is used but theta[1] is not"),
        ("ry(x[3]) q[0];", .encoding(features: 2), 1, 4, "x[3] is beyond the dataset's 2 features"),
        ("ry(theta[0]) q[0]; reset q[1];", .ansatz, 1, 20, "measurements and resets cannot be used in an ansatz"),
        ("ry(theta[0]) q[0]; u3(theta[0], 0, 0) q[1];", .ansatz, 1, 20, "gate `u3` cannot be used in an ansatz"),
        ("ry(theta[0]) q[0]; foo q[1];", .ansatz, 1, 20, "unknown gate `foo`"),
        ("ry(theta[0] + theta[1]) q[0];", .ansatz, 1, 4, "depends on both theta[1] and theta[0]"),
        ("ry(theta[0]) q[0]; ry(x[0]) q[1];", .ansatz, 1, 23, "x[0] cannot be used in an ansatz"),
        ("ry(sin(theta[0])) q[0];", .ansatz, 1, 4, "not affine"),
    ])
    func badBodiesAreLocated(body: String, role: QASMLowering.Role, line: Int, column: Int, fragment: String) {
        do {
            _ = try QASMLowering.lower(body, role: role, qubits: 2)
            Issue.record("expected an error for \(body)")
        } catch {
            guard case let .invalidQASM(errorLine, errorColumn, message, hint) = error else {
                Issue.record("expected a QASM error, got \(error)")
                return
            }
            #expect(errorLine == line && errorColumn == column && message.contains(fragment), "\(error)")
            #expect(hint != nil)
        }
    }
}
