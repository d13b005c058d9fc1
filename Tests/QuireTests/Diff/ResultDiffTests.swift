import Testing

@testable import Quire

/// `quire diff` compares an experiment's recorded results by stable keys, says what a hand edit
/// is, folds a change repeated across sweep points into one line, and names what did not change.
struct ResultDiffTests: DocumentEvaluating {
    static func experiment(_ train: String, sweep: String = "") -> String {
        """
        ```experiment id=e
        dataset: {name: moons, samples: 40}
        model: {kind: variational, layers: 1}
        train: {\(train)}
        baselines: [logistic-regression]
        \(sweep)
        ```

        """
    }

    func diff(_ old: String, _ new: String) throws -> DocumentDiff.Block {
        let diff = try DocumentDiff.compare(old: Array(old.utf8), named: "v1.md", new: Array(new.utf8), named: "v2.md")
        return try #require(diff.blocks.first { $0.id == "e" })
    }

    /// The quantum model's row label shows its settings, so the table rows of two runs with
    /// different epochs did not pair and its change was lost; its record key pairs them.
    @Test func changingEpochsKeepsTheQuantumModelPaired() throws {
        let block = try diff(try run(Self.experiment("epochs: 1")), try run(Self.experiment("epochs: 12")))
        #expect(block.change == .changed)
        #expect(block.inputs == ["spec.train.epochs: 1 → 12"])
        #expect(
            block.metrics.contains { $0.hasPrefix("train accuracy of quantum: ") || $0.hasPrefix("test accuracy of quantum: ") }, "\(block.metrics)")
        #expect(!block.metrics.contains { $0.contains("added") || $0.contains("removed") || $0.contains("logistic") }, "\(block.metrics)")
        #expect(block.unchanged.first == "models logistic-regression", "\(block.unchanged)")
        #expect(block.unchanged.last?.contains("dataset") == true && block.unchanged.last?.contains("baselines") == true)
    }

    /// A number edited in the region is a hand edit, not a result: the records agree.
    @Test func aHandEditedRegionIsReportedAsEdited() throws {
        let old = try run(Self.experiment("epochs: 1"))
        let region = try #require(old.range(of: "| logistic-regression "), "\(old)")
        let line = old[region.lowerBound...].prefix { $0 != "\n" }
        let edited = old.replacingOccurrences(of: line, with: line.replacingOccurrences(of: "0.", with: "9."))
        #expect(edited != old)
        let block = try diff(old, edited)
        #expect(block.change == .edited)
        #expect(block.edited && block.metrics.isEmpty && block.inputs.isEmpty)
        let text = try DocumentDiff.compare(old: Array(old.utf8), named: "v1.md", new: Array(edited.utf8), named: "v2.md").text()
        #expect(text.contains("e (experiment): edited by hand"), "\(text)")
    }

    /// A learning rate changed for every point of a sweep moves the quantum model at each point:
    /// one line says so, with the first and last point and the range of the change.
    @Test func aChangeAtEverySweepPointIsOneLine() throws {
        let sweep = "sweep: {train.epochs: [1, 2, 3]}"
        let block = try diff(
            try run(Self.experiment("learning_rate: 0.05", sweep: sweep)), try run(Self.experiment("learning_rate: 0.3", sweep: sweep)))
        let lines = block.metrics.filter { $0.hasPrefix("test accuracy of quantum") }
        #expect(lines.count == 1, "\(block.metrics)")
        let line = try #require(lines.first)
        #expect(line.contains(" sweep points: ") && line.contains(" at train.epochs=") && line.contains(" to "), "\(line)")
        #expect(block.unchanged.first == "models logistic-regression", "\(block.unchanged)")
    }

    /// Records written before models carried keys (or edited into another form) are not typed
    /// results: the diff falls back to nothing rather than pairing by label.
    @Test func resultsReadBackAsWritten() throws {
        let results = ExperimentResults(points: [
            .init(
                sweep: ["train.epochs": .integer(2)],
                repeats: [
                    .init(
                        number: 1, modelSeed: 7, splitSHA256: "ab",
                        models: [
                            .init(
                                key: "quantum", name: "variational", trainAccuracy: 0.1, testAccuracy: 1.0 / 3, testF1: 1, parameters: [0.5, -2],
                                hyperparameters: nil)
                        ], lossCurve: [0.69])
                ])
        ])
        #expect(ExperimentResults(json: try CanonicalJSON(parsing: results.json.rendered())) == results)
        #expect(ExperimentResults(json: .array([.object(["repeats": .array([.object(["repeat": .integer(1)])])])])) == nil)
    }
}
