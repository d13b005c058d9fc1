import Foundation
import QuireCore

/// Documents to compare, from files or from git revisions.
public enum DocumentRevision {
    /// The bytes of the document at `path`.
    public static func read(_ path: String) throws -> [UInt8] {
        try NotebookFile.read(path)
    }

    /// The diff between `file` at `revision` (via `git show`, run without a shell) and `file` now.
    public static func diff(file: String, revision: String) throws -> DocumentDiff {
        guard !revision.hasPrefix("-"), !revision.contains(":") else {
            throw LocatedError(nil, "'\(revision)' is not a git revision", hint: "use a commit, branch or tag, e.g. HEAD~1")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.currentDirectoryURL = URL(fileURLWithPath: file).deletingLastPathComponent()
        process.arguments = ["git", "show", "\(revision):./\(URL(fileURLWithPath: file).lastPathComponent)"]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do { try process.run() } catch {
            throw LocatedError(nil, "cannot run git", hint: "install git, or compare two files: quire diff OLD NEW")
        }
        let old = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw LocatedError(
                nil, "git show \(revision):\(file) failed: \(message.split(separator: "\n").first ?? "")",
                hint: "check the revision and that the file is tracked at it")
        }
        return try DocumentDiff.compare(old: [UInt8](old), named: "\(file)@\(revision)", new: try read(file), named: file)
    }
}
