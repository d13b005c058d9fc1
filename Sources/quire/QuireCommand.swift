import ArgumentParser

/// The `quire` command: runs, checks, diffs and renders reproducible QML papers.
@main
struct QuireCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quire",
        abstract: "Run the quantum machine learning experiments in a Markdown paper and record their results reproducibly.",
        version: "0.1.0",
        subcommands: [])
}
