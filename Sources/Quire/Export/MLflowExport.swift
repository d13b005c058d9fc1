import Foundation
import OrderedCollections
import QuireCore
import QuireMarkdown

/// `quire export --mlflow`: logs every recorded block of a document to an MLflow tracking server,
/// one experiment per document (named by the document's path as given on the command line), one
/// run per block and nested runs per sweep point and repeat (`MLflowRunPlan+Children`), read
/// from the document alone. The document is only read, never written.
///
/// Idempotent: a block's runs are found by their `quire.document`, `quire.block_id` and
/// `quire.spec_sha256` tags (nested runs also by `quire.sweep_point` and `quire.repeat`), so
/// exporting again updates them (tags re-set, metrics re-logged at the same steps and timestamp,
/// which MLflow stores once) instead of adding runs. A block whose spec changed gets new runs,
/// because MLflow never changes a param's value; its older runs are kept and tagged
/// `quire.superseded=true` and `quire.superseded_by=<the block's new run id>`. Runs of a block that
/// is no longer in the document (deleted or renamed) are tagged `quire.superseded=true` and
/// `quire.superseded_by=removed`. Nothing is deleted.
public enum MLflowExport {
    /// What an export did.
    public struct Report: Sendable {
        /// The MLflow experiment's id.
        public var experimentID: String
        /// Runs created by this export.
        public var created: Int
        /// Existing runs updated.
        public var updated: Int
        /// Runs of an earlier spec newly tagged `quire.superseded=true`.
        public var superseded: Int
        /// Files uploaded as artifacts (figures, `model.json`).
        public var artifacts: Int
        /// Blocks or figures skipped, runs superseded, and why.
        public var notes: [String]
    }

    /// A run found on the server: id, artifact location and tags.
    struct ExistingRun {
        var id: String
        var artifactURI: String
        var tags: [String: String]
    }

    /// Tags marking a run of an earlier spec of its block, or of a block no longer in the document.
    static let supersededTag = "quire.superseded", supersededByTag = "quire.superseded_by"
    /// The `quire.superseded_by` value of the runs of a block that left the document.
    static let removedBlock = "removed"

    /// Exports the document at `path` to the server behind `client`.
    ///
    /// - Throws: the file's read and parse errors, `MLflowError` for server failures.
    public static func export(path: String, to client: MLflowClient) async throws -> Report {
        let document = try QuireDocument(bytes: try NotebookFile.read(path), file: path)
        var notes: [String] = []
        let plans = try MLflowRunPlan.plans(for: document, named: path, notes: &notes)
        let experimentID = try await experiment(named: path, client: client)
        var export = Session(client: client, experimentID: experimentID, folder: URL(fileURLWithPath: path).deletingLastPathComponent().path)
        for plan in plans {
            let spec = plan.identity["quire.spec_sha256"] ?? ""
            let existing = try await runs(of: plan, experimentID: experimentID, client: client)
            let runID = try await export.log(plan, parentID: nil, candidates: existing.filter { $0.tags["quire.spec_sha256"] == spec })
            let older = existing.filter { $0.tags["quire.spec_sha256"] != spec && $0.tags[supersededTag] != "true" }
            try await supersede(older, by: runID, client: client)
            if !older.isEmpty {
                export.report.superseded += older.count
                notes.append(
                    "block \(plan.blockID): \(older.count) run\(older.count == 1 ? "" : "s") of an earlier spec tagged "
                        + "\(supersededTag)=true, \(supersededByTag)=\(runID)")
            }
        }
        // Blocks deleted or renamed since an earlier export: their runs stay, marked.
        let present = Set(document.blocks.map(\.id))
        let removed = try await runs(tagged: ["quire.document": path], experimentID: experimentID, client: client).filter { run in
            run.tags["quire.block_id"].map { !present.contains($0) } == true && run.tags[supersededTag] != "true"
        }
        try await supersede(removed, by: removedBlock, client: client)
        if !removed.isEmpty {
            export.report.superseded += removed.count
            let blocks = Set(removed.compactMap { $0.tags["quire.block_id"] }).sorted().joined(separator: ", ")
            notes.append(
                "\(removed.count) run\(removed.count == 1 ? "" : "s") of blocks no longer in the document (\(blocks)) tagged "
                    + "\(supersededTag)=true, \(supersededByTag)=\(removedBlock)")
        }
        if export.proxyMissing {
            notes.append(
                "figures and model files were not uploaded: the server stores artifacts outside its artifact proxy; start it with --serve-artifacts to receive them"
            )
        }
        export.report.notes = notes + export.notes
        return export.report
    }

    /// One export's connection, counters and notes.
    private struct Session {
        let client: MLflowClient
        let experimentID: String
        /// The document's folder, against which figure paths resolve.
        let folder: String
        var report: Report
        var notes: [String] = []
        var proxyMissing = false

        init(client: MLflowClient, experimentID: String, folder: String) {
            self.client = client
            self.experimentID = experimentID
            self.folder = folder
            report = Report(experimentID: experimentID, created: 0, updated: 0, superseded: 0, artifacts: 0, notes: [])
        }

        /// Logs `plan` into its run (found among `candidates`, the block's runs of the current
        /// spec, or created under `parentID`), then its nested runs under it; returns its run id.
        mutating func log(_ plan: MLflowRunPlan, parentID: String?, candidates: [ExistingRun]) async throws -> String {
            let run: ExistingRun
            if let found = candidates.first(where: { plan.matches($0.tags) }) {
                run = found
                report.updated += 1
            } else {
                run = try await create(plan, parentID: parentID)
                report.created += 1
            }
            for request in MLflowRequest.logBatches(runID: run.id, params: plan.params, tags: plan.tags, metrics: plan.metrics) {
                _ = try await client.send(request)
            }
            // A spec edited back to an earlier version makes its old runs current again.
            for key in [supersededTag, supersededByTag] where run.tags[key] != nil {
                _ = try await client.send(.deleteTag(runID: run.id, key: key))
            }
            try await upload(plan, into: run)
            _ = try await client.send(.finishRun(runID: run.id, endTime: MLflowExport.now()))
            for child in plan.children {
                _ = try await self.log(child, parentID: run.id, candidates: candidates)
            }
            return run.id
        }

