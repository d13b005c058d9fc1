import QuireCore
import Testing

@testable import QuireLearning

/// The k-nearest-neighbours baseline against scikit-learn's `KNeighborsClassifier(algorithm="brute")`
/// and `GridSearchCV` (Reference/knn.json), and its tie rules on hand-built cases.
struct KNNTests {
    struct Fit: Decodable { var k: Int, weights: String, predicted: [Int] }
    struct Problem: Decodable {
        var name: String, x: [[Double]], y: [Int], train: Int, fits: [Fit], meanScores: [Double], bestIndex: Int
        var bestK: Int, bestWeights: String, testAccuracy: Double
    }
    struct Fixture: Decodable { var problems: [Problem] }

    static func problem(_ index: Int) throws -> (Problem, train: Dataset, test: Dataset) {
        let p = try fixture("knn.json", as: Fixture.self).problems[index]
        let (train, test) = fixtureSplit(x: p.x, y: p.y, train: p.train)
        return (p, train, test)
    }

    /// Moons, three blobs and a lattice full of duplicates and distance ties (one of its predictions
    /// differs if ties at the k-th place go simply to the earlier row): every prediction of every grid
    /// point is scikit-learn's.
    @Test(arguments: 0..<3)
    func predictionsEqualScikitLearn(problemIndex: Int) throws {
        let (p, train, test) = try Self.problem(problemIndex)
        #expect(p.fits.count == 12)
        for fit in p.fits {
            let weights = try #require(KNNParameters.Weights(rawValue: fit.weights))
            let model = try KNNClassifier.fit(train, parameters: KNNParameters(neighbors: fit.k, weights: weights))
            #expect(model.predict(test.features) == fit.predicted, "\(p.name) k=\(fit.k) \(fit.weights)")
        }
    }

    /// The tuned baseline searches scikit-learn's grid in its order, scores every point as
    /// `GridSearchCV(cv=5)` does (exactly: equal fold predictions give equal means), chooses the same
    /// and refits to the same test accuracy.
    @Test(arguments: 0..<3)
    func gridSearchEqualsScikitLearn(problemIndex: Int) throws {
        let (p, train, test) = try Self.problem(problemIndex)
        let grid = BaselineGrid.standard(.knn)
        #expect(grid.points.map { $0.map(\.description) } == p.fits.map { ["n_neighbors=\($0.k)", "weights=\($0.weights)"] })
        let tuned = try TunedBaseline.tune(grid, on: train, stream: RandomStream(seed: 1, purpose: "tests"))
        #expect(tuned.meanScores == p.meanScores, "\(p.name)")
        #expect(tuned.bestIndex == p.bestIndex)
        #expect(tuned.chosen.map(\.description) == ["n_neighbors=\(p.bestK)", "weights=\(p.bestWeights)"])
        #expect(tuned.model.accuracy(on: test) == p.testAccuracy)
    }

    /// Squared distances 2, 2, 1, 1 from the query with k = 3: scikit-learn's heap keeps rows 1, 2, 3
    /// (row 0 sat at the heap's root when row 3 arrived), not the earliest rows 0, 2, 3.
    @Test func theKthPlaceIsDecidedByScikitLearnsHeap() throws {
        #expect(NeighborVote.nearest([2, 2, 1, 1], count: 3) == [2, 3, 1])
        #expect(NeighborVote.nearest([1, 1, 1], count: 2) == [0, 1])
        let train = Dataset(features: Matrix([[1, 1], [-1, 1], [1, 0], [0, 1]]), labels: [0, 1, 0, 1], classCount: 2)
        let model = try KNNClassifier.fit(train, parameters: KNNParameters(neighbors: 3))
        #expect(model.predict(Matrix([[0, 0]])) == [1])
    }

    /// Equal votes go to the smallest class, whatever the training order; a query on a training
    /// point is decided by the points at distance 0 alone when weighting by distance.
    @Test func votesTieToTheSmallestClassAndZeroDistanceDecides() throws {
        for labels in [[0, 1], [1, 0]] {
            let train = Dataset(features: Matrix([[1, 0], [-1, 0]]), labels: labels, classCount: 2)
            let model = try KNNClassifier.fit(train, parameters: KNNParameters(neighbors: 2))
            #expect(model.predict(Matrix([[0, 0]])) == [0])
            #expect(model.probabilities(Matrix([[0, 0]]))?.elements == [0.5, 0.5])
        }
        let train = Dataset(features: Matrix([[0, 0], [0.1, 0], [-0.1, 0], [0, 0.1]]), labels: [1, 0, 0, 0], classCount: 2)
        let weighted = try KNNClassifier.fit(train, parameters: KNNParameters(neighbors: 4, weights: .distance))
        #expect(weighted.predict(Matrix([[0, 0], [0.05, 0]])) == [1, 0])
        #expect(weighted.probabilities(Matrix([[0, 0]]))?.elements == [0, 1])
        let uniform = try KNNClassifier.fit(train, parameters: KNNParameters(neighbors: 4))
        #expect(uniform.predict(Matrix([[0, 0]])) == [0])
    }

    /// k must lie between 1 and the training samples, as scikit-learn requires.
    @Test func neighboursOutsideOneToSamplesAreRefused() throws {
        let train = Dataset(features: Matrix([[0], [1], [2]]), labels: [0, 1, 1], classCount: 2)
        #expect(throws: LearningError.outOfRange(owner: "knn", field: "n_neighbors", value: "4", valid: "[1, 3]")) {
            try KNNClassifier.fit(train, parameters: KNNParameters(neighbors: 4))
        }
        #expect(throws: LearningError.outOfRange(owner: "knn", field: "n_neighbors", value: "0", valid: "[1, 3]")) {
            try KNNClassifier.fit(train, parameters: KNNParameters(neighbors: 0))
        }
    }

    /// Ten samples give folds of 8 training rows: k = 9 and 15 are skipped, the searched grid says so.
    @Test func aKLargerThanAFoldsTrainingSetIsSkipped() throws {
        let train = Dataset(features: Matrix((0..<10).map { [Double($0)] }), labels: (0..<10).map { $0 < 5 ? 0 : 1 }, classCount: 2)
        let tuned = try TunedBaseline.tune(BaselineGrid.standard(.knn), on: train, stream: RandomStream(seed: 1, purpose: "tests"))
        #expect(tuned.grid.points.map { $0[0].description } == ["1", "1", "3", "3", "5", "5", "7", "7"].map { "n_neighbors=\($0)" })
        #expect(tuned.meanScores.count == 8)
    }

    /// The cost model: three passes of samples² × (features + distinct k), and per grid point one
    /// row of predictions beside one query's distances.
    @Test func costGrowsWithTheSquareOfTheSamples() throws {
        let grid = BaselineGrid.standard(.knn)
        #expect(grid.estimatedOperations(samples: 100, features: 2, classes: 2, folds: 5) == 3 * 100 * 100 * (2 + 6))
        #expect(grid.estimatedBytes(samples: 100, features: 2, classes: 2) == 8 * 14 * 100)
        #expect(BaselineKind(rawValue: grid.name) == grid.kind)
    }
}
