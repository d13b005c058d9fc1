import Foundation
import QuireCore
import QuireTestSupport
import Testing

@testable import QuireLearning

/// Stratified folds and grid search against scikit-learn's `StratifiedKFold` and `GridSearchCV`
/// (Reference/grid_search.json).
struct GridSearchTests {
    struct Folds: Decodable { var labels: [Int], validation: [[Int]] }
    struct SVCProblem: Decodable { var x: [[Double]], y: [Int], params: [[Double]], meanScores: [Double], bestIndex: Int }
    struct LogisticProblem: Decodable { var x: [[Double]], y: [Int], params: [Double], meanScores: [Double], bestIndex: Int }
    struct Fixture: Decodable { var folds: Folds, svc: [SVCProblem], logistic: LogisticProblem }

    /// The folds are scikit-learn's, index for index (no randomness involved on either side).
    @Test func foldsEqualScikitLearn() throws {
        let f = try fixture("grid_search.json", as: Fixture.self).folds
        let folds = try StratifiedKFold(labels: f.labels, count: 5).folds
        #expect(folds.map(\.validation) == f.validation)
        for fold in folds { #expect((fold.train + fold.validation).sorted() == Array(f.labels.indices)) }
        #expect(throws: LearningError.classTooSmall(owner: "cross-validation", classIndex: 1, count: 6, needed: 7)) {
            try StratifiedKFold(labels: f.labels, count: 7)
        }
    }

    /// The default grid is scikit-learn's `ParameterGrid` order of the qml-benchmarks SVC grid.
    @Test func svmGridOrderMatchesScikitLearn() throws {
        let problem = try fixture("grid_search.json", as: Fixture.self).svc[0]
        guard case .rbfSVM(let grid) = BaselineGrid.standard(.rbfSVM) else {
            Issue.record("no SVM grid")
            return
        }
        #expect(grid.map { [$0.c, $0.gamma] } == problem.params)
    }

    /// Both sides solve SMO to tolerance 1e-3, so a validation point right at the boundary may be
    /// classified differently: every mean accuracy agrees to one validation sample (1/140), and the
    /// choice is the same when scikit-learn's winner leads by more than one sample; otherwise ours
    /// must be one of the candidates within one sample of the best.
    @Test(arguments: 0..<2)
    func svmSearchMatchesScikitLearn(problemIndex: Int) throws {
        let p = try fixture("grid_search.json", as: Fixture.self).svc[problemIndex]
        let train = Dataset(features: Matrix(p.x), labels: p.y, classCount: 2)
        let grid = BaselineGrid.standard(.rbfSVM)
        let tuned = try TunedBaseline.tune(grid, on: train, stream: RandomStream(seed: 1, purpose: "tests"))
        let oneSample = 1.0 / Double(train.sampleCount) + 1e-12
        #expect(allClose(tuned.meanScores, p.meanScores, tolerance: oneSample), "\(tuned.meanScores)")
        let best = p.meanScores[p.bestIndex]
        let runnerUp = p.meanScores.enumerated().filter { $0.offset != p.bestIndex }.map(\.element).max() ?? 0
        if best - runnerUp > oneSample {
            #expect(tuned.bestIndex == p.bestIndex)
        } else {
            #expect(p.meanScores[tuned.bestIndex] >= best - oneSample)
        }
        #expect(tuned.chosen.map(\.description) == ["C=\(p.params[tuned.bestIndex][0])", "gamma=\(p.params[tuned.bestIndex][1])", "tolerance=0.001"])
        #expect(tuned.model is RBFSupportVectorClassifier)
    }

    /// Logistic regression is solved to its optimum on both sides, so predictions and therefore the
    /// fold accuracies are identical: every mean equal (1e-12) and the same choice.
    @Test func logisticSearchMatchesScikitLearn() throws {
        let p = try fixture("grid_search.json", as: Fixture.self).logistic
        let train = Dataset(features: Matrix(p.x), labels: p.y, classCount: 2)
        let grid = BaselineGrid.standard(.logisticRegression)
        guard case .logisticRegression(let candidates) = grid else {
            Issue.record("wrong grid")
            return
        }
        #expect(candidates.map(\.c) == p.params)
        let tuned = try TunedBaseline.tune(grid, on: train, stream: RandomStream(seed: 1, purpose: "tests"))
        #expect(allClose(tuned.meanScores, p.meanScores, tolerance: 1e-12))
        #expect(tuned.bestIndex == p.bestIndex)
    }

