import Foundation
import QuireCore
import Testing

@testable import QuireLearning

/// Dataset generators: shapes, class balance, exact geometry without noise, and determinism.
struct DatasetGeneratorTests {
    static let stream = RandomStream(seed: 20_261_125, purpose: "dataset")

    /// (generator, samples, features, class counts) — the counts follow from each documented rule.
    static let shapes: [(DatasetGenerator, Int, Int, [Int])] = [
        (DatasetGenerator(MoonsParameters(samples: 101, noise: 0.1)), 101, 2, [50, 51]),
        (DatasetGenerator(CirclesParameters(samples: 100, noise: 0.05, factor: 0.5)), 100, 2, [50, 50]),
        (DatasetGenerator(BlobsParameters(samples: 100, centers: 3, features: 4)), 100, 4, [34, 33, 33]),
        (DatasetGenerator(ParityParameters(samples: 64, bits: 3)), 64, 3, [32, 32]),
        (DatasetGenerator(HyperplanesParameters(samples: 120)), 120, 10, [60, 60]),
        (DatasetGenerator(HiddenManifoldParameters(samples: 120, features: 7)), 120, 7, [60, 60]),
        (DatasetGenerator(TwoCurvesParameters(samples: 81, features: 5)), 81, 5, [40, 41]),
    ]

    @Test(arguments: 0..<shapes.count)
    func shapeAndBalance(case index: Int) throws {
        let (generator, samples, features, counts) = Self.shapes[index]
        let data = try generator.generate(Self.stream)
        #expect(data.sampleCount == samples)
        #expect(data.featureCount == features)
        #expect(data.classCounts == counts)
        #expect(data.features.elements.allSatisfy { $0.isFinite })
    }

    @Test(arguments: DatasetGenerator.names.indices)
    func sameSeedSameDataOtherSeedOtherData(nameIndex: Int) throws {
        let generator = Self.everyGenerator[nameIndex]
        #expect(generator.name == DatasetGenerator.names[nameIndex])
        let a = try generator.generate(Self.stream)
        let b = try generator.generate(RandomStream(seed: 20_261_125, purpose: "dataset"))
        let c = try generator.generate(RandomStream(seed: 20_261_126, purpose: "dataset"))
        #expect(a == b)
        #expect(a.features != c.features)
    }

    static let everyGenerator: [DatasetGenerator] = [
        DatasetGenerator(MoonsParameters(noise: 0.1)), DatasetGenerator(CirclesParameters()), DatasetGenerator(BlobsParameters()),
        DatasetGenerator(ParityParameters()), DatasetGenerator(LinearlySeparableParameters()),
        DatasetGenerator(HyperplanesParameters()), DatasetGenerator(HiddenManifoldParameters()),
        DatasetGenerator(TwoCurvesParameters()), DatasetGenerator(BarsAndStripesParameters()),
    ]

    /// Without noise every moon point lies on its analytic half circle (1e-12: a few roundings of cos/sin).
    @Test func noiselessMoonsLieOnTheirHalfCircles() throws {
        let data = try MoonsParameters(samples: 200, noise: 0).generate(Self.stream)
        for i in 0..<data.sampleCount {
            let x = data.features[i, 0]
            let y = data.features[i, 1]
            if data.labels[i] == 0 {
                #expect(abs(x * x + y * y - 1) < 1e-12 && y >= 0)
            } else {
                #expect(abs((x - 1) * (x - 1) + (y - 0.5) * (y - 0.5) - 1) < 1e-12 && y <= 0.5 + 1e-15)
            }
        }
        // The end points of linspace(0, π) are the ends of the arcs, as in scikit-learn.
        #expect(data.features.rowArrays.contains([1, 0]) && data.features.rowArrays.contains([-1, sin(Double.pi)]))
    }

    @Test func noiselessCirclesLieOnTheirCircles() throws {
        let data = try CirclesParameters(samples: 100, noise: 0, factor: 0.3).generate(Self.stream)
        for i in 0..<data.sampleCount {
            let radius = (data.features[i, 0] * data.features[i, 0] + data.features[i, 1] * data.features[i, 1]).squareRoot()
            #expect(abs(radius - (data.labels[i] == 0 ? 1 : 0.3)) < 1e-12)
        }
    }

    /// Noise of standard deviation σ: the radial error of noisy circles has the right spread
    /// (a 6-standard-error band around σ for 2000 points).
    @Test func circleNoiseHasTheStatedDeviation() throws {
        let data = try CirclesParameters(samples: 2000, noise: 0.02, factor: 0.5).generate(Self.stream)
        var squares = 0.0
        for i in 0..<data.sampleCount {
            let radius = (data.features[i, 0] * data.features[i, 0] + data.features[i, 1] * data.features[i, 1]).squareRoot()
            let error = radius - (data.labels[i] == 0 ? 1 : 0.5)
            squares += error * error
        }
        let rms = (squares / 2000).squareRoot()
        #expect(abs(rms - 0.02) < 6 * 0.02 / (2 * 2000.0).squareRoot())
    }

