import ArgumentParser
import Quire
import QuireCore

#if canImport(Glibc)
    import Glibc
#endif

extension QuireCommand {
    /// `quire diff`: what changed between two versions of a paper, and why.
    struct Diff: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show what changed between two versions of a paper: each block's inputs, numbers, text and figures.",
            discussion: """
                Compares two files, or with --git a file with its version at a git revision. Nothing is executed; \
                the documents' recorded results and provenance are compared. As a git difftool: \
                git config difftool.quire.cmd 'quire diff "$LOCAL" "$REMOTE"', then git difftool -t quire -- paper.md.
                """)

        @Argument(help: "OLD NEW, or with --git only the file.")
        var files: [String]

        @Option(help: "Compare the file with its version at this git revision (e.g. HEAD, main~1).")
        var git: String?

        @Flag(help: "Print Markdown for a pull-request comment instead of terminal text.")
        var markdown = false

        @Flag(help: "Exit 1 when the versions differ (as `git diff --exit-code`).")
        var exitCode = false

        func validate() throws {
            guard files.count == (git == nil ? 2 : 1) else {
                throw ValidationError(git == nil ? "Give two files: OLD NEW." : "With --git, give one file.")
            }
        }

        func run() async throws {
            do {
                let diff: DocumentDiff
                if let git {
                    diff = try DocumentRevision.diff(file: files[0], revision: git)
                } else {
                    diff = try DocumentDiff.compare(
                        old: try DocumentRevision.read(files[0]), named: files[0],
                        new: try DocumentRevision.read(files[1]), named: files[1])
                }
                // text(color:) writes out control characters itself, around its own colour codes.
                if markdown { Exit.printOutput(diff.markdown()) } else { print(diff.text(color: isatty(1) == 1)) }
                if exitCode && diff.hasChanges { throw ExitCode(1) }
            } catch let error as any InputError {
                throw Exit.inputError(error)
            }
        }
    }
}
