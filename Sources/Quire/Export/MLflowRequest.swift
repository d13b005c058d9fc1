import OrderedCollections

/// One call of MLflow's REST API 2.0, as a value: method, path, query and body, built without a
/// server so the bodies can be tested against the API reference.
struct MLflowRequest: Hashable, Sendable {
    /// The HTTP method.
    enum Method: String, Sendable {
        case get = "GET"
        case post = "POST"
        case put = "PUT"
    }

    /// A request body.
    enum Body: Hashable, Sendable {
        /// No body.
        case none
        /// A JSON object.
        case json(CanonicalJSON)
        /// Raw bytes with their content type (artifact uploads).
        case bytes([UInt8], contentType: String)
    }

    /// One metric point.
    struct Metric: Hashable, Sendable {
        /// The metric name (already valid for MLflow).
        var key: String
        /// A finite value.
        var value: Double
        /// The step (epoch), 0 for a single value.
        var step: Int64
    }

    /// The HTTP method.
    var method: Method
    /// The path below the server's base URL, e.g. `/api/2.0/mlflow/runs/search`.
    var path: String
    /// Query parameters (GET calls).
    var query: OrderedDictionary<String, String> = [:]
    /// The body (POST and PUT calls).
    var body: Body = .none

    /// Largest batch `log-batch` accepts: 1000 entries in all, at most 100 params and 100 tags.
    static let batchLimits = (total: 1000, params: 100, tags: 100)

    /// Every metric is logged at this timestamp (ms since 1970), so that logging the same value at
    /// the same step again is recognised by the server as the same point rather than a new one.
    static let metricTimestamp: Int64 = 0

    /// `GET experiments/get-by-name`.
    static func experiment(named name: String) -> MLflowRequest {
        MLflowRequest(method: .get, path: "/api/2.0/mlflow/experiments/get-by-name", query: ["experiment_name": name])
    }

    /// `POST experiments/create`.
    static func createExperiment(named name: String) -> MLflowRequest {
        MLflowRequest(method: .post, path: "/api/2.0/mlflow/experiments/create", body: .json(.object(["name": .string(name)])))
    }

    /// Most runs one `runs/search` answer may hold; more come on further pages.
    static let searchPageSize = 1000

    /// `POST runs/search` for the active runs of `experimentID` carrying every tag in `tags`, one
    /// page of `searchPageSize` runs from `pageToken` (the previous answer's `next_page_token`).
    static func searchRuns(experimentID: String, tags: OrderedDictionary<String, String>, pageToken: String? = nil) -> MLflowRequest {
        let filter = tags.map { "tags.`\($0.key)` = \(quoted($0.value))" }.joined(separator: " AND ")
        var body: OrderedDictionary<String, CanonicalJSON> = [
            "experiment_ids": .array([.string(experimentID)]), "filter": .string(filter),
            "run_view_type": .string("ACTIVE_ONLY"), "max_results": .integer(Int64(searchPageSize)),
        ]
        if let pageToken { body["page_token"] = .string(pageToken) }
        return MLflowRequest(method: .post, path: "/api/2.0/mlflow/runs/search", body: .json(.object(body)))
    }

    /// `POST runs/delete-tag`: removes tag `key` from a run.
    static func deleteTag(runID: String, key: String) -> MLflowRequest {
        MLflowRequest(
            method: .post, path: "/api/2.0/mlflow/runs/delete-tag",
            body: .json(
                .object([
                    "run_id": .string(runID), "key": .string(key),
                ])))
    }

    /// `POST runs/create`, named `name`, with `tags`.
    static func createRun(experimentID: String, name: String, startTime: Int64, tags: OrderedDictionary<String, String>) -> MLflowRequest {
        MLflowRequest(
            method: .post, path: "/api/2.0/mlflow/runs/create",
            body: .json(
                .object([
                    "experiment_id": .string(experimentID), "run_name": .string(name), "start_time": .integer(startTime),
                    "tags": pairs(tags),
                ])))
    }

    /// `POST runs/log-batch` calls logging everything given, split to respect `batchLimits`.
    static func logBatches(
        runID: String, params: OrderedDictionary<String, String>, tags: OrderedDictionary<String, String>,
        metrics: [Metric]
    ) -> [MLflowRequest] {
        var params = params.elements[...], tags = tags.elements[...], metrics = metrics[...]
        var requests: [MLflowRequest] = []
        repeat {
            let paramChunk = params.prefix(batchLimits.params)
            params = params.dropFirst(paramChunk.count)
            let tagChunk = tags.prefix(batchLimits.tags)
            tags = tags.dropFirst(tagChunk.count)
            let metricChunk = metrics.prefix(batchLimits.total - paramChunk.count - tagChunk.count)
            metrics = metrics.dropFirst(metricChunk.count)
            requests.append(
                MLflowRequest(
                    method: .post, path: "/api/2.0/mlflow/runs/log-batch",
                    body: .json(
                        .object([
                            "run_id": .string(runID),
                            "metrics": .array(
                                metricChunk.map { metric in
                                    .object([
                                        "key": .string(metric.key), "value": .number(metric.value),
                                        "timestamp": .integer(metricTimestamp), "step": .integer(metric.step),
                                    ])
                                }),
                            "params": pairs(OrderedDictionary(uniqueKeysWithValues: paramChunk.map { ($0.key, $0.value) })),
                            "tags": pairs(OrderedDictionary(uniqueKeysWithValues: tagChunk.map { ($0.key, $0.value) })),
                        ]))))
        } while !params.isEmpty || !tags.isEmpty || !metrics.isEmpty
        return requests
    }

    /// `POST runs/update` marking the run finished at `endTime`.
    static func finishRun(runID: String, endTime: Int64) -> MLflowRequest {
        MLflowRequest(
            method: .post, path: "/api/2.0/mlflow/runs/update",
            body: .json(
                .object([
                    "run_id": .string(runID), "status": .string("FINISHED"), "end_time": .integer(endTime),
                ])))
    }

    /// The artifact-proxy upload (`PUT /api/2.0/mlflow-artifacts/artifacts/<path>`) of `file` into a
    /// run whose artifact URI is `artifactURI`; `nil` when that URI is not served by the proxy
    /// (`mlflow-artifacts:/…`), i.e. the server expects clients to write its store directly.
    static func uploadArtifact(artifactURI: String, file: String, bytes: [UInt8], contentType: String) -> MLflowRequest? {
        let scheme = "mlflow-artifacts:"
        guard artifactURI.hasPrefix(scheme) else { return nil }
        var location = artifactURI.dropFirst(scheme.count)
        if location.hasPrefix("//") {
            // `mlflow-artifacts://host:port/path`: the authority names the server itself.
            location = location.dropFirst(2).drop { $0 != "/" }
        }
        let trimmed = location.drop { $0 == "/" }
        return MLflowRequest(
            method: .put, path: "/api/2.0/mlflow-artifacts/artifacts/\(trimmed)/\(file)",
            body: .bytes(bytes, contentType: contentType))
    }

    /// `[{"key": …, "value": …}, …]`, as MLflow's params and tags are sent.
    private static func pairs(_ values: OrderedDictionary<String, String>) -> CanonicalJSON {
        .array(values.map { .object(["key": .string($0.key), "value": .string($0.value)]) })
    }

    /// A string literal of MLflow's search grammar: single quotes, or double quotes when the value
    /// holds a single quote.
    private static func quoted(_ value: String) -> String {
        value.contains("'") ? "\"\(value)\"" : "'\(value)'"
    }
}
