import CQuireKernels
import Foundation
import QuireCore

/// The parameters of a fully connected network and its forward and backward passes.
///
/// All parameters live in one flat array: for each layer `l`, its `fanIn × fanOut` weights
/// (row-major, scikit-learn's `coefs_[l]` layout) and then its `fanOut` biases. Hidden layers use
/// the chosen activation; the output is a sigmoid unit for two classes and a softmax otherwise.
/// Passes write into a reusable `Workspace`, so training allocates nothing per mini-batch.
struct MLPNetwork: Hashable, Sendable {
    let widths: [Int]
    let activation: MLPParameters.Activation
    var parameters: [Double]
    /// Start of layer `l`'s weights in `parameters`; its biases follow them.
    let offsets: [Int]

    /// A network with the given widths and parameters (`parameters.count == Self.parameterCount(widths)`).
    init(widths: [Int], activation: MLPParameters.Activation, parameters: [Double]) {
        self.widths = widths
        self.activation = activation
        self.parameters = parameters
        var offsets = [Int]()
        var offset = 0
        for l in 0..<(widths.count - 1) {
            offsets.append(offset)
            offset += (widths[l] + 1) * widths[l + 1]
        }
        precondition(offset == parameters.count, "MLPNetwork: \(parameters.count) parameters for widths \(widths)")
        self.offsets = offsets
    }

    /// The number of weights and biases of a network with these widths.
    static func parameterCount(_ widths: [Int]) -> Int {
        (0..<(widths.count - 1)).reduce(0) { $0 + (widths[$1] + 1) * widths[$1 + 1] }
    }

    var layerCount: Int { widths.count - 1 }
    var isBinary: Bool { widths.last == 1 }

    /// Layer `l`'s weights as an array (a copy).
    func weights(_ l: Int) -> [Double] { Array(parameters[offsets[l]..<(offsets[l] + widths[l] * widths[l + 1])]) }

    /// Layer `l`'s biases as an array (a copy).
    func biases(_ l: Int) -> [Double] {
        let start = offsets[l] + widths[l] * widths[l + 1]
        return Array(parameters[start..<(start + widths[l + 1])])
    }

    /// Buffers for the passes over batches of up to `capacity` samples.
    struct Workspace {
        /// Activations of each layer (layer 0: the input), `batch × width` row-major.
        var activations: [[Double]]
        /// Error signals of the current and the previous layer.
        var delta: [Double]
        var previousDelta: [Double]
        /// One layer's weights transposed (`fanOut × fanIn`), so back-propagation runs along rows.
        var transposed: [Double]

        init(widths: [Int], capacity: Int) {
            activations = widths.map { [Double](repeating: 0, count: capacity * $0) }
            let widest = widths.max() ?? 0
            delta = [Double](repeating: 0, count: capacity * widest)
            previousDelta = delta
            transposed = [Double](repeating: 0, count: zip(widths, widths.dropFirst()).map { $0 * $1 }.max() ?? 0)
        }
    }

