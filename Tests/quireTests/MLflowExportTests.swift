import Foundation
import QuireTestSupport
import Testing

@testable import quire

/// `quire export --mlflow` against a real MLflow tracking server: runs nested per sweep point and
/// repeat, params, metrics per epoch, figures and model files read back through the REST API, no duplicates on
/// a second export, and the runs of an edited spec or a deleted block marked superseded.
struct MLflowExportTests {
    static let paper = """
        ---
        quire: {seed: 7}
        ---
        # Tiny

        ```noise id=lab
        readout: {prob_meas1_prep0: 0.02, prob_meas0_prep1: 0.05}
        ```

        \(Fixtures.variationalExperiment(
            id: "tiny", dataset: "samples: 40, noise: 0.1, test_fraction: 0.3", epochs: 3, batchSize: 10,
            extra: "report: [metrics, loss-curve]\n"))
        \(Fixtures.variationalExperiment(
            id: "swept", dataset: "samples: 24, noise: 0.1, test_fraction: 0.25", epochs: 2, batchSize: 6,
            extra: "sweep: {train.learning_rate: [0.1, 0.3]}\n"))
        """

    /// Runs the export makes of `paper`: lab; tiny and its 2 repeats; swept, its 2 points and their 2 repeats each.
    static let runCount = 1 + 3 + 7

    func text(_ folder: URL, _ name: String) throws -> String {
        String(decoding: try Data(contentsOf: folder.appendingPathComponent(name)), as: UTF8.self)
    }

