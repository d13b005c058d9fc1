import Foundation
import QuireCore

/// A file a block names inside the document's folder and pins by SHA-256 (dataset and device
/// blocks): the path resolved safely (`ProjectPath`), the size capped before reading, the content
/// checked against its pin.
enum PinnedFile {
    /// The path `fileNode` names and the bytes of that file, relative to `folder`.
    ///
    /// - Parameters:
    ///   - what: what the file should be, for messages ("a CSV file").
    ///   - limit: largest file read, in bytes; larger files are refused before they are read.
    /// - Throws: an error located at `fileNode` for a path leaving the folder, a missing file, a
    ///   folder, a FIFO or device, a file over `limit`, an unreadable file, or a document that is not on disk.
    static func read(_ fileNode: SpecNode, folder: String?, what: String, limit: Int) throws -> (path: String, bytes: [UInt8]) {
        let path = try ProjectPath.relative(try fileNode.string(), at: fileNode)
        guard let folder else { throw fileNode.error("'\(path)' cannot be read: the document is not a file on disk") }
        guard let resolved = ProjectPath.resolve(path, in: folder) else {
            throw fileNode.error(
                "'\(path)' does not exist inside the document's folder",
                hint: "paths are relative to the document; links leaving its folder are refused")
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: resolved, isDirectory: &isFolder), isFolder.boolValue {
            throw fileNode.error("'\(path)' is a folder, not \(what)", hint: "name the file inside it")
        }
        // A FIFO, socket or device planted in the folder would stall or flood the read.
        guard RegularFile.isRegular(resolved) else {
            throw fileNode.error("'\(path)' is not a regular file (a FIFO, socket or device)", hint: "name a plain file with \(what)")
        }
        do {
            return (path, try NotebookFile.read(resolved, limit: limit))
        } catch let error as LocatedError {
            throw fileNode.error("'\(path)' cannot be read: \(error.diagnostic.message)", hint: error.diagnostic.hint)
        }
    }

    /// The SHA-256 of `bytes` (the file `path`), after checking it against the pin at `pinNode`.
    ///
    /// - Throws: `unpinned(digest)` when there is no pin; an error at `pinNode` when it differs.
    static func verify(_ bytes: [UInt8], path: String, pin pinNode: SpecNode?, unpinned: (String) -> LocatedError) throws -> String {
        let digest = Hashing.sha256Hex(bytes)
        guard let pinNode else { throw unpinned(digest) }
        let pinned = try pinNode.string().lowercased()
        guard pinned == digest else {
            throw pinNode.error(
                "'\(path)' has sha256 \(digest), not the pinned \(pinned)",
                hint: "the file changed since it was pinned; restore it, or pin the new content deliberately")
        }
        return digest
    }
}
