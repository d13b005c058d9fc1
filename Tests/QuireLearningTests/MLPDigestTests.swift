import QuireCore
import Testing

@testable import QuireKernels
@testable import QuireLearning

/// The MLP's trained weights and loss curve, bit for bit: a speed-up of its loops must not move a
/// single bit. The digests were recorded with the scalar loops before they were vectorised
/// (commit 2193ac0), re-recorded when exp and log became table-driven (their last bits moved, not the
/// MLP's loops), and are the SHA-256 of every weight, bias and loss value's IEEE bit pattern. Every
/// SIMD path of the C kernels must give them.
struct MLPDigestTests {
    static let cases: [(hidden: [Int], activation: MLPParameters.Activation, classes: Int, digest: String)] = [
        ([100], .relu, 2, "50096515c2f5d2b7e407c56ef870f41c80ad87693c7ccbd1713048f05f5d6e0f"),
        ([50, 10, 5], .relu, 3, "a77e21ccd62d0f3fd6c2d9e90f789c7befab6e033ab1534ec3cabd8f0cbd3e4a"),
        ([10, 10], .tanh, 4, "865d42ac8c0da8f544244b01d19e1fa3973ef10f2c0df1e1f03f63a86d658757"),
    ]

    @Test(arguments: cases.indices)
    func trainedNetworkIsBitIdentical(index: Int) throws {
        let c = Self.cases[index]
        let data = try BlobsParameters(samples: 90, centers: c.classes, features: 3).generate(RandomStream(seed: 11, purpose: "mlp-digest-data"))
        let parameters = MLPParameters(hiddenLayerSizes: c.hidden, activation: c.activation, maxEpochs: 40)
        for path in SIMDPath.allCases where SIMDPath.isAvailable(path) {
            let model = try MLPClassifier.fit(
                data, parameters: parameters, stream: RandomStream(seed: 5, purpose: "mlp-digest"), path: path.kernelPath)
            let values = Array(model.weights.joined()) + Array(model.biases.joined()) + model.lossCurve
            var bytes: [UInt8] = []
            for value in values { withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes += $0 } }
            #expect(Hashing.sha256Hex(bytes) == c.digest, "path \(path)")
        }
    }
}
