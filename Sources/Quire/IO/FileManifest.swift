import Foundation
import QuireCore

/// The files Quire wrote for one document (its figures) with the SHA-256 of the bytes it wrote,
/// kept in `.quire/manifests/<document name>.json` beside the document (one file per document,
/// since runs of different documents in one folder do not share a lock).
///
/// A figure the document no longer produces is deleted only when the manifest lists it and it is
/// still a regular file holding exactly those bytes: the provenance appendix, which names the old
/// figures, is the document author's text, and a run must never delete a file Quire did not create.
struct FileManifest: Equatable {
    /// SHA-256 of each file's bytes, by path relative to the document's folder.
    var files: [String: String] = [:]

    /// Largest manifest read, in bytes.
    static let maxBytes = 16 << 20

    /// The manifest of the document named `documentName` in `documentFolder`.
    ///
    /// - Throws: a `LocatedError` when `.quire/manifests` leads outside the document's folder.
    static func path(documentFolder: String, documentName: String) throws -> String {
        try ProjectPath.checkedForWriting(".quire/manifests", in: documentFolder, what: "the manifest folder") + "/" + documentName + ".json"
    }

    /// The manifest at `path`; empty when there is none or it cannot be read (a fresh clone).
    static func load(_ path: String) -> FileManifest {
        guard let bytes = RegularFile.read(path, limit: maxBytes), let files = try? JSONDecoder().decode([String: String].self, from: Data(bytes))
        else { return FileManifest() }
        return FileManifest(files: files)
    }

    /// Whether the file `relative` to `folder` is one this manifest says Quire wrote, unchanged since:
    /// a regular file (not a symbolic link) holding the recorded bytes.
    func wrote(_ relative: String, in folder: String) -> Bool {
        guard let recorded = files[relative], let bytes = RegularFile.read(folder + "/" + relative, limit: NotebookFile.maxDocumentBytes) else {
            return false
        }
        return Hashing.sha256Hex(bytes) == recorded
    }

    /// Writes the manifest to `path` atomically (mode 0644), its keys sorted so equal manifests are equal bytes.
    ///
    /// - Throws: a `LocatedError` naming the file and the system's reason.
    func write(to path: String, faults: WriteFaults) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try AtomicFile.createFolder(folder, named: "the manifest folder", hint: "check that the document's folder is writable")
        try AtomicFile.write([UInt8](try encoder.encode(files)) + [0x0A], to: path, keepingMode: false, faults: faults)
    }
}
