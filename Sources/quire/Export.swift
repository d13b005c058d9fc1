import ArgumentParser
import Quire
import QuireCore

extension QuireCommand {
    /// `quire export --mlflow`: log recorded results to an MLflow tracking server.
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Log each block's recorded run to an MLflow tracking server: params, tags, metrics and figures.",
            discussion: """
                One experiment per document, named by its path as given; one run per block, with nested runs per \
                sweep point and per repeat, found again by their quire.document, quire.block_id, quire.spec_sha256, \
                quire.sweep_point and quire.repeat tags, so exporting twice updates the runs instead of duplicating \
                them. Runs of an earlier spec of a block are kept and tagged quire.superseded=true. Nothing is \
                executed and the documents are never modified.
                """)

        @Option(help: ArgumentHelp("The tracking server's URI, e.g. http://127.0.0.1:5000.", valueName: "uri"))
        var mlflow: String

        @Argument(help: "The Markdown documents to export (run them first).")
        var files: [String]

        func run() async throws {
            let client: MLflowClient
            do { client = try MLflowClient(uri: mlflow) } catch let error as any InputError { throw Exit.inputError(error) }
            var failed = false
            for file in files {
                do {
                    let report = try await MLflowExport.export(path: file, to: client)
                    for note in report.notes { Exit.printError("\(file): note: \(note)") }
                    Exit.printError(
                        "\(file): experiment \(report.experimentID), \(report.created) run\(report.created == 1 ? "" : "s") created, "
                            + "\(report.updated) updated, \(report.superseded) superseded, "
                            + "\(report.artifacts) figure\(report.artifacts == 1 ? "" : "s") uploaded")
                } catch let error as any InputError {
                    Exit.printError(error.description)
                    failed = true
                }
            }
            if failed { throw ExitCode(2) }
        }
    }
}
