import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A connection to an MLflow tracking server's REST API 2.0 over HTTP(S), sending `MLflowRequest`s
/// and turning transport failures and HTTP errors into `MLflowError`s.
public struct MLflowClient: Sendable {
    /// The server's base URL (the tracking URI).
    public let baseURL: URL
    /// Seconds to wait for one answer.
    public var timeout: TimeInterval = 60

    /// A client for the tracking server at `uri` (`http://host:port`, optionally with a path prefix).
    ///
    /// - Throws: `MLflowError.invalidURI` for anything but an absolute http(s) URL.
    public init(uri: String) throws {
        guard let url = URL(string: uri.hasSuffix("/") ? String(uri.dropLast()) : uri),
            let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme), url.host != nil
        else { throw MLflowError.invalidURI(uri) }
        baseURL = url
    }

    /// Sends `request` and returns the JSON object it answered (empty for an empty answer).
    ///
    /// - Throws: `MLflowError.unreachable`, `.http` (with MLflow's `error_code` when it sent one)
    ///   or `.malformedResponse`.
    func send(_ request: MLflowRequest) async throws -> [String: Any] {
        var components = URLComponents(url: baseURL.appendingPathComponent(String(request.path.dropFirst())), resolvingAgainstBaseURL: false)!
        if !request.query.isEmpty { components.queryItems = request.query.map { URLQueryItem(name: $0.key, value: $0.value) } }
        var urlRequest = URLRequest(url: components.url!, timeoutInterval: timeout)
        urlRequest.httpMethod = request.method.rawValue
        switch request.body {
        case .none: break
        case .json(let json):
            urlRequest.setValue("application/json", forHTTPHeaderField: "Content-Type")
            urlRequest.httpBody = Data(json.compact().utf8)
        case .bytes(let bytes, let contentType):
            urlRequest.setValue(contentType, forHTTPHeaderField: "Content-Type")
            urlRequest.httpBody = Data(bytes)
        }
        let endpoint = "\(request.method.rawValue) \(request.path)"
        let data: Data, response: URLResponse
        do {
            (data, response) = try await URLSession.shared.data(for: urlRequest)
        } catch {
            throw MLflowError.unreachable(uri: baseURL.absoluteString, reason: (error as? URLError).map(Self.reason) ?? "\(error)")
        }
        let object = data.isEmpty ? [:] : (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        guard let http = response as? HTTPURLResponse, (200..<300).contains(http.statusCode) else {
            let status = (response as? HTTPURLResponse)?.statusCode ?? 0
            let text = String(decoding: data.prefix(300), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw MLflowError.http(
                endpoint: endpoint, status: status, code: object?["error_code"] as? String ?? "",
                message: object?["message"] as? String ?? (text.isEmpty ? "no message" : text))
        }
        guard let object else {
            throw MLflowError.malformedResponse(endpoint: endpoint, detail: "the body is not a JSON object")
        }
        return object
    }

    /// A short description of a transport failure.
    private static func reason(_ error: URLError) -> String {
        switch error.code {
        case .cannotConnectToHost: return "connection refused"
        case .timedOut: return "no answer within the timeout"
        case .cannotFindHost, .dnsLookupFailed: return "unknown host"
        default: return error.localizedDescription
        }
    }
}
