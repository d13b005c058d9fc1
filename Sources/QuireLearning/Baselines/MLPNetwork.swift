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

    /// Buffers for the passes over batches of up to `capacity` samples, allocated once per fit so
    /// that training allocates nothing per mini-batch, and the instruction set the kernels run on.
    final class Workspace {
        /// Start of each layer's activations (layer 0: the input), `batch × width` row-major.
        let activations: [UnsafeMutablePointer<Double>]
        /// Error signals of the current and the previous layer (`batch × width`, the widest layer's room).
        let deltas: (UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>)
        /// One layer's weights transposed (`fanOut × fanIn`), so back-propagation runs along rows.
        let transposed: UnsafeMutablePointer<Double>
        /// The kernels' compiled copy (every path gives the same bits).
        let path: quire_simd_path
        private let storage: UnsafeMutableBufferPointer<Double>

        init(widths: [Int], capacity: Int, path: quire_simd_path = quire_simd_preferred_path()) {
            let delta = capacity * (widths.max() ?? 0)
            let transposed = zip(widths, widths.dropFirst()).map { $0 * $1 }.max() ?? 0
            storage = .allocate(capacity: capacity * widths.reduce(0, +) + 2 * delta + transposed)
            storage.initialize(repeating: 0)
            var next = storage.baseAddress!
            activations = widths.map { width in
                defer { next += capacity * width }
                return next
            }
            deltas = (next, next + delta)
            self.transposed = next + 2 * delta
            self.path = path
        }

        deinit { storage.deallocate() }
    }

    /// Fills `workspace.activations` for the rows `indices` of `features`; the last layer holds
    /// the output probabilities (of class 1, or of every class).
    func forward(_ features: Matrix, rows indices: ArraySlice<Int>, workspace: Workspace) {
        let batch = indices.count
        let d = features.columns
        let input = workspace.activations[0]
        features.elements.withUnsafeBufferPointer { x in
            for (s, index) in indices.enumerated() {
                for j in 0..<d { input[s * d + j] = x[index * d + j] }
            }
        }
        parameters.withUnsafeBufferPointer { theta in
            for l in 0..<layerCount {
                let fanIn = widths[l]
                let fanOut = widths[l + 1]
                let w = offsets[l]
                let b = offsets[l] + fanIn * fanOut
                let output = workspace.activations[l + 1]
                let isHidden = l < layerCount - 1
                // Each unit: its bias, then input × weight for every nonzero input in order; the ReLU
                // (`z < 0 ? 0 : z`) as the sums are stored.
                Self.product(
                    rows: batch, cols: fanOut, depth: fanIn, workspace.activations[l], rowStride: fanIn, depthStride: 1,
                    theta.baseAddress! + w, start: theta.baseAddress! + b, into: output, skipZeros: true,
                    relu: isHidden && activation == .relu, path: workspace.path)
                if isHidden {
                    if activation == .tanh { for k in 0..<(batch * fanOut) { output[k] = Elementary.tanh(output[k]) } }
                } else if fanOut == 1 {
                    for s in 0..<batch { output[s] = LogisticObjective.sigmoid(output[s]) }
                } else {
                    for s in 0..<batch { Self.softmax(output + s * fanOut, count: fanOut) }
                }
            }
        }
    }

    /// The `count` values at `row` replaced by their softmax (shifted by their maximum).
    private static func softmax(_ row: UnsafeMutablePointer<Double>, count: Int) {
        var top = -Double.infinity
        for o in 0..<count { top = max(top, row[o]) }
        var total = 0.0
        for o in 0..<count {
            row[o] = Elementary.exp(row[o] - top)
            total += row[o]
        }
        for o in 0..<count { row[o] /= total }
    }

    /// The regularised mean log loss of a batch, with its gradient written into `gradient`
    /// (same layout as `parameters`), as scikit-learn's `_backprop` defines both.
    func lossAndGradient(
        _ features: Matrix, labels: [Int], rows indices: ArraySlice<Int>, alpha: Double,
        workspace: Workspace, gradient: inout [Double]
    ) -> Double {
        forward(features, rows: indices, workspace: workspace)
        let batch = indices.count
        let scale = 1 / Double(batch)
        var (delta, previous) = workspace.deltas
        let loss = Self.logLoss(
            workspace.activations[layerCount], outputs: widths[layerCount], labels: labels, rows: indices, into: delta)
        let squares = parameters.withUnsafeBufferPointer { theta in
            var squares = 0.0
            for l in 0..<layerCount {
                for k in offsets[l]..<(offsets[l] + widths[l] * widths[l + 1]) { squares += theta[k] * theta[k] }
            }
            return squares
        }
        let one = 1.0
        parameters.withUnsafeBufferPointer { theta in
            gradient.withUnsafeMutableBufferPointer { g in
                for l in stride(from: layerCount - 1, through: 0, by: -1) {
                    let fanIn = widths[l]
                    let fanOut = widths[l + 1]
                    let w = offsets[l]
                    let b = offsets[l] + fanIn * fanOut
                    let a = workspace.activations[l]
                    // Each weight: Σ over the batch in order of input × error, nonzero inputs only.
                    Self.product(
                        rows: fanIn, cols: fanOut, depth: batch, a, rowStride: 1, depthStride: fanIn, delta,
                        into: g.baseAddress! + w, skipZeros: true, path: workspace.path)
                    // Each bias: Σ over the batch in order from +0 of the error (1 × error is the error).
                    withUnsafePointer(to: one) { one in
                        Self.product(
                            rows: 1, cols: fanOut, depth: batch, one, rowStride: 0, depthStride: 0, delta,
                            into: g.baseAddress! + b, skipZeros: false, path: workspace.path)
                    }
                    for k in w..<b { g[k] = (g[k] + alpha * theta[k]) * scale }
                    for k in b..<(b + fanOut) { g[k] *= scale }
                    guard l > 0 else { break }
                    let transposed = workspace.transposed
                    for o in 0..<fanOut {
                        for i in 0..<fanIn { transposed[o &* fanIn &+ i] = theta[w &+ i &* fanOut &+ o] }
                    }
                    // Each error: Σ over the outputs in order from +0 of error × weight.
                    Self.product(
                        rows: batch, cols: fanIn, depth: fanOut, delta, rowStride: fanOut, depthStride: 1, transposed,
                        into: previous, skipZeros: false, path: workspace.path)
                    switch activation {
                    case .relu: quire_mlp_relu_gate(Int64(batch * fanIn), previous, a, workspace.path)
                    case .tanh: for k in 0..<(batch * fanIn) { previous[k] = previous[k] * (1 - a[k] * a[k]) }
                    }
                    swap(&delta, &previous)
                }
            }
        }
        return loss * scale + 0.5 * alpha * squares * scale
    }

    /// The summed log loss of the batch's `probabilities` (`outputs` per row) against `labels`,
    /// clipped to [ε, 1 − ε] as scikit-learn does, with the output errors (probability − one-hot
    /// label) written into `delta`.
    private static func logLoss(
        _ probabilities: UnsafeMutablePointer<Double>, outputs: Int, labels: [Int], rows indices: ArraySlice<Int>,
        into delta: UnsafeMutablePointer<Double>
    ) -> Double {
        let epsilon = Double.ulpOfOne
        var loss = 0.0
        for (s, index) in indices.enumerated() {
            let label = labels[index]
            for o in 0..<outputs { delta[s * outputs + o] = probabilities[s * outputs + o] }
            if outputs == 1 {
                let p = min(max(probabilities[s], epsilon), 1 - epsilon)
                loss -= label == 1 ? Elementary.log(p) : Elementary.log(1 - p)
                delta[s] -= Double(label)
            } else {
                loss -= Elementary.log(min(max(probabilities[s * outputs + label], epsilon), 1 - epsilon))
                delta[s * outputs + label] -= 1
            }
        }
        return loss
    }

    /// `c[r][j] = start[j] (or +0) + Σₖ a[r][k] · b[k][j]` for a `depth × cols` row-major `b` and a
    /// row-major `c`, each term added in ascending k (left out where a is zero with `skipZeros`),
    /// so every sum rounds as the scalar loop's; `a[r][k]` is at `r × rowStride + k × depthStride`;
    /// with `relu` each sum below zero is stored as +0.
    private static func product(
        rows: Int, cols: Int, depth: Int, _ a: UnsafePointer<Double>, rowStride: Int, depthStride: Int,
        _ b: UnsafePointer<Double>, start: UnsafePointer<Double>? = nil, into c: UnsafeMutablePointer<Double>, skipZeros: Bool,
        relu: Bool = false, path: quire_simd_path
    ) {
        quire_mlp_product(
            Int64(rows), Int64(cols), Int64(depth), a, Int64(rowStride), Int64(depthStride), b, Int64(cols), start, c, Int64(cols),
            skipZeros ? 1 : 0, relu ? 1 : 0, path)
    }
}
