import Foundation

/// The weights of a fully connected network and its forward and backward passes.
///
/// Layer `l` maps width `widths[l]` to `widths[l+1]` with weights stored `fanIn × fanOut`
/// row-major (scikit-learn's `coefs_[l]` layout) and one bias per output. Hidden layers use the
/// chosen activation; the output is a sigmoid unit for two classes and a softmax otherwise.
struct MLPNetwork: Hashable, Sendable {
    var widths: [Int]
    var weights: [[Double]]
    var biases: [[Double]]
    let activation: MLPParameters.Activation

    var layerCount: Int { weights.count }
    var isBinary: Bool { widths.last == 1 }

    /// Activations of every layer for the rows `indices` of `features` (layer 0 is the input).
    func forward(_ features: Matrix, rows indices: [Int]) -> [[Double]] {
        let batch = indices.count
        var layers = [[Double]]()
        layers.reserveCapacity(layerCount + 1)
        var input = [Double]()
        input.reserveCapacity(batch * features.columns)
        for index in indices { input += features.elements[(index * features.columns)..<((index + 1) * features.columns)] }
        layers.append(input)
        for l in 0..<layerCount {
            let fanIn = widths[l]
            let fanOut = widths[l + 1]
            var output = [Double](repeating: 0, count: batch * fanOut)
            let previous = layers[l]
            let w = weights[l]
            let b = biases[l]
            for s in 0..<batch {
                for o in 0..<fanOut { output[s * fanOut + o] = b[o] }
                for i in 0..<fanIn {
                    let x = previous[s * fanIn + i]
                    if x == 0 { continue }
                    for o in 0..<fanOut { output[s * fanOut + o] += x * w[i * fanOut + o] }
                }
            }
            if l < layerCount - 1 {
                switch activation {
                case .relu: for k in output.indices where output[k] < 0 { output[k] = 0 }
                case .tanh: for k in output.indices { output[k] = Foundation.tanh(output[k]) }
                }
            } else if isBinary {
                for k in output.indices { output[k] = LogisticObjective.sigmoid(output[k]) }
            } else {
                for s in 0..<batch {
                    let row = (s * fanOut)..<((s + 1) * fanOut)
                    let top = output[row].max() ?? 0
                    var total = 0.0
                    for k in row {
                        output[k] = exp(output[k] - top)
                        total += output[k]
                    }
                    for k in row { output[k] /= total }
                }
            }
            layers.append(output)
        }
        return layers
    }

    /// The regularised mean log loss of a batch and its gradient (weights then biases per layer),
    /// as scikit-learn's `_backprop` defines them.
    func lossAndGradient(_ features: Matrix, labels: [Int], rows indices: [Int], alpha: Double)
        -> (loss: Double, weightGradients: [[Double]], biasGradients: [[Double]])
    {
        let batch = Double(indices.count)
        let layers = forward(features, rows: indices)
        let outputs = widths[layerCount]
        let probabilities = layers[layerCount]
        let epsilon = Double.ulpOfOne
        var loss = 0.0
        var delta = probabilities
        for (s, index) in indices.enumerated() {
            let label = labels[index]
            if isBinary {
                let p = min(max(probabilities[s], epsilon), 1 - epsilon)
                loss -= label == 1 ? log(p) : log(1 - p)
                delta[s] -= Double(label)
            } else {
                loss -= log(min(max(probabilities[s * outputs + label], epsilon), 1 - epsilon))
                delta[s * outputs + label] -= 1
            }
        }
        loss /= batch
        var squares = 0.0
        for w in weights { for value in w { squares += value * value } }
        loss += 0.5 * alpha * squares / batch

        var weightGradients = weights.map { [Double](repeating: 0, count: $0.count) }
        var biasGradients = biases.map { [Double](repeating: 0, count: $0.count) }
        for l in stride(from: layerCount - 1, through: 0, by: -1) {
            let fanIn = widths[l]
            let fanOut = widths[l + 1]
            let input = layers[l]
            var gw = weightGradients[l]
            var gb = biasGradients[l]
            for s in 0..<indices.count {
                for i in 0..<fanIn {
                    let x = input[s * fanIn + i]
                    if x == 0 { continue }
                    for o in 0..<fanOut { gw[i * fanOut + o] += x * delta[s * fanOut + o] }
                }
                for o in 0..<fanOut { gb[o] += delta[s * fanOut + o] }
            }
            let w = weights[l]
            for k in gw.indices { gw[k] = (gw[k] + alpha * w[k]) / batch }
            for k in gb.indices { gb[k] /= batch }
            weightGradients[l] = gw
            biasGradients[l] = gb
            guard l > 0 else { break }
            var previousDelta = [Double](repeating: 0, count: indices.count * fanIn)
            for s in 0..<indices.count {
                for i in 0..<fanIn {
                    var sum = 0.0
                    for o in 0..<fanOut { sum += w[i * fanOut + o] * delta[s * fanOut + o] }
                    let a = input[s * fanIn + i]
                    switch activation {
                    case .relu: previousDelta[s * fanIn + i] = a > 0 ? sum : 0
                    case .tanh: previousDelta[s * fanIn + i] = sum * (1 - a * a)
                    }
                }
            }
            delta = previousDelta
        }
        return (loss, weightGradients, biasGradients)
    }
}
