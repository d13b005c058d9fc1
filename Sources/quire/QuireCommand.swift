import ArgumentParser
import Quire
import QuireCore

/// The `quire` command: runs, checks, diffs and renders reproducible QML papers.
@main
struct QuireCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quire",
        abstract: "Run the quantum machine learning experiments in a Markdown paper and record their results reproducibly.",
        version: QuireVersion.current,
        subcommands: [Run.self, Check.self, Diff.self, Render.self, Sim.self, Cache.self, Export.self, Worker.self])

    /// Parses and runs the subcommand; a bad command line (unknown option, unparsable or
    /// out-of-range value) prints ArgumentParser's message and usage and exits 2, the code of every
    /// bad input, instead of ArgumentParser's 64. Help and version still exit 0.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: exitCode(for: error) == .validationFailure ? Exit.badCommandLine(fullMessage(for: error)) : error)
        }
    }
}

/// Exit codes shared by every subcommand: 0 success, 1 `check` found a difference, 2 bad input.
enum Exit {
    /// Prints an input error's diagnostic to stderr and returns exit code 2.
    static func inputError(_ error: any InputError) -> ExitCode {
        printError(error.description)
        return ExitCode(2)
    }

    /// Prints a bad command line's `message` to stderr and returns exit code 2.
    static func badCommandLine(_ message: String) -> ExitCode {
        printError(message)
        return ExitCode(2)
    }

    /// Writes one line to standard error, control characters from the user's text written out
    /// (`TerminalText`; line feeds and tabs are layout and stay).
    static func printError(_ text: String) {
        var stderr = StandardError()
        print(TerminalText.escaped(text, keepingLayout: true), to: &stderr)
    }

    /// Writes one line to standard output, control characters written out as `printError` does.
    static func printOutput(_ text: String) {
        print(TerminalText.escaped(text, keepingLayout: true))
    }
}

/// Standard error as a `TextOutputStream`.
struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandleWriter.write(string, descriptor: 2)
    }
}
