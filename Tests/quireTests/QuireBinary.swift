import Foundation
import QuireTestSupport

/// The built `quire` executable, run as a user would: arguments in, exit code and output out.
struct QuireBinary {
    /// What one invocation produced.
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The executable SwiftPM built beside the test bundle.
    static let url: URL = {
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent(),
            Bundle.main.bundleURL,
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../.build/debug"),
        ]
        for folder in candidates {
            let binary = folder.appendingPathComponent("quire")
            if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
        }
        fatalError("the quire executable was not built; run `swift build` first")
    }()

    /// Runs `quire arguments…` in `directory` and waits for it.
    static func run(_ arguments: [String], in directory: URL) throws -> Outcome {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(["QUIRE_CACHE_KEY": TestCacheKey.path]) { $1 }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A fresh temporary folder holding `files` (name → text).
    static func folder(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quire-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        return folder
    }
}
