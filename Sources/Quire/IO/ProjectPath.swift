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

    /// Where `relative` under `folder` really is: every component that exists with its symbolic
    /// links resolved, the missing rest appended as written (Quire creates it as plain folders and
    /// files); `nil` when that leaves `folder`'s real location or a link in it leads nowhere.
    public static func realLocation(_ relative: String, in folder: String) -> String? {
        guard isPlainRelative(relative), let base = realPath(folder.isEmpty ? "." : folder) else { return nil }
        var current = base
        for component in relative.split(separator: "/") where component != "." {
            let next = (current == "/" ? "" : current) + "/" + component
            var status = stat()
            if lstat(next, &status) == 0 {
                guard let resolved = realPath(next) else { return nil }
                current = resolved
            } else {
                current = next
            }
        }
        return current == base || current.hasPrefix(base == "/" ? base : base + "/") ? current : nil
    }

    /// `relative` under `folder`, a path Quire is about to write or delete (`what` names it: "the
    /// figures folder"), when `realLocation` keeps it inside `folder`.
    ///
    /// - Throws: a `LocatedError` at `location` (where the document names the path, if it does)
    ///   saying the path leaves the document's folder.
    public static func checkedForWriting(_ relative: String, in folder: String, what: String, at location: SourceLocation? = nil) throws -> String {
        guard realLocation(relative, in: folder) != nil else {
            throw LocatedError(
                location, "\(what) '\(relative)' leads outside the document's folder (a symbolic link, or '..')",
                hint: "Quire writes and deletes files only inside the document's folder; make '\(relative)' a plain folder there")
        }
        return (folder.isEmpty ? "." : folder) + "/" + relative
    }

    /// `path` with every symbolic link resolved (`realpath(3)`), or `nil` when some part does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