    @Test func argumentsParseInProcess() throws {
        let export = try #require(
            try QuireCommand.parseAsRoot(["export", "--mlflow", "http://127.0.0.1:5000", "a.md", "b.md"]) as? QuireCommand.Export)
        #expect(export.mlflow == "http://127.0.0.1:5000" && export.files == ["a.md", "b.md"])
        #expect(throws: (any Error).self) { try QuireCommand.parseAsRoot(["export", "a.md"]) }
        let run = try #require(try QuireCommand.parseAsRoot(["run", "--quiet", "a.md"]) as? QuireCommand.Run)
        #expect(run.quiet)
    }

    @Test func anInvalidURIIsBadInput() throws {
        let outcome = try QuireBinary.run(["export", "--mlflow", "localhost:5000", "paper.md"], in: try QuireBinary.folder([:]))
        #expect(outcome.status == 2 && outcome.stderr.contains("'localhost:5000' is not an MLflow tracking URI"), "\(outcome.stderr)")
    }

    @Test func anUnreachableServerIsBadInputAndLeavesTheDocumentAlone() throws {
        let folder = try QuireBinary.folder(["paper.md": Self.paper])
        #expect(try QuireBinary.run(["run", "paper.md"], in: folder).status == 0)
        let before = try text(folder, "paper.md")
        let outcome = try QuireBinary.run(["export", "--mlflow", "http://127.0.0.1:\(try MLflowServer.freePort())", "paper.md"], in: folder)
        #expect(outcome.status == 2)
        #expect(
            outcome.stderr.contains("cannot reach the MLflow server") && outcome.stderr.contains("hint: start one with `mlflow server"),
            "\(outcome.stderr)")
        #expect(try text(folder, "paper.md") == before)
    }

    @Test func aDocumentNeverRunIsBadInput() throws {
        let folder = try QuireBinary.folder(["paper.md": Self.paper])
        let outcome = try QuireBinary.run(["export", "--mlflow", "http://127.0.0.1:9", "paper.md"], in: folder)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("paper.md has no provenance appendix") && outcome.stderr.contains("quire run paper.md"))
    }

    @Test(
        .enabled(
            if: MLflowServer.executable != nil,
            "skipped: no mlflow executable on PATH or in QUIRE_MLFLOW; `make test-integration` installs one and runs this test"),
        .timeLimit(.minutes(5)))
    func exportingTwiceGivesTheSameRunsReadBackThroughTheAPI() async throws {
        let server = try await MLflowServer()
        defer { server.stop() }
        let folder = try QuireBinary.folder(["paper.md": Self.paper])
        #expect(try QuireBinary.run(["run", "paper.md"], in: folder).status == 0)
        let document = try text(folder, "paper.md")

        let first = try QuireBinary.run(["export", "--mlflow", server.uri, "paper.md"], in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.hasSuffix("\(Self.runCount) runs created, 0 updated, 0 superseded, 9 artifacts uploaded\n"), "\(first.stderr)")
        let experiment = try await server.call("experiments/get-by-name", query: ["experiment_name": "paper.md"])
        let experimentID = try #require((experiment["experiment"] as? [String: Any])?["experiment_id"] as? String)
        let runsBefore = try await runs(server, experimentID)

        let second = try QuireBinary.run(["export", "--mlflow", server.uri, "paper.md"], in: folder)
        #expect(
            second.status == 0 && second.stderr.hasSuffix("0 runs created, \(Self.runCount) updated, 0 superseded, 9 artifacts uploaded\n"),
            "\(second.stderr)")
        #expect(try text(folder, "paper.md") == document)
        let runs = try await runs(server, experimentID)
        #expect(runs.count == Self.runCount)
        #expect(Set(runs.keys) == Set(runsBefore.keys))

        let tiny = try #require(runs.values.first { $0.tags["quire.block_id"] == "tiny" && $0.tags["mlflow.parentRunId"] == nil })
        #expect(tiny.tags["quire.document"] == "paper.md" && tiny.tags["quire.kind"] == "experiment")
        #expect(tiny.tags["quire.seed"].map { document.contains("\"seed\": \($0)") } == true)
        #expect(tiny.tags["quire.spec_sha256"].map { document.contains("\"spec_sha256\": \"\($0)\"") } == true)
        #expect(tiny.params["train.epochs"] == "3" && tiny.params["dataset.name"] == "moons" && tiny.params["baselines.0"] == "logistic-regression")
        #expect(tiny.params == runsBefore[tiny.id]?.params)

        // The loss per epoch: steps 1…3, once each after two exports, equal to the recorded curve.
        let history = try await server.call("metrics/get-history", query: ["run_id": tiny.id, "metric_key": "loss"])
        let points = try #require(history["metrics"] as? [[String: Any]])
        #expect(points.compactMap { $0["step"] as? Int }.sorted() == [1, 2, 3])
        let recorded = try #require(document.components(separatedBy: "\"loss_curve\": [").dropFirst().first?.components(separatedBy: "]").first)
        let curve = recorded.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        #expect(curve.count == 3)
        // 1e-12 relative: Foundation's JSONSerialization on Linux does not round decimals correctly
        // (the server returns the digits sent; the parse here can be off in the last place).
        let logged = points.sorted { ($0["step"] as? Int ?? 0) < ($1["step"] as? Int ?? 0) }.compactMap { $0["value"] as? Double }
        #expect(logged.count == 3 && zip(logged, curve).allSatisfy { abs($0 - $1) <= 1e-12 * abs($1) }, "\(logged) vs \(curve)")
        #expect(tiny.metrics.keys.contains { $0.hasPrefix("logistic-regression") && $0.hasSuffix("/ test accuracy") })

        let lab = try #require(runs.values.first { $0.tags["quire.block_id"] == "lab" && $0.tags["mlflow.parentRunId"] == nil })
        #expect(lab.params["readout.prob_meas1_prep0"] == "0.02")
        #expect(lab.metrics["all qubits _ readout _ prob_meas0_prep1 / value"] == 0.05)

        let artifacts = try await server.call("artifacts/list", query: ["run_id": tiny.id])
        let files = (artifacts["files"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
        #expect(files.sorted() == ["tiny-accuracy.svg", "tiny-loss.svg"])
        // Each repeat's run is a model entry: its split, the baseline's choice and model.json.
        let repeatRun = try #require(runs.values.first { $0.tags["mlflow.parentRunId"] == tiny.id && $0.tags["quire.repeat"] == "1" })
        #expect(repeatRun.params["split_sha256"].map { document.contains("\"split_sha256\": \"\($0)\"") } == true)
        #expect(repeatRun.params["hyperparameters.logistic-regression.C"] != nil, "\(repeatRun.params)")
        let repeatArtifacts = try await server.call("artifacts/list", query: ["run_id": repeatRun.id])
        #expect((repeatArtifacts["files"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String } == ["model.json"])

        let wrongPath = try QuireBinary.run(["export", "--mlflow", server.uri + "/not-mlflow", "paper.md"], in: folder)
        #expect(wrongPath.status == 2 && wrongPath.stderr.contains("HTTP 404"), "\(wrongPath.stderr)")
    }

    @Test(
        .enabled(
            if: MLflowServer.executable != nil,
            "skipped: no mlflow executable on PATH or in QUIRE_MLFLOW; `make test-integration` installs one and runs this test"),
        .timeLimit(.minutes(5)))
    func withoutTheArtifactProxyFiguresAreSkippedWithANote() async throws {
        let server = try await MLflowServer(artifactProxy: false)
        defer { server.stop() }
        let folder = try QuireBinary.folder(["paper.md": Self.paper])
        #expect(try QuireBinary.run(["run", "paper.md"], in: folder).status == 0)
        let outcome = try QuireBinary.run(["export", "--mlflow", server.uri, "paper.md"], in: folder)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(
            outcome.stderr.contains("note: figures and model files were not uploaded")
                && outcome.stderr.hasSuffix("\(Self.runCount) runs created, 0 updated, 0 superseded, 0 artifacts uploaded\n"),
            "\(outcome.stderr)")
    }

    /// Children hang under the right parent with their own numbers; re-exporting creates nothing;
    /// editing a spec adds runs and tags the block's older runs superseded, deleting none.
    @Test(
        .enabled(
            if: MLflowServer.executable != nil,
            "skipped: no mlflow executable on PATH or in QUIRE_MLFLOW; `make test-integration` installs one and runs this test"),
        .timeLimit(.minutes(5)))
    func nestedRunsAndSupersession() async throws {
        let server = try await MLflowServer()
        defer { server.stop() }
        let folder = try QuireBinary.folder(["paper.md": Self.paper])
        #expect(try QuireBinary.run(["run", "paper.md"], in: folder).status == 0)
        #expect(try QuireBinary.run(["export", "--mlflow", server.uri, "paper.md"], in: folder).status == 0)
        let experiment = try await server.call("experiments/get-by-name", query: ["experiment_name": "paper.md"])
        let experimentID = try #require((experiment["experiment"] as? [String: Any])?["experiment_id"] as? String)
        let before = try await runs(server, experimentID)
        let record = try Self.record(try text(folder, "paper.md"))

        // swept → 2 points → 2 repeats each, every child pointing at its parent.
        let swept = try #require(before.values.first { $0.tags["quire.block_id"] == "swept" && $0.tags["mlflow.parentRunId"] == nil })
        let points = before.values.filter { $0.tags["mlflow.parentRunId"] == swept.id }.sorted {
            $0.tags["quire.sweep_point"] ?? "" < $1.tags["quire.sweep_point"] ?? ""
        }
        #expect(points.map { $0.tags["quire.sweep_point"] } == ["1", "2"] && points.allSatisfy { $0.tags["quire.repeat"] == nil })
        #expect(points.map { $0.params["train.learning_rate"] } == ["0.1", "0.3"])
        #expect(points.allSatisfy { $0.tags["quire.spec_sha256"] == swept.tags["quire.spec_sha256"] && $0.tags["quire.document"] == "paper.md" })
        let sweptPoints = try #require(((record["swept"]?["details"] as? [String: Any])?["points"]) as? [[String: Any]])
        for (index, point) in points.enumerated() {
            let repeats = before.values.filter { $0.tags["mlflow.parentRunId"] == point.id }.sorted {
                $0.tags["quire.repeat"] ?? "" < $1.tags["quire.repeat"] ?? ""
            }
            #expect(
                repeats.map { $0.tags["quire.repeat"] } == ["1", "2"] && repeats.allSatisfy { $0.tags["quire.sweep_point"] == String(index + 1) })
            let recorded = try #require(sweptPoints[index]["repeats"] as? [[String: Any]])
            for (run, entry) in zip(repeats, recorded) {
                // Metrics read back through the API equal the document's per-repeat record.
                let models = try #require(entry["models"] as? [[String: Any]])
                let accuracy = try #require(models.first?["test_accuracy"] as? Double)
                // MLflow's metric names allow letters, digits, `_ - . /` and space: `(` and `,` become `_`.
                let model = try #require(models.first?["model"] as? String)
                let name = String(model.map { "(),".contains($0) ? "_" : $0 })
                #expect(run.metrics["\(name) / test accuracy"].map { abs($0 - accuracy) <= 1e-12 } == true, "\(run.metrics)")
                let curve = try #require(entry["loss_curve"] as? [Double])
                let history = try await server.call("metrics/get-history", query: ["run_id": run.id, "metric_key": "loss"])
                let logged = (history["metrics"] as? [[String: Any]] ?? []).sorted { ($0["step"] as? Int ?? 0) < ($1["step"] as? Int ?? 0) }
                #expect(logged.compactMap { $0["step"] as? Int } == [1, 2])
                #expect(zip(logged.compactMap { $0["value"] as? Double }, curve).allSatisfy { abs($0 - $1) <= 1e-12 * abs($1) })
                #expect(
                    run.params["model_seed"] == (entry["model_seed"] as? NSNumber)?.stringValue && run.params["repeat"] == run.tags["quire.repeat"])
            }
        }
        let tiny = try #require(before.values.first { $0.tags["quire.block_id"] == "tiny" && $0.tags["mlflow.parentRunId"] == nil })
        #expect(before.values.filter { $0.tags["mlflow.parentRunId"] == tiny.id }.compactMap { $0.tags["quire.repeat"] }.sorted() == ["1", "2"])

        // Edit tiny's spec: 3 new runs (block + 2 repeats); its 3 old runs tagged, none deleted.
        let edited = try text(folder, "paper.md").replacingOccurrences(of: "epochs: 3,", with: "epochs: 4,")
        try Data(edited.utf8).write(to: folder.appendingPathComponent("paper.md"))
        #expect(try QuireBinary.run(["run", "paper.md"], in: folder).status == 0)
        let third = try QuireBinary.run(["export", "--mlflow", server.uri, "paper.md"], in: folder)
        #expect(third.stderr.hasSuffix("3 runs created, 8 updated, 3 superseded, 9 artifacts uploaded\n"), "\(third.stderr)")
        let after = try await runs(server, experimentID)
        #expect(after.count == Self.runCount + 3 && Set(before.keys).isSubset(of: after.keys))
        let newTiny = try #require(
            after.values.first {
                $0.tags["quire.block_id"] == "tiny" && $0.tags["mlflow.parentRunId"] == nil && $0.id != tiny.id
            })
        #expect(
            third.stderr.contains("note: block tiny: 3 runs of an earlier spec tagged quire.superseded=true, quire.superseded_by=\(newTiny.id)"),
            "\(third.stderr)")
        let old = after.values.filter { $0.tags["quire.block_id"] == "tiny" && $0.tags["quire.spec_sha256"] == tiny.tags["quire.spec_sha256"] }
        #expect(old.count == 3 && old.allSatisfy { $0.tags["quire.superseded"] == "true" && $0.tags["quire.superseded_by"] == newTiny.id })
        #expect(after.values.filter { $0.tags["quire.superseded"] != nil }.count == 3)
        #expect(after.values.filter { $0.tags["mlflow.parentRunId"] == newTiny.id }.count == 2)

        let fourth = try QuireBinary.run(["export", "--mlflow", server.uri, "paper.md"], in: folder)
        #expect(fourth.stderr.hasSuffix("0 runs created, \(Self.runCount) updated, 0 superseded, 9 artifacts uploaded\n"), "\(fourth.stderr)")
        #expect(try await runs(server, experimentID).count == Self.runCount + 3)

        // Delete tiny's block (and its region): its 3 current runs are marked removed, none deleted.
        var shorter = try text(folder, "paper.md")
        let tinyStart = try #require(shorter.range(of: "```experiment id=tiny")).lowerBound
        let sweptStart = try #require(shorter.range(of: "```experiment id=swept")).lowerBound
        shorter.removeSubrange(tinyStart..<sweptStart)
        try Data(shorter.utf8).write(to: folder.appendingPathComponent("paper.md"))
        #expect(try QuireBinary.run(["run", "paper.md"], in: folder).status == 0)
        let fifth = try QuireBinary.run(["export", "--mlflow", server.uri, "paper.md"], in: folder)
        #expect(fifth.stderr.contains("0 runs created, \(Self.runCount - 3) updated, 3 superseded"), "\(fifth.stderr)")
        #expect(
            fifth.stderr.contains(
                "note: 3 runs of blocks no longer in the document (tiny) tagged quire.superseded=true, quire.superseded_by=removed"),
            "\(fifth.stderr)")
        let last = try await runs(server, experimentID)
        #expect(last.count == Self.runCount + 3)
        #expect(last.values.filter { $0.tags["quire.block_id"] == "tiny" && $0.tags["quire.superseded_by"] == "removed" }.count == 3)
        #expect(last.values.filter { $0.tags["quire.block_id"] == "tiny" && $0.tags["quire.superseded"] == "true" }.count == 6)
    }

    /// The provenance record of each block of a run document, by id (JSON objects).
    static func record(_ document: String) throws -> [String: [String: Any]] {
        let json = try #require(document.components(separatedBy: "```json\n").last?.components(separatedBy: "```").first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        var blocks: [String: [String: Any]] = [:]
        for block in object["blocks"] as? [[String: Any]] ?? [] {
            if let id = block["id"] as? String { blocks[id] = block }
        }
        return blocks
    }

    /// One run as the server reports it.
    struct Run {
        var id: String
        var tags: [String: String]
        var params: [String: String]
        var metrics: [String: Double]
    }

    /// Every active run of the experiment, by id.
    func runs(_ server: MLflowServer, _ experimentID: String) async throws -> [String: Run] {
        let answer = try await server.call("runs/search", body: ["experiment_ids": [experimentID], "max_results": 100])
        var runs: [String: Run] = [:]
        for run in answer["runs"] as? [[String: Any]] ?? [] {
            let id = try #require((run["info"] as? [String: Any])?["run_id"] as? String)
            let data = run["data"] as? [String: Any] ?? [:]
            func pairs<Value>(_ name: String, _ value: (Any?) -> Value) -> [String: Value] {
                var result: [String: Value] = [:]
                for pair in data[name] as? [[String: Any]] ?? [] {
                    if let key = pair["key"] as? String { result[key] = value(pair["value"]) }
                }
                return result
            }
            runs[id] = Run(
                id: id, tags: pairs("tags") { $0 as? String ?? "" }, params: pairs("params") { $0 as? String ?? "" },
                metrics: pairs("metrics") { $0 as? Double ?? .nan })
        }
        return runs
    }
}