    @Test func parityLabelsAreTheParityOfTheBits() throws {
        let data = try ParityParameters(samples: 200, bits: 4).generate(Self.stream)
        for i in 0..<data.sampleCount {
            let ones = data.features.row(i).reduce(0) { $0 + Int($1) }
            #expect(ones % 2 == data.labels[i])
            #expect(data.features.row(i).allSatisfy { $0 == 0 || $0 == 1 })
        }
    }

    @Test func linearlySeparablePointsKeepTheMargin() throws {
        let parameters = LinearlySeparableParameters(samples: 300, features: 5, margin: 0.1)
        let data = try parameters.generate(Self.stream)
        for i in 0..<data.sampleCount {
            let sum = data.features.row(i).reduce(0, +)
            #expect(abs(sum) > 0.1)
            #expect(data.labels[i] == (sum > 0 ? 0 : 1))
            #expect(data.features.row(i).allSatisfy { $0 >= -1 && $0 < 1 })
        }
    }

    /// The standardised generators have column mean 0 and population deviation 1 (1e-12).
    @Test(arguments: [
        DatasetGenerator(HyperplanesParameters(samples: 90, features: 4)),
        DatasetGenerator(TwoCurvesParameters(samples: 90, features: 3)),
    ])
    func standardisedColumns(generator: DatasetGenerator) throws {
        let data = try generator.generate(Self.stream)
        for j in 0..<data.featureCount {
            let column = (0..<data.sampleCount).map { data.features[$0, j] }
            let mean = column.reduce(0, +) / Double(column.count)
            let variance = column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(column.count)
            #expect(abs(mean) < 1e-12 && abs(variance - 1) < 1e-12)
        }
    }

    @Test func hiddenManifoldFeaturesAreTanhBounded() throws {
        let data = try HiddenManifoldParameters(samples: 50, features: 8, manifoldDimension: 3).generate(Self.stream)
        #expect(data.features.elements.allSatisfy { $0 > -1 && $0 < 1 })
    }

    /// Noise-free bars have constant columns (class 0), stripes constant rows (class 1), pixels ±1.
    @Test func barsAndStripesStructure() throws {
        let data = try BarsAndStripesParameters(samples: 60, height: 3, width: 5, noise: 0).generate(Self.stream)
        #expect(data.featureCount == 15 && data.featureNames?.first == "pixel_0_0")
        for i in 0..<data.sampleCount {
            let image = data.features.row(i)
            #expect(image.allSatisfy { $0 == 1 || $0 == -1 })
            for r in 0..<3 {
                for c in 0..<5 {
                    let reference = data.labels[i] == 1 ? image[r * 5] : image[c]
                    #expect(image[r * 5 + c] == reference)
                }
            }
        }
        #expect(data.classCounts.allSatisfy { $0 > 15 })
    }

    @Test func blobCentersComeFromTheBox() throws {
        let data = try BlobsParameters(samples: 300, centers: 3, features: 2, clusterStd: 0).generate(Self.stream)
        #expect(data.features.elements.allSatisfy { $0 >= -10 && $0 < 10 })
        #expect(Set(data.features.rowArrays).count == 3)
    }

    /// Each invalid parameter is reported with its field name and the valid range.
    @Test func outOfRangeParametersNameTheFieldAndRange() {
        #expect(throws: LearningError.outOfRange(owner: "moons", field: "noise", value: "-0.1", valid: "[0.0, ∞)")) {
            try MoonsParameters(noise: -0.1).generate(Self.stream)
        }
        #expect(throws: LearningError.outOfRange(owner: "circles", field: "factor", value: "1.0", valid: "[0.0, 1.0)")) {
            try CirclesParameters(factor: 1).validate()
        }
        #expect(throws: LearningError.outOfRange(owner: "parity", field: "bits", value: "31", valid: "[1, 30]")) {
            try ParityParameters(bits: 31).validate()
        }
        #expect(throws: LearningError.outOfRange(owner: "blobs", field: "samples", value: "2", valid: "[3, ∞)")) {
            try BlobsParameters(samples: 2).validate()
        }
        let message = LearningError.outOfRange(owner: "moons", field: "noise", value: "-0.1", valid: "[0.0, ∞)").description
        #expect(message.contains("`noise`") && message.contains("hint: choose `noise` in [0.0, ∞)"))
    }
}
