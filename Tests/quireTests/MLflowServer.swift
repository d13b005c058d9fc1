import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// A real `mlflow server` on 127.0.0.1 with a SQLite store, with or without the artifact proxy, in
/// a fresh temporary folder (removed by `stop()`), for the export integration test.
/// `make test-integration` installs MLflow.
final class MLflowServer {
    /// The mlflow executable: `$QUIRE_MLFLOW`, else `mlflow` on `PATH`; `nil` when neither exists.
    static let executable: String? = {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["QUIRE_MLFLOW"], FileManager.default.isExecutableFile(atPath: path) { return path }
        for folder in (environment["PATH"] ?? "").split(separator: ":") {
            let path = "\(folder)/mlflow"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }()

    /// The tracking URI.
    let uri: String
    private let process: Process
    private let folder: URL

    /// Starts the server and waits (up to two minutes) until it answers `/health`. With
    /// `artifactProxy`, clients upload artifacts through it; without, its runs' artifact URIs are
    /// plain paths that clients would have to write themselves.
    init(artifactProxy: Bool = true) async throws {
        guard let executable = Self.executable else { throw Failure("mlflow not found") }
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("quire-mlflow-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let port = try Self.freePort()
        uri = "http://127.0.0.1:\(port)"
        process = Process()
        // Foundation starts the child in a process group of its own, which the server's workers
        // inherit: `stop()` signals the whole group.
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments =
            [
                "server", "--host", "127.0.0.1", "--port", String(port), "--workers", "1",
                "--backend-store-uri", "sqlite:///\(folder.path)/mlflow.db",
            ]
            + (artifactProxy
                ? ["--artifacts-destination", folder.appendingPathComponent("artifacts").path]
                : ["--no-serve-artifacts", "--default-artifact-root", folder.appendingPathComponent("artifacts").path])
        let log = folder.appendingPathComponent("server.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: log)
        process.standardError = process.standardOutput
        try process.run()
        for _ in 0..<240 {
            if let (_, response) = try? await URLSession.shared.data(from: URL(string: "\(uri)/health")!),
                (response as? HTTPURLResponse)?.statusCode == 200
            {
                return
            }
            guard process.isRunning else { break }
            try await Task.sleep(nanoseconds: 500_000_000)
        }
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        stop()
        throw Failure("mlflow server did not start: \(text.suffix(2000))")
    }

    /// Stops the server's process group (SIGKILL: `mlflow server` outlives SIGTERM; its store is a
    /// throw-away temporary folder).
    func stop() {
        kill(-process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: folder)
    }

    /// Calls the REST API: GET with `query`, or POST with `body`; returns the JSON answer.
    func call(_ path: String, query: [String: String] = [:], body: [String: Any]? = nil) async throws -> [String: Any] {
        var components = URLComponents(string: "\(uri)/api/2.0/mlflow/\(path)")!
        if !query.isEmpty { components.queryItems = query.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) } }
        var request = URLRequest(url: components.url!)
        if let body {
            request.httpMethod = "POST"
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = try JSONSerialization.data(withJSONObject: body)
        }
        let (data, _) = try await URLSession.shared.data(for: request)
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    /// A TCP port nothing listens on now (bound to port 0, read back, released).
    static func freePort() throws -> UInt16 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure("socket failed") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(descriptor, socketAddress, length) == 0 && getsockname(descriptor, socketAddress, &length) == 0
            }
        }
        guard bound else { throw Failure("bind failed") }
        return UInt16(bigEndian: address.sin_port)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
