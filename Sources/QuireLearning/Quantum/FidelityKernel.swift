import QuireSimulator

/// The fidelity quantum kernel k(x, x') = |⟨ψ(x')|ψ(x)⟩|² of an encoding (Havlíček et al. 2019,
/// Schuld and Killoran 2019), computed exactly on the statevector.
///
/// Each sample's state is prepared once (`states`); Gram entries are then inner products of stored
/// states, summed in amplitude order, so a Gram matrix of N samples costs N state preparations and
/// N(N+1)/2 inner products, and is exactly symmetric. Rows are spread over `threads` workers, each
/// entry computed by one worker: the result does not depend on the thread count.
public struct FidelityKernel: Hashable, Sendable {
    /// The encoding whose states define the kernel.
    public let encoding: Encoding
    /// Worker threads (results never depend on it).
    public let threads: Int

    /// A kernel for `encoding`.
    public init(encoding: Encoding, threads: Int = 1) {
        self.encoding = encoding
        self.threads = max(1, threads)
    }

    /// The encoded states of a set of samples, amplitudes stored split re/im, one sample after another.
    public struct States: Hashable, Sendable {
        /// Number of samples.
        public let count: Int
        /// Amplitudes per state, 2ⁿ.
        public let dimension: Int
        /// Real parts, `count × dimension`.
        public let real: [Double]
        /// Imaginary parts, `count × dimension`.
        public let imaginary: [Double]
    }

    /// The state of every row of `features`.
    ///
    /// - Throws: `LearningError` when the encoding cannot take a row.
    public func states(_ features: Matrix) throws -> States {
        let inputs = try encoding.inputs(forRows: features)
        let compiled = CompiledCircuit(encoding.circuit)
        let dimension = 1 << encoding.qubitCount
        let count = inputs.count
        var real = [Double](repeating: 0, count: count * dimension)
        var imaginary = real
        let workspaces = (0..<SampleWorkers.count(samples: count, threads: threads)).map { _ in compiled.makeWorkspace() }
        real.withUnsafeMutableBufferPointer { reBuffer in
            imaginary.withUnsafeMutableBufferPointer { imBuffer in
                let (re, im) = (reBuffer.baseAddress!, imBuffer.baseAddress!)
                SampleWorkers.forEach(count: count, threads: threads) { worker, samples in
                    for sample in samples {
                        inputs[sample].withUnsafeBufferPointer { u in
                            compiled.prepareAmplitudes(
                                parameters: UnsafeBufferPointer(start: nil, count: 0), inputs: u, workspace: workspaces[worker],
                                real: re + sample * dimension, imaginary: im + sample * dimension)
                        }
                    }
                }
            }
        }
        return States(count: count, dimension: dimension, real: real, imaginary: imaginary)
    }

    /// The symmetric Gram matrix K[i, j] = |⟨ψ_j|ψ_i⟩|² of one set of states.
    public func gram(_ states: States) -> Matrix {
        matrix(states, states, symmetric: true)
    }

    /// The cross-kernel K[t, i] = |⟨ψ_i|ψ_t⟩|² between `rows` (e.g. test) and `columns` (training) states.
    public func cross(_ rows: States, _ columns: States) -> Matrix {
        matrix(rows, columns, symmetric: false)
    }

    private func matrix(_ a: States, _ b: States, symmetric: Bool) -> Matrix {
        precondition(a.dimension == b.dimension, "fidelity kernel: states of different sizes")
        var elements = [Double](repeating: 0, count: a.count * b.count)
        elements.withUnsafeMutableBufferPointer { buffer in
            let out = buffer
            SampleWorkers.forEach(count: a.count, threads: threads) { _, rows in
                for i in rows {
                    for j in (symmetric ? i : 0)..<b.count {
                        let value = Self.fidelity(a, i, b, j)
                        out[i * b.count + j] = value
                        if symmetric { out[j * b.count + i] = value }
                    }
                }
            }
        }
        return Matrix(rows: a.count, columns: b.count, elements: elements)
    }

    /// |⟨b_j|a_i⟩|², summed in amplitude order.
    static func fidelity(_ a: States, _ i: Int, _ b: States, _ j: Int) -> Double {
        var re = 0.0
        var im = 0.0
        let x = i * a.dimension
        let y = j * b.dimension
        for k in 0..<a.dimension {
            let ar = a.real[x + k]
            let ai = a.imaginary[x + k]
            let br = b.real[y + k]
            let bi = b.imaginary[y + k]
            re += br * ar + bi * ai
            im += br * ai - bi * ar
        }
        return re * re + im * im
    }
}