    /// Ties go to the first candidate in grid order; every candidate is scored on every fold.
    @Test func tiesGoToTheFirstCandidate() throws {
        let labels = [0, 1, 0, 1, 0, 1, 0, 1, 0, 1]
        let result = try GridSearch.run(grid: ["a", "b", "c"], labels: labels, folds: 5) { candidate, _ in
            candidate == "a" ? 0.5 : 0.75
        }
        #expect(result.bestIndex == 1 && result.best == "b")
        #expect(result.foldScores.map(\.count) == [5, 5, 5])
        #expect(throws: LearningError.self) {
            try GridSearch.run(grid: [String](), labels: labels) { _, _ in 0 }
        }
    }

    @Test func mlpGridIsTheQmlBenchmarksGrid() throws {
        guard case .mlp(let grid) = BaselineGrid.standard(.mlp) else {
            Issue.record("no MLP grid")
            return
        }
        #expect(grid.count == 27)
        #expect(
            grid.first?.hyperparameters.map(\.description).prefix(5) == [
                "hidden_layer_sizes=[100]", "activation=relu",
                "alpha=0.01", "learning_rate=0.001", "batch_size=32",
            ])
        #expect(grid.map(\.maxEpochs).allSatisfy { $0 == 3000 })
        #expect(BaselineKind(rawValue: "random-forest") == nil)
    }

    /// A small MLP search runs end to end, deterministically.
    @Test func mlpTuningIsDeterministic() throws {
        let stream = RandomStream(seed: 5, purpose: "tests")
        let data = try MoonsParameters(samples: 60, noise: 0.1).generate(stream)
        let grid = BaselineGrid.mlp([
            MLPParameters(hiddenLayerSizes: [8], maxEpochs: 40), MLPParameters(hiddenLayerSizes: [8], alpha: 0.1, maxEpochs: 40),
        ])
        let a = try TunedBaseline.tune(grid, on: data, folds: 3, stream: stream)
        let b = try TunedBaseline.tune(grid, on: data, folds: 3, stream: stream)
        #expect(a.foldScores == b.foldScores && a.bestIndex == b.bestIndex)
        #expect(a.model.predict(data.features) == b.model.predict(data.features))
    }

    /// The MLP's fits run on several threads, longest first, and every score, the choice and the
    /// refitted model are the same as on one thread.
    @Test(arguments: [2, 3, 8])
    func mlpTuningIsTheSameOnAnyNumberOfThreads(threads: Int) throws {
        let stream = RandomStream(seed: 7, purpose: "tests")
        let data = try MoonsParameters(samples: 60, noise: 0.2).generate(stream)
        let grid = BaselineGrid.mlp(
            [0.001, 0.01, 0.1].flatMap { rate in
                [[6], [4, 3]].map { MLPParameters(hiddenLayerSizes: $0, alpha: 0.01, learningRate: rate, batchSize: 16, maxEpochs: 30) }
            })
        let serial = try TunedBaseline.tune(grid, on: data, folds: 3, budget: .serial, stream: stream)
        let parallel = try TunedBaseline.tune(grid, on: data, folds: 3, budget: JobBudget(jobs: threads), stream: stream)
        #expect(parallel.foldScores == serial.foldScores && parallel.bestIndex == serial.bestIndex)
        let (a, b) = (try #require(serial.model as? MLPClassifier), try #require(parallel.model as? MLPClassifier))
        #expect(a.weights == b.weights && a.biases == b.biases && a.lossCurve == b.lossCurve)
    }

    /// Scores land in their (candidate, fold) slot whatever order the work runs in, and the first
    /// failure in grid order is the one thrown.
    @Test func parallelSearchKeepsGridOrder() throws {
        let labels = [0, 1, 0, 1, 0, 1, 0, 1, 0, 1]
        let grid = Array(0..<7)
        let result = try GridSearch.run(grid: grid, labels: labels, folds: 5, budget: JobBudget(jobs: 3), cost: Double.init) { candidate, fold in
            Double(candidate) + Double(fold.validation[0]) / 100
        }
        let folds = try StratifiedKFold(labels: labels, count: 5).folds
        #expect(result.foldScores == grid.map { c in folds.map { Double(c) + Double($0.validation[0]) / 100 } })
        #expect(result.bestIndex == 6)
        #expect(throws: LearningError.unusableData(owner: "test", message: "candidate 2")) {
            try GridSearch.run(grid: grid, labels: labels, folds: 5, budget: JobBudget(jobs: 3), cost: Double.init) { candidate, _ in
                if candidate >= 2 { throw LearningError.unusableData(owner: "test", message: "candidate \(candidate)") }
                return 0
            }
        }
    }

    /// Every baseline's search gives the same scores, choice and model on four workers as on one.
    @Test(arguments: [BaselineKind.logisticRegression, .rbfSVM, .knn, .histGBT])
    func tuningIsTheSameOnAnyNumberOfWorkers(kind: BaselineKind) throws {
        let stream = RandomStream(seed: 11, purpose: "tests")
        let data = try MoonsParameters(samples: 50, noise: 0.2).generate(stream)
        let serial = try TunedBaseline.tune(.standard(kind), on: data, folds: 3, stream: stream)
        let parallel = try TunedBaseline.tune(.standard(kind), on: data, folds: 3, budget: JobBudget(jobs: 4), stream: stream)
        #expect(parallel.foldScores == serial.foldScores && parallel.bestIndex == serial.bestIndex)
        #expect(parallel.model.predict(data.features) == serial.model.predict(data.features))
    }

    /// Grid searches inside parallel repeats draw on the run's workers: never more fits at once than
    /// the budget's threads, and every score in its slot.
    @Test(arguments: [2, 3])
    func searchesInsideParallelRepeatsShareTheBudget(jobs: Int) throws {
        let budget = JobBudget(jobs: jobs)
        let gauge = ConcurrencyGauge()
        let labels = [0, 1, 0, 1, 0, 1, 0, 1, 0, 1]
        let searches = ParallelMap.map(count: 3, budget: budget) { repeatIndex in
            Result {
                try GridSearch.run(grid: Array(0..<4), labels: labels, folds: 5, budget: budget) { candidate, fold in
                    gauge.measuring {
                        Thread.sleep(forTimeInterval: 0.002)
                        return Double(repeatIndex * 10 + candidate) + Double(fold.validation[0]) / 100
                    }
                }
            }
        }
        let folds = try StratifiedKFold(labels: labels, count: 5).folds
        for (repeatIndex, search) in searches.enumerated() {
            #expect(try search.get().foldScores == (0..<4).map { c in folds.map { Double(repeatIndex * 10 + c) + Double($0.validation[0]) / 100 } })
        }
        #expect(gauge.peak <= jobs && gauge.peak > 1)
    }
}
