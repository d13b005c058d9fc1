import QuireSimulator

/// The fidelity kernel of an encoding on a device, as Qiskit's `FidelityQuantumKernel` with
/// `ComputeUncompute` defines it: K(x, y) = P(0…0) after U(x) followed by U(y)†, compiled for the
/// device and run with its gate noise and readout error on the exact density matrix (no shots).
///
/// The compute-uncompute circuit is compiled once (`DeviceTemplate`, inputs x then y) and evaluated
/// per pair; the outcome 0…0 is read on the physical qubits that hold the logical ones at the end,
/// the other active qubits marginalised. On a noisy device K(x, y) and K(y, x) differ slightly and
/// K(x, x) < 1. The training matrix is evaluated on its upper triangle, diagonal included, and
/// mirrored: Qiskit's default (`evaluate_duplicates="off_diagonal"`) also evaluates only the upper
/// triangle, but sets the diagonal to 1; here the diagonal is evaluated, so it shows the device's
/// noise as every other entry does. N training samples cost N(N+1)/2 density evaluations, a test
/// set of M samples M·N more. Each entry is computed by one worker: results do not depend on `threads`.
public struct DeviceFidelityKernel: Sendable {
    /// The encoding whose states define the kernel.
    public let encoding: Encoding
    /// The compute-uncompute circuit compiled for the device.
    public let template: DeviceTemplate
    /// The definition as a record states it: the kernel, the evaluated diagonal and the mirroring.
    public static let definition =
        "K(x, y) = P(0…0) after U(x) then U(y)† (Qiskit's ComputeUncompute fidelity), compiled for the device, exact density matrix "
        + "with its gate noise and readout error; training matrix: upper triangle evaluated, diagonal included, mirrored"

    /// Worker threads (results never depend on it).
    public let threads: Int
    let density: CompiledDensityCircuit

    /// Compiles the kernel circuit of `encoding` for `device` with `options`.
    ///
    /// - Throws: `SimulationError` from compilation (`DeviceTemplate`).
    public init(encoding: Encoding, device: Device, options: CompileOptions, threads: Int = 1) throws {
        self.encoding = encoding
        template = try DeviceTemplate(compiling: try encoding.circuit.computeUncompute(), for: device, options: options)
        self.threads = max(1, threads)
        let read = template.readQubits
        let zeros = (0..<(1 << template.circuit.qubitCount)).map { state in read.allSatisfy { state >> $0 & 1 == 0 } ? 1.0 : 0.0 }
        density = CompiledDensityCircuit(circuit: template.circuit, noiseModel: template.noise, diagonal: zeros)
    }

    /// The training matrix of `features`' rows: upper triangle (diagonal included) evaluated, mirrored.
    ///
    /// - Throws: `LearningError` when the encoding cannot take a row.
    public func gram(_ features: Matrix) throws -> Matrix {
        let inputs = try encoding.inputs(forRows: features)
        return matrix(inputs, inputs, symmetric: true)
    }

    /// K[t, i] = K(rows[t], columns[i]) for every pair (e.g. test × training).
    ///
    /// - Throws: `LearningError` when the encoding cannot take a row.
    public func cross(_ rows: Matrix, _ columns: Matrix) throws -> Matrix {
        matrix(try encoding.inputs(forRows: rows), try encoding.inputs(forRows: columns), symmetric: false)
    }

    private func matrix(_ a: [[Double]], _ b: [[Double]], symmetric: Bool) -> Matrix {
        var elements = [Double](repeating: 0, count: a.count * b.count)
        let workspaces = (0..<SampleWorkers.count(samples: a.count, threads: threads)).map { _ in density.makeWorkspace() }
        elements.withUnsafeMutableBufferPointer { out in
            SampleWorkers.forEach(count: a.count, threads: threads) { worker, rows in
                for i in rows {
                    for j in (symmetric ? i : 0)..<b.count {
                        let value = (a[i] + b[j]).withUnsafeBufferPointer {
                            density.expectation(parameters: UnsafeBufferPointer(start: nil, count: 0), inputs: $0, workspace: workspaces[worker])
                        }
                        out[i * b.count + j] = value
                        if symmetric { out[j * b.count + i] = value }
                    }
                }
            }
        }
        return Matrix(rows: a.count, columns: b.count, elements: elements)
    }
}
