import OrderedCollections
import Testing

@testable import Quire

/// The REST calls `quire export --mlflow` makes, checked against MLflow's REST API 2.0 reference
/// (paths, field names, the search grammar, `log-batch` limits) without a server.
struct MLflowRequestTests {
    func object(_ request: MLflowRequest) throws -> OrderedDictionary<String, CanonicalJSON> {
        guard case .json(.object(let members)) = request.body else { throw Failure("not a JSON object body") }
        return members
    }

    func count(_ value: CanonicalJSON?) -> Int {
        if case .array(let items)? = value { return items.count }
        return -1
    }

    struct Failure: Error {
        var reason: String
        init(_ reason: String) { self.reason = reason }
    }

    @Test func experimentLookupAndCreation() throws {
        let lookup = MLflowRequest.experiment(named: "papers/a b.md")
        #expect(lookup.method == .get && lookup.path == "/api/2.0/mlflow/experiments/get-by-name")
        #expect(lookup.query == ["experiment_name": "papers/a b.md"] && lookup.body == .none)
        let create = MLflowRequest.createExperiment(named: "paper.md")
        #expect(create.method == .post && create.path == "/api/2.0/mlflow/experiments/create")
        #expect(try CanonicalJSON.object(object(create)).compact() == #"{"name":"paper.md"}"#)
    }

    @Test func runSearchFiltersOnEveryTagGivenAndPages() throws {
        let search = MLflowRequest.searchRuns(experimentID: "3", tags: ["quire.document": "paper.md", "quire.block_id": "moons-vqc"])
        #expect(search.path == "/api/2.0/mlflow/runs/search")
        #expect(
            try CanonicalJSON.object(object(search)).compact() == """
                {"experiment_ids":["3"],"filter":"tags.`quire.document` = 'paper.md' AND tags.`quire.block_id` = 'moons-vqc'",\
                "run_view_type":"ACTIVE_ONLY","max_results":1000}
                """)
        let next = MLflowRequest.searchRuns(experimentID: "3", tags: ["quire.block_id": "a"], pageToken: "tok")
        #expect(try object(next)["page_token"] == .string("tok"))
        let quote = MLflowRequest.searchRuns(experimentID: "3", tags: ["quire.document": "Bob's paper.md"])
        #expect(try object(quote)["filter"] == .string(#"tags.`quire.document` = "Bob's paper.md""#))
    }

    @Test func runCreationAndCompletion() throws {
        let create = MLflowRequest.createRun(experimentID: "3", name: "bell", startTime: 1_700_000_000_000, tags: ["quire.block_id": "bell"])
        #expect(create.path == "/api/2.0/mlflow/runs/create")
        #expect(
            try CanonicalJSON.object(object(create)).compact()
                == #"{"experiment_id":"3","run_name":"bell","start_time":1700000000000,"tags":[{"key":"quire.block_id","value":"bell"}]}"#)
        let untag = MLflowRequest.deleteTag(runID: "r1", key: "quire.superseded")
        #expect(untag.path == "/api/2.0/mlflow/runs/delete-tag")
        #expect(try CanonicalJSON.object(object(untag)).compact() == #"{"run_id":"r1","key":"quire.superseded"}"#)
        let finish = MLflowRequest.finishRun(runID: "r1", endTime: 5)
        #expect(finish.path == "/api/2.0/mlflow/runs/update")
        #expect(try CanonicalJSON.object(object(finish)).compact() == #"{"run_id":"r1","status":"FINISHED","end_time":5}"#)
    }

    @Test func aSmallBatchIsOneRequestInTheDocumentedShape() throws {
        let requests = MLflowRequest.logBatches(
            runID: "r1", params: ["train.epochs": "3"], tags: ["quire.seed": "7"],
            metrics: [.init(key: "loss", value: 0.25, step: 2)])
        #expect(requests.count == 1)
        #expect(requests[0].path == "/api/2.0/mlflow/runs/log-batch")
        #expect(
            try CanonicalJSON.object(object(requests[0])).compact() == """
                {"run_id":"r1","metrics":[{"key":"loss","value":0.25,"timestamp":0,"step":2}],\
                "params":[{"key":"train.epochs","value":"3"}],"tags":[{"key":"quire.seed","value":"7"}]}
                """)
    }

    /// 250 params, 1 tag and 2500 metrics: at most 100 params, 100 tags and 1000 entries per call,
    /// every entry sent exactly once.
    @Test func largeBatchesAreSplitWithinTheServersLimits() throws {
        let params = OrderedDictionary(uniqueKeysWithValues: (0..<250).map { ("p\($0)", "\($0)") })
        let metrics = (0..<2500).map { MLflowRequest.Metric(key: "m", value: Double($0), step: Int64($0)) }
        let requests = MLflowRequest.logBatches(runID: "r", params: params, tags: ["t": "v"], metrics: metrics)
        var totals = (params: 0, tags: 0, metrics: 0)
        for request in requests {
            let body = try object(request)
            let (p, t, m) = (count(body["params"]), count(body["tags"]), count(body["metrics"]))
            #expect(p <= 100 && t <= 100 && p + t + m <= 1000)
            totals = (totals.params + p, totals.tags + t, totals.metrics + m)
        }
        #expect(totals == (250, 1, 2500))
        #expect(requests.count == 3)
    }

    @Test(arguments: [
        ("mlflow-artifacts:/1/abc/artifacts", "/api/2.0/mlflow-artifacts/artifacts/1/abc/artifacts/bell-histogram.svg"),
        ("mlflow-artifacts://127.0.0.1:5000/1/abc/artifacts", "/api/2.0/mlflow-artifacts/artifacts/1/abc/artifacts/bell-histogram.svg"),
    ])
    func figuresGoThroughTheArtifactProxy(artifactURI: String, path: String) throws {
        let upload = try #require(
            MLflowRequest.uploadArtifact(artifactURI: artifactURI, file: "bell-histogram.svg", bytes: [60, 115], contentType: "image/svg+xml"))
        #expect(upload.method == .put && upload.path == path)
        #expect(upload.body == .bytes([60, 115], contentType: "image/svg+xml"))
    }

    @Test(arguments: ["file:///tmp/mlruns/1/abc/artifacts", "/tmp/mlruns/1/abc/artifacts", "s3://bucket/1/abc/artifacts", ""])
    func storesOutsideTheProxyAreNotUploadedTo(artifactURI: String) {
        #expect(MLflowRequest.uploadArtifact(artifactURI: artifactURI, file: "f.svg", bytes: [], contentType: "image/svg+xml") == nil)
    }

    @Test(arguments: ["localhost:5000", "ftp://host/", "http://", "not a uri"])
    func onlyHTTPTrackingURIsAreAccepted(uri: String) {
        #expect(throws: MLflowError.invalidURI(uri)) { try MLflowClient(uri: uri) }
    }

    @Test func aTrailingSlashIsDropped() throws {
        #expect(try MLflowClient(uri: "http://127.0.0.1:5000/").baseURL.absoluteString == "http://127.0.0.1:5000")
    }
}
