import Foundation
import QuireCore
import QuireTestSupport
import Testing

@testable import QuireLearning

struct FidelityKernelTests {
    /// ry angle encoding gives a product state, so k(x, x') = Πⱼ cos²((xⱼ − x'ⱼ)/2) exactly.
    static func analytic(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).reduce(1) { $0 * pow(cos(($1.0 - $1.1) / 2), 2) }
    }

    @Test func fidelityKernelOfAngleEncodingIsAnalytic() throws {
        let split = try TrainingTests.moons()
        let encoding = try Encoding(.angle(rotation: .y, scale: 1), featureCount: 2)
        let serial = FidelityKernel(encoding: encoding, threads: 1)
        let parallel = FidelityKernel(encoding: encoding, threads: 2)
        let states = try serial.states(split.train.features)
        let gram = serial.gram(states)
        #expect(gram == parallel.gram(try parallel.states(split.train.features)))
        for i in stride(from: 0, to: gram.rows, by: 7) {
            #expect(isClose(gram[i, i], 1, tolerance: 1e-14))
            for j in stride(from: 0, to: gram.columns, by: 5) {
                #expect(gram[i, j] == gram[j, i])
                #expect(isClose(gram[i, j], Self.analytic(split.train.features.row(i), split.train.features.row(j)), tolerance: 1e-14))
            }
        }
    }

    /// The classifier equals KernelSVM fitted on the analytic Gram matrix: the kernels differ by
    /// rounding only (1e-14), but SMO stops at its KKT tolerance 1e-3, so rounding may move its path
    /// by up to that much; decision values agree to 1e-3 and predictions exactly.
    @Test func kernelClassifierEqualsSVMOnAnalyticKernel() throws {
        let split = try TrainingTests.moons()
        let encoding = try Encoding(.angle(rotation: .y, scale: 1), featureCount: 2)
        let model = try QuantumKernelClassifier.fit(kernel: FidelityKernel(encoding: encoding), data: split.train, c: 10)
        let train = split.train.features.rowArrays
        let test = split.test.features.rowArrays
        let gram = Matrix(train.map { a in train.map { Self.analytic(a, $0) } })
        let svm = try KernelSVM.fit(gram: gram, labels: split.train.labels, classCount: 2, c: 10)
        let reference = svm.decisionFunction(crossKernel: Matrix(test.map { a in train.map { Self.analytic(a, $0) } }))
        #expect(allClose(try model.decisionFunction(split.test.features).elements, reference.elements, tolerance: 1e-3))
        #expect(model.predict(split.test.features) == svm.predict(crossKernel: Matrix(test.map { a in train.map { Self.analytic(a, $0) } })))
        #expect(model.accuracy(on: split.test) > 0.7)
    }

    /// The IQP kernel classifier separates the moons better than chance and is deterministic.
    @Test func iqpKernelClassifier() throws {
        let split = try TrainingTests.moons()
        let kernel = FidelityKernel(encoding: try Encoding(.iqp(reps: 2), featureCount: 2), threads: 2)
        let model = try QuantumKernelClassifier.fit(kernel: kernel, data: split.train, c: 1)
        #expect(model.accuracy(on: split.test) > 0.6)
        #expect(
            model.predict(split.test.features)
                == (try QuantumKernelClassifier.fit(kernel: kernel, data: split.train, c: 1)).predict(split.test.features))
    }
}