    /// Fills `workspace.activations` for the rows `indices` of `features`; the last layer holds
    /// the output probabilities (of class 1, or of every class).
    func forward(_ features: Matrix, rows indices: ArraySlice<Int>, workspace: inout Workspace) {
        let batch = indices.count
        let d = features.columns
        features.elements.withUnsafeBufferPointer { x in
            workspace.activations[0].withUnsafeMutableBufferPointer { input in
                for (s, index) in indices.enumerated() {
                    for j in 0..<d { input[s * d + j] = x[index * d + j] }
                }
            }
        }
        parameters.withUnsafeBufferPointer { theta in
            for l in 0..<layerCount {
                let fanIn = widths[l]
                let fanOut = widths[l + 1]
                let w = offsets[l]
                let b = offsets[l] + fanIn * fanOut
                let isHidden = l < layerCount - 1
                let previous = workspace.activations[l]
                workspace.activations[l + 1].withUnsafeMutableBufferPointer { output in
                    previous.withUnsafeBufferPointer { input in
                        // Each unit: its bias, then input × weight for every nonzero input in order.
                        Self.product(
                            rows: batch, cols: fanOut, depth: fanIn, input.baseAddress!, rowStride: fanIn, depthStride: 1,
                            theta.baseAddress! + w, start: theta.baseAddress! + b, into: output.baseAddress!, skipZeros: true)
                        for s in 0..<batch {
                            let row = s * fanOut
                            if isHidden {
                                switch activation {
                                // A select, not a branch: the same values without a mispredicted jump per unit.
                                case .relu: for o in 0..<fanOut { output[row + o] = output[row + o] < 0 ? 0 : output[row + o] }
                                case .tanh: for o in 0..<fanOut { output[row + o] = Elementary.tanh(output[row + o]) }
                                }
                            } else if fanOut == 1 {
                                output[row] = LogisticObjective.sigmoid(output[row])
                            } else {
                                var top = -Double.infinity
                                for o in 0..<fanOut { top = max(top, output[row + o]) }
                                var total = 0.0
                                for o in 0..<fanOut {
                                    output[row + o] = Elementary.exp(output[row + o] - top)
                                    total += output[row + o]
                                }
                                for o in 0..<fanOut { output[row + o] /= total }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The regularised mean log loss of a batch, with its gradient written into `gradient`
    /// (same layout as `parameters`), as scikit-learn's `_backprop` defines both.
    func lossAndGradient(
        _ features: Matrix, labels: [Int], rows indices: ArraySlice<Int>, alpha: Double,
        workspace: inout Workspace, gradient: inout [Double]
    ) -> Double {
        forward(features, rows: indices, workspace: &workspace)
        let batch = indices.count
        let scale = 1 / Double(batch)
        let outputs = widths[layerCount]
        let epsilon = Double.ulpOfOne
        var loss = 0.0
        let probabilities = workspace.activations[layerCount]
        for (s, index) in indices.enumerated() {
            let label = labels[index]
            for o in 0..<outputs { workspace.delta[s * outputs + o] = probabilities[s * outputs + o] }
            if outputs == 1 {
                let p = min(max(probabilities[s], epsilon), 1 - epsilon)
                loss -= label == 1 ? Elementary.log(p) : Elementary.log(1 - p)
                workspace.delta[s] -= Double(label)
            } else {
                loss -= Elementary.log(min(max(probabilities[s * outputs + label], epsilon), 1 - epsilon))
                workspace.delta[s * outputs + label] -= 1
            }
        }
        var squares = 0.0
        for l in 0..<layerCount {
            for k in offsets[l]..<(offsets[l] + widths[l] * widths[l + 1]) { squares += parameters[k] * parameters[k] }
        }
        loss = loss * scale + 0.5 * alpha * squares * scale

        parameters.withUnsafeBufferPointer { theta in
            gradient.withUnsafeMutableBufferPointer { g in
                for l in stride(from: layerCount - 1, through: 0, by: -1) {
                    let fanIn = widths[l]
                    let fanOut = widths[l + 1]
                    let w = offsets[l]
                    let b = offsets[l] + fanIn * fanOut
                    let input = workspace.activations[l]
                    input.withUnsafeBufferPointer { a in
                        workspace.delta.withUnsafeBufferPointer { delta in
                            // Each weight: Σ over the batch in order of input × error, nonzero inputs only.
                            Self.product(
                                rows: fanIn, cols: fanOut, depth: batch, a.baseAddress!, rowStride: 1, depthStride: fanIn,
                                delta.baseAddress!, into: g.baseAddress! + w, skipZeros: true)
                            for k in b..<(b + fanOut) { g[k] = 0 }
                            for s in 0..<batch {
                                for o in 0..<fanOut { g[b + o] += delta[s * fanOut + o] }
                            }
                            for k in w..<b { g[k] = (g[k] + alpha * theta[k]) * scale }
                            for k in b..<(b + fanOut) { g[k] *= scale }
                            guard l > 0 else { return }
                            workspace.transposed.withUnsafeMutableBufferPointer { transposed in
                                for i in 0..<fanIn {
                                    for o in 0..<fanOut { transposed[o * fanIn + i] = theta[w + i * fanOut + o] }
                                }
                                // Each error: Σ over the outputs in order from +0 of error × weight.
                                workspace.previousDelta.withUnsafeMutableBufferPointer { previous in
                                    Self.product(
                                        rows: batch, cols: fanIn, depth: fanOut, delta.baseAddress!, rowStride: fanOut, depthStride: 1,
                                        transposed.baseAddress!, into: previous.baseAddress!, skipZeros: false)
                                    for s in 0..<batch {
                                        let sums = previous.baseAddress! + s * fanIn
                                        switch activation {
                                        case .relu: quire_mlp_relu_gate(Int64(fanIn), sums, a.baseAddress! + s * fanIn)
                                        case .tanh:
                                            for i in 0..<fanIn { sums[i] = sums[i] * (1 - a[s * fanIn + i] * a[s * fanIn + i]) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                    if l > 0 { swap(&workspace.delta, &workspace.previousDelta) }
                }
            }
        }
        return loss
    }

    /// `c[r][j] = start[j] (or +0) + Σₖ a[r][k] · b[k][j]` for a `depth × cols` row-major `b` and a
    /// row-major `c`, each term added in ascending k (left out where a is zero with `skipZeros`),
    /// so every sum rounds as the scalar loop's; `a[r][k]` is at `r × rowStride + k × depthStride`.
    private static func product(
        rows: Int, cols: Int, depth: Int, _ a: UnsafePointer<Double>, rowStride: Int, depthStride: Int,
        _ b: UnsafePointer<Double>, start: UnsafePointer<Double>? = nil, into c: UnsafeMutablePointer<Double>, skipZeros: Bool
    ) {
        quire_mlp_product(
            Int64(rows), Int64(cols), Int64(depth), a, Int64(rowStride), Int64(depthStride), b, Int64(cols), start, c, Int64(cols),
            skipZeros ? 1 : 0)
    }
}
