import Foundation
import QuireCore

/// Paths a document names (figure folders, dataset files, images): relative, inside the project,
/// never escaping it. A notebook under review is untrusted input.
public enum ProjectPath {
    /// Whether `path` is a plain relative path with no `..`, `~`, backslash, NUL or absolute component.
    public static func isPlainRelative(_ path: String) -> Bool {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        return !path.isEmpty && !path.hasPrefix("/") && !path.hasPrefix("~") && !path.contains("\\")
            && !components.contains(where: { $0 == ".." || $0.isEmpty && path != "." }) && !path.utf8.contains(0)
    }

    /// `path` if it is a plain relative path.
    ///
    /// - Throws: an error located at `node` naming the rule.
    public static func relative(_ path: String, at node: SpecNode) throws -> String {
        guard isPlainRelative(path) else {
            throw node.error(
                "path '\(path)' leaves the project folder or is not a plain relative path",
                hint: "use a path relative to the document, inside its folder, without '..'")
        }
        return path
    }

    /// The file `path` names relative to `folder`, when it exists and its real location (symbolic
    /// links followed) is inside `folder`'s; `nil` otherwise.
    public static func resolve(_ path: String, in folder: String) -> String? {
        guard isPlainRelative(path) else { return nil }
        let base = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        let target = URL(fileURLWithPath: folder).appendingPathComponent(path).resolvingSymlinksInPath().path
        guard target.hasPrefix(base.hasSuffix("/") ? base : base + "/"), FileManager.default.fileExists(atPath: target) else { return nil }
        return target
    }
}
