import ArgumentParser
import Foundation
import Quire

extension QuireCommand {
    /// `quire cache clean`: delete cached block results.
    struct Cache: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Manage the cache of block results (.quire/cache/ beside each document).",
            subcommands: [Clean.self])

        /// `quire cache clean [FILE...]`.
        struct Clean: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Delete the cached results of the documents' folders (default: the current folder).")

            @Argument(help: "Documents whose folders' caches are deleted.")
            var files: [String] = []

            func run() async throws {
                let folders = files.isEmpty ? ["."] : files.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path }
                for folder in Set(folders).sorted() {
                    try BlockCache(documentFolder: folder).clean()
                    Exit.printError("cleaned \(BlockCache(documentFolder: folder).folder)")
                }
            }
        }
    }
}
