import Foundation
import QuireCore
import QuireTestSupport

@testable import Quire

/// A temporary project for tests of what a run may write and delete: `root/project/paper.md`
/// beside a folder `root/outside` that nothing may touch.
struct ProjectFolder {
    /// The folder holding `project` and `outside`.
    let root: URL
    /// The document's folder.
    var folder: String { root.appendingPathComponent("project").path }
    /// The document.
    var paper: String { folder + "/paper.md" }
    /// A folder outside the project.
    var outside: String { root.appendingPathComponent("outside").path }

    /// A new project whose document holds `text`.
    init(_ text: String) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("quire-project-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("project"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("outside"), withIntermediateDirectories: true)
        try write(text, to: paper)
    }

    /// Deletes the whole project.
    func remove() { try? FileManager.default.removeItem(at: root) }

    /// Writes `text` to `path`.
    func write(_ text: String, to path: String) throws { try Data(text.utf8).write(to: URL(fileURLWithPath: path)) }

    /// The text of `path`, or `nil` when it cannot be read.
    func text(_ path: String) -> String? { FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } }

    /// Every entry under `folder` (files, links and folders), relative to it, sorted.
    func entries(_ folder: String) -> [String] {
        ((FileManager.default.enumerator(atPath: folder)?.allObjects as? [String]) ?? []).sorted()
    }

    /// Options for a run with the cache on, its key in the tests' key file, warnings collected into `warnings`.
    func options(warnings: Warnings? = nil, force: Bool = false) -> RunOptions {
        var options = RunOptions()
        options.useCache = true
        options.cacheKeyPath = TestCacheKey.path
        options.force = force
        if let warnings { options.warning = { warnings.append($0) } }
        return options
    }

    /// The warnings a run told, collected from whichever thread told them.
    final class Warnings: @unchecked Sendable {
        private let lock = NSLock()
        private var collected: [String] = []
        /// Records one warning's message.
        func append(_ warning: Diagnostic) { lock.withLock { collected.append(warning.message) } }
        /// Every message so far.
        var all: [String] { lock.withLock { collected } }
    }
}
