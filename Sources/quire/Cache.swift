import ArgumentParser
import Foundation
import Quire
import QuireCore

extension QuireCommand {
    /// `quire cache clean`: delete cached block results.
    struct Cache: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Manage the cache of block results (.quire/cache/ beside each document).",
            subcommands: [Clean.self])

        /// `quire cache clean [FILE...]`.
        struct Clean: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Delete the cached results of the documents' folders (default: the current folder).",
                discussion:
                    "Only entries Quire wrote are deleted (regular files named <sha256>.json); a cache folder that is a symbolic link leading outside the document's folder is refused."
            )

            @Argument(help: "Documents whose folders' caches are deleted.")
            var files: [String] = []

            func run() async throws {
                let folders = files.isEmpty ? ["."] : files.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path }
                do {
                    for folder in Set(folders).sorted() {
                        let deleted = try BlockCache.clean(documentFolder: folder)
                        Exit.printError(
                            "cleaned \(try BlockCache.folder(documentFolder: folder)): \(deleted) entr\(deleted == 1 ? "y" : "ies") deleted")
                    }
                } catch let error as any InputError {
                    throw Exit.inputError(error)
                }
            }
        }
    }
}