        /// A new run for `plan`, nested under `parentID` when given.
        private func create(_ plan: MLflowRunPlan, parentID: String?) async throws -> ExistingRun {
            var tags = plan.identity
            if let parentID { tags["mlflow.parentRunId"] = parentID }
            let create = MLflowRequest.createRun(experimentID: experimentID, name: plan.name, startTime: MLflowExport.now(), tags: tags)
            guard let run = try await client.send(create)["run"] as? [String: Any] else {
                throw MLflowError.malformedResponse(endpoint: create.path, detail: "no run")
            }
            return try MLflowExport.existing(run, endpoint: create.path)
        }

        /// Uploads the figures of `plan` and its `model.json` as artifacts of `run`, noting missing
        /// files and a server without the artifact proxy.
        private mutating func upload(_ plan: MLflowRunPlan, into run: ExistingRun) async throws {
            var files: [MLflowRunPlan.Artifact] = []
            for figure in plan.figures {
                guard let file = ProjectPath.resolve(figure, in: folder), let bytes = RegularFile.read(file, limit: NotebookFile.maxDocumentBytes)
                else {
                    notes.append("figure \(figure) of block \(plan.blockID) is missing and was not uploaded")
                    continue
                }
                files.append(.init(file: URL(fileURLWithPath: figure).lastPathComponent, bytes: bytes, contentType: "image/svg+xml"))
            }
            for artifact in files + plan.artifacts {
                guard
                    let upload = MLflowRequest.uploadArtifact(
                        artifactURI: run.artifactURI, file: artifact.file, bytes: artifact.bytes, contentType: artifact.contentType)
                else {
                    proxyMissing = true
                    continue
                }
                _ = try await client.send(upload)
                report.artifacts += 1
            }
        }
    }

    /// The id of the experiment `name`, created when absent.
    static func experiment(named name: String, client: MLflowClient) async throws -> String {
        let lookup = MLflowRequest.experiment(named: name)
        do {
            let answer = try await client.send(lookup)
            guard let experiment = answer["experiment"] as? [String: Any], let id = experiment["experiment_id"] as? String else {
                throw MLflowError.malformedResponse(endpoint: lookup.path, detail: "no experiment.experiment_id")
            }
            if experiment["lifecycle_stage"] as? String == "deleted" { throw MLflowError.deletedExperiment(name: name) }
            return id
        } catch MLflowError.http(_, 404, "RESOURCE_DOES_NOT_EXIST", _) {
            let create = MLflowRequest.createExperiment(named: name)
            guard let id = try await client.send(create)["experiment_id"] as? String else {
                throw MLflowError.malformedResponse(endpoint: create.path, detail: "no experiment_id")
            }
            return id
        }
    }

    /// Tags `runs` `quire.superseded=true` and `quire.superseded_by=by`.
    static func supersede(_ runs: [ExistingRun], by: String, client: MLflowClient) async throws {
        for run in runs {
            for request in MLflowRequest.logBatches(runID: run.id, params: [:], tags: [supersededTag: "true", supersededByTag: by], metrics: []) {
                _ = try await client.send(request)
            }
        }
    }

    /// Every active run of `plan`'s document and block, of any spec, read page by page.
    static func runs(of plan: MLflowRunPlan, experimentID: String, client: MLflowClient) async throws -> [ExistingRun] {
        try await runs(
            tagged: plan.identity.filter { ["quire.document", "quire.block_id"].contains($0.key) }, experimentID: experimentID, client: client)
    }

    /// Every active run of the experiment carrying all of `tags`, read page by page.
    static func runs(tagged tags: OrderedDictionary<String, String>, experimentID: String, client: MLflowClient) async throws -> [ExistingRun] {
        var runs: [ExistingRun] = []
        var token: String?
        repeat {
            let search = MLflowRequest.searchRuns(experimentID: experimentID, tags: tags, pageToken: token)
            let answer = try await client.send(search)
            for run in answer["runs"] as? [[String: Any]] ?? [] { runs.append(try existing(run, endpoint: search.path)) }
            token = (answer["next_page_token"] as? String).flatMap { $0.isEmpty ? nil : $0 }
        } while token != nil
        return runs
    }

    /// A run object of the REST API (`{"info": {...}, "data": {"tags": [...]}}`) as an `ExistingRun`.
    private static func existing(_ run: [String: Any], endpoint: String) throws -> ExistingRun {
        guard let info = run["info"] as? [String: Any], let id = info["run_id"] as? String else {
            throw MLflowError.malformedResponse(endpoint: endpoint, detail: "no run.info.run_id")
        }
        var tags: [String: String] = [:]
        for pair in (run["data"] as? [String: Any])?["tags"] as? [[String: Any]] ?? [] {
            if let key = pair["key"] as? String, let value = pair["value"] as? String { tags[key] = value }
        }
        return ExistingRun(id: id, artifactURI: info["artifact_uri"] as? String ?? "", tags: tags)
    }

    /// Milliseconds since 1970, for the runs' start and end times: server metadata only, never
    /// written into a document.
    static func now() -> Int64 {
        Int64(Date().timeIntervalSince1970 * 1000)
    }
}
