import QuireCore
import QuireTestSupport
import Testing

@testable import QuireLearning

/// The MLP: exact backpropagation (against finite differences), and accuracy comparable to
/// scikit-learn's `MLPClassifier` (Reference/mlp.json; bit-for-bit equality is impossible because
/// the random generators differ, so accuracy over five seeds is compared).
struct MLPTests {
    struct Problem: Decodable { var x: [[Double]], y: [Int], train: Int, hidden: [Int], maxIter: Int, accuracies: [Double] }
    struct Fixture: Decodable { var separable: Problem, circles: Problem }

    @Test(arguments: ["separable", "circles"])
    func accuracyComparableToScikitLearn(problemName: String) throws {
        let fixture = try fixture("mlp.json", as: Fixture.self)
        let p = problemName == "separable" ? fixture.separable : fixture.circles
        let data = Dataset(features: Matrix(p.x), labels: p.y, classCount: 2)
        let train = data.selecting(Array(0..<p.train))
        let test = data.selecting(Array(p.train..<data.sampleCount))
        let parameters = MLPParameters(hiddenLayerSizes: p.hidden, maxEpochs: p.maxIter)
        let accuracies = try (0..<5).map { seed in
            try MLPClassifier.fit(train, parameters: parameters, stream: RandomStream(seed: UInt64(seed), purpose: "mlp-test"))
                .accuracy(on: test)
        }
        let ours = accuracies.reduce(0, +) / 5
        let theirs = p.accuracies.reduce(0, +) / 5
        // Within 2 test points (of 50) of scikit-learn's mean accuracy.
        #expect(ours >= theirs - 0.04, "ours \(accuracies), scikit-learn \(p.accuracies)")
    }

    /// Backpropagated gradients equal central finite differences of the loss (step 1e-6; the
    /// truncation and rounding error of that stencil is below 1e-6 relative here).
    @Test(arguments: [MLPParameters.Activation.tanh, .relu], [2, 3])
    func gradientsMatchFiniteDifferences(activation: MLPParameters.Activation, classes: Int) throws {
        let stream = RandomStream(seed: 3, purpose: "mlp-gradient")
        let data = try BlobsParameters(samples: 12, centers: classes, features: 3).generate(stream)
        let widths = [3, 4, 5, classes == 2 ? 1 : classes]
        let network = MLPClassifier.initialNetwork(widths: widths, activation: activation, stream: stream)
        let rows = Array(0..<12)[...]
        let alpha = 0.3
        let workspace = MLPNetwork.Workspace(widths: widths, capacity: 12)
        var gradient = [Double](repeating: 0, count: network.parameters.count)
        _ = network.lossAndGradient(data.features, labels: data.labels, rows: rows, alpha: alpha, workspace: workspace, gradient: &gradient)
        func loss(_ n: MLPNetwork) -> Double {
            var scratch = [Double](repeating: 0, count: n.parameters.count)
            return n.lossAndGradient(data.features, labels: data.labels, rows: rows, alpha: alpha, workspace: workspace, gradient: &scratch)
        }
        let h = 1e-6
        for k in network.parameters.indices {
            var plus = network
            var minus = network
            plus.parameters[k] += h
            minus.parameters[k] -= h
            let numeric = (loss(plus) - loss(minus)) / (2 * h)
            #expect(isClose(gradient[k], numeric, tolerance: 1e-6 * max(1, abs(numeric))), "parameter \(k)")
        }
        #expect(network.parameters.count == 4 * 4 + 5 * 5 + 6 * widths[3])
    }

    @Test func trainingIsSeededAndProbabilitiesAreNormalised() throws {
        let stream = RandomStream(seed: 9, purpose: "mlp")
        let data = try BlobsParameters(samples: 60, centers: 3).generate(stream)
        let parameters = MLPParameters(hiddenLayerSizes: [8, 8], activation: .tanh, maxEpochs: 30)
        let a = try MLPClassifier.fit(data, parameters: parameters, stream: stream)
        let b = try MLPClassifier.fit(data, parameters: parameters, stream: stream)
        let c = try MLPClassifier.fit(data, parameters: parameters, stream: RandomStream(seed: 10, purpose: "mlp"))
        #expect(a.weights == b.weights && a.lossCurve == b.lossCurve)
        #expect(a.weights != c.weights)
        #expect(a.parameterCount == 2 * 8 + 8 + 8 * 8 + 8 + 8 * 3 + 3)
        let p = try #require(a.probabilities(data.features))
        for i in 0..<p.rows { #expect(isClose(p.row(i).reduce(0, +), 1, tolerance: 1e-12)) }
        #expect(a.lossCurve.count <= 30 && a.lossCurve.last! < a.lossCurve.first!)
    }
}
