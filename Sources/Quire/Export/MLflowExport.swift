import Foundation
import QuireCore
import QuireMarkdown

/// `quire export --mlflow`: logs every recorded block of a document to an MLflow tracking server,
/// one experiment per document (named by the document's path as given on the command line) and
/// one run per block, read from the document alone. The document is only read, never written.
///
/// Idempotent: a block's run is found by its `quire.document`, `quire.block_id` and
/// `quire.spec_sha256` tags, so exporting again updates it (tags re-set, metrics re-logged at the
/// same steps and timestamp, which MLflow stores once) instead of adding a run. A block whose spec
/// changed gets a new run, because MLflow never changes a param's value.
public enum MLflowExport {
    /// What an export did.
    public struct Report: Sendable {
        /// The MLflow experiment's id.
        public var experimentID: String
        /// Runs created by this export.
        public var created: Int
        /// Existing runs updated.
        public var updated: Int
        /// Figure files uploaded as artifacts.
        public var artifacts: Int
        /// Blocks or figures skipped, and why.
        public var notes: [String]
    }

    /// Exports the document at `path` to the server behind `client`.
    ///
    /// - Throws: the file's read and parse errors, `MLflowError` for server failures.
    public static func export(path: String, to client: MLflowClient) async throws -> Report {
        let document = try QuireDocument(bytes: try NotebookFile.read(path), file: path)
        var notes: [String] = []
        let plans = try MLflowRunPlan.plans(for: document, named: path, notes: &notes)
        let experimentID = try await experiment(named: path, client: client)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var report = Report(experimentID: experimentID, created: 0, updated: 0, artifacts: 0, notes: [])
        var proxyMissing = false
        for plan in plans {
            let run = try await findOrCreateRun(plan, experimentID: experimentID, client: client)
            if run.created { report.created += 1 } else { report.updated += 1 }
            for request in MLflowRequest.logBatches(runID: run.id, params: plan.params, tags: plan.tags, metrics: plan.metrics) {
                _ = try await client.send(request)
            }
            for figure in plan.figures {
                guard let file = ProjectPath.resolve(figure, in: folder), let bytes = FileManager.default.contents(atPath: file) else {
                    notes.append("figure \(figure) of block \(plan.blockID) is missing and was not uploaded")
                    continue
                }
                guard let upload = MLflowRequest.uploadArtifact(artifactURI: run.artifactURI, file: URL(fileURLWithPath: figure).lastPathComponent,
                                                                bytes: [UInt8](bytes), contentType: "image/svg+xml") else {
                    proxyMissing = true
                    continue
                }
                _ = try await client.send(upload)
                report.artifacts += 1
            }
            _ = try await client.send(.finishRun(runID: run.id, endTime: now()))
        }
        if proxyMissing {
            notes.append("figures were not uploaded: the server stores artifacts outside its artifact proxy; start it with --serve-artifacts to receive them")
        }
        report.notes = notes
        return report
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

    /// The run for `plan`: the active one carrying its identity tags, or a new one.
    static func findOrCreateRun(_ plan: MLflowRunPlan, experimentID: String,
                                client: MLflowClient) async throws -> (id: String, artifactURI: String, created: Bool) {
        let search = MLflowRequest.searchRuns(experimentID: experimentID, tags: plan.identity)
        if let run = (try await client.send(search)["runs"] as? [[String: Any]])?.first {
            return try info(run, endpoint: search.path, created: false)
        }
        let create = MLflowRequest.createRun(experimentID: experimentID, name: plan.blockID, startTime: now(), tags: plan.identity)
        guard let run = try await client.send(create)["run"] as? [String: Any] else {
            throw MLflowError.malformedResponse(endpoint: create.path, detail: "no run")
        }
        return try info(run, endpoint: create.path, created: true)
    }

    private static func info(_ run: [String: Any], endpoint: String, created: Bool) throws -> (id: String, artifactURI: String, created: Bool) {
        guard let info = run["info"] as? [String: Any], let id = info["run_id"] as? String else {
            throw MLflowError.malformedResponse(endpoint: endpoint, detail: "no run.info.run_id")
        }
        return (id, info["artifact_uri"] as? String ?? "", created)
    }

    /// Milliseconds since 1970, for the runs' start and end times: server metadata only, never
    /// written into a document.
    private static func now() -> Int64 {
        Int64(Date().timeIntervalSince1970 * 1000)
    }
}
