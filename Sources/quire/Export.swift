import ArgumentParser
import Quire
import QuireCore

extension QuireCommand {
    /// `quire export --mlflow` (log recorded results to an MLflow tracking server) and
    /// `quire export --reproduce` (write what reproduces each repeat outside Quire).
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Log each block's recorded run to MLflow, or write what reproduces each experiment repeat elsewhere.",
            discussion: """
                --mlflow: one experiment per document, named by its path as given; one run per block, with nested runs per \
                sweep point and per repeat, found again by their quire.document, quire.block_id, quire.spec_sha256, \
                quire.sweep_point and quire.repeat tags, so exporting twice updates the runs instead of duplicating \
                them. Runs of an earlier spec of a block are kept and tagged quire.superseded=true. Nothing is \
                executed.

                --reproduce FOLDER: re-executes the experiment blocks (the run the document records) and writes, per \
                sweep point and repeat, split.csv (every sample as the models saw it) and repeat.json (each baseline's \
                chosen hyperparameters and test predictions, the quantum model's trained parameters and test outputs). \
                Tests/Reproduction/reproduce.py checks such a folder against scikit-learn and Qiskit.

                The documents are never modified.
                """)

        @Option(help: ArgumentHelp("The tracking server's URI, e.g. http://127.0.0.1:5000.", valueName: "uri"))
        var mlflow: String?

        @Option(help: ArgumentHelp("A new or empty folder (or an earlier export) to write the reproduction files into.", valueName: "folder"))
        var reproduce: String?

        @Option(name: .customLong("block"), help: ArgumentHelp("With --reproduce: only this experiment block (repeatable).", valueName: "id"))
        var blocks: [String] = []

        @OptionGroup var limits: LimitOptions

        @OptionGroup var parallel: JobsOption

        @Argument(help: "The Markdown documents to export (run them first).")
        var files: [String]

        func validate() throws {
            guard (mlflow == nil) != (reproduce == nil) else { throw ValidationError("Give exactly one of --mlflow and --reproduce.") }
            guard reproduce == nil || files.count == 1 else { throw ValidationError("--reproduce exports one document at a time.") }
            guard blocks.isEmpty || reproduce != nil else { throw ValidationError("--block goes with --reproduce.") }
        }

        func run() async throws {
            if let reproduce {
                var options = RunOptions()
                options.limits = limits.limits
                options.jobs = parallel.jobs
                do {
                    let report = try ReproductionExport.export(path: files[0], to: reproduce, blocks: blocks, options: options)
                    Exit.printError(
                        "\(files[0]): \(report.repeats) repeat\(report.repeats == 1 ? "" : "s") of \(report.blocks.count) experiment "
                            + "block\(report.blocks.count == 1 ? "" : "s") written to \(reproduce)")
                } catch let error as any InputError {
                    Exit.printError(error.description)
                    throw ExitCode(2)
                }
                return
            }
            guard let mlflow else { return }
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
                            + "\(report.artifacts) artifact\(report.artifacts == 1 ? "" : "s") uploaded")
                } catch let error as any InputError {
                    Exit.printError(error.description)
                    failed = true
                }
            }
            if failed { throw ExitCode(2) }
        }
    }
}
