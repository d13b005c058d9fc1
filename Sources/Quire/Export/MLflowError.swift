import QuireCore

/// Why exporting to an MLflow tracking server failed: each case says what happened and what to do.
public enum MLflowError: InputError, Equatable {
    /// The tracking URI is not an `http://` or `https://` address.
    case invalidURI(String)
    /// The server could not be reached (connection refused, DNS failure, timeout).
    case unreachable(uri: String, reason: String)
    /// The server answered an API call with an HTTP error.
    case http(endpoint: String, status: Int, code: String, message: String)
    /// The server's answer was not the JSON the REST API documents.
    case malformedResponse(endpoint: String, detail: String)
    /// The document records no run: there is nothing to export.
    case notRun(file: String)
    /// The experiment named after the document exists but was deleted.
    case deletedExperiment(name: String)

    /// The located, actionable description of the failure.
    public var diagnostic: Diagnostic {
        switch self {
        case .invalidURI(let uri):
            return Diagnostic(
                location: nil, message: "'\(uri)' is not an MLflow tracking URI",
                hint: "give the server's address, e.g. --mlflow http://127.0.0.1:5000")
        case .unreachable(let uri, let reason):
            return Diagnostic(
                location: nil, message: "cannot reach the MLflow server at \(uri): \(reason)",
                hint: "start one with `mlflow server --host 127.0.0.1 --port 5000`, or check the URI")
        case .http(let endpoint, let status, let code, let message):
            return Diagnostic(
                location: nil, message: "MLflow answered \(endpoint) with HTTP \(status)\(code.isEmpty ? "" : " \(code)"): \(message)",
                hint: status == 404 && code.isEmpty
                    ? "check that the URI points at an MLflow tracking server (REST API 2.0)"
                    : "check the server's log; the document was not changed")
        case .malformedResponse(let endpoint, let detail):
            return Diagnostic(
                location: nil, message: "MLflow's answer to \(endpoint) is not what its REST API documents: \(detail)",
                hint: "check that the URI points at an MLflow tracking server (REST API 2.0)")
        case .notRun(let file):
            return Diagnostic(
                location: nil, message: "\(file) has no provenance appendix: none of its blocks has been run",
                hint: "run `quire run \(file)` first; export reads the recorded results")
        case .deletedExperiment(let name):
            return Diagnostic(
                location: nil, message: "the MLflow experiment '\(name)' exists but is deleted",
                hint: "restore it (`mlflow experiments restore`) or delete it permanently (`mlflow gc`)")
        }
    }
}
