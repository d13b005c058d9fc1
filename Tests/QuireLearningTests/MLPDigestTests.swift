import QuireCore
import Testing

@testable import QuireLearning

/// The MLP's trained weights and loss curve, bit for bit: a speed-up of its loops must not move a
/// single bit. The digests were recorded with the scalar loops before they were vectorised
/// (commit 2193ac0) and are the SHA-256 of every weight, bias and loss value's IEEE bit pattern.
struct MLPDigestTests {
    static let cases: [(hidden: [Int], activation: MLPParameters.Activation, classes: Int, digest: String)] = [
        ([100], .relu, 2, "e7fce2c718e2441e12faf7514484054369027d72c91921b1c85c684ec60e6b64"),
        ([50, 10, 5], .relu, 3, "74e386d2303a0c8c32dfdb217942a736f0762d072dd49400920cd236225bbe00"),
        ([10, 10], .tanh, 4, "2849cfffb034fcf67b35c51bd7d15970cd68ae0aec631d99d26d583864e58c6a"),
    ]

    @Test(arguments: cases.indices)
    func trainedNetworkIsBitIdentical(index: Int) throws {
        let c = Self.cases[index]
        let data = try BlobsParameters(samples: 90, centers: c.classes, features: 3).generate(RandomStream(seed: 11, purpose: "mlp-digest-data"))
        let parameters = MLPParameters(hiddenLayerSizes: c.hidden, activation: c.activation, maxEpochs: 40)
        let model = try MLPClassifier.fit(data, parameters: parameters, stream: RandomStream(seed: 5, purpose: "mlp-digest"))
        let values = Array(model.weights.joined()) + Array(model.biases.joined()) + model.lossCurve
        var bytes: [UInt8] = []
        for value in values { withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes += $0 } }
        let digest = Hashing.sha256Hex(bytes)
        #expect(digest == c.digest)
    }
}
