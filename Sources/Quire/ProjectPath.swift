import QuireCore

/// Paths a document names (figure folders, dataset files): relative, inside the project, never
/// escaping it. A notebook under review is untrusted input.
public enum ProjectPath {
    /// `path` if it is a plain relative path with no `..`, `~` or absolute component.
    ///
    /// - Throws: an error located at `node` naming the rule.
    public static func relative(_ path: String, at node: SpecNode) throws -> String {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.isEmpty, !path.hasPrefix("/"), !path.hasPrefix("~"), !path.contains("\\"),
              !components.contains(where: { $0 == ".." || $0.isEmpty && path != "." }), !path.utf8.contains(0)
        else {
            throw node.error("path '\(path)' leaves the project folder or is not a plain relative path",
                             hint: "use a path relative to the document, inside its folder, without '..'")
        }
        return path
    }
}
