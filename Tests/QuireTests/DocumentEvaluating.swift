@testable import Quire

/// Test suites that run small documents in memory (as `paper.md`, default options).
protocol DocumentEvaluating {}

extension DocumentEvaluating {
    /// The document `text` becomes after a run.
    func run(_ text: String) throws -> String {
        String(decoding: try Notebook.evaluate(bytes: Array(text.utf8), file: "paper.md", options: RunOptions()).document, as: UTF8.self)
    }

    /// The error a run of `text` throws, as printed; empty when it succeeds.
    func error(_ text: String) -> String {
        do {
            _ = try run(text)
            return ""
        } catch { return "\(error)" }
    }
}
