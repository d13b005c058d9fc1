import Foundation
import QuireCore
import QuireMarkdown
import Yams

@testable import Quire

/// A project folder for the targets that read dataset files: small CSV files a fuzzed `dataset`
/// block may name (the seeds in corpus/ pin them by SHA-256), written once per process.
enum FuzzProject {
    /// The files, by path relative to the folder: clean, CRLF with quoting, a non-number, one class.
    static let files: [(path: String, text: String)] = [
        (
            "data/flowers.csv",
            "length,width,species\n1.4,0.2,setosa\n1.3,0.2,setosa\n4.7,1.4,versicolor\n4.5,1.5,versicolor\n6.0,2.5,virginica\n5.1,1.9,virginica\n"
        ),
        ("data/crlf.csv", "\u{FEFF}\"x, left\",y,\"label \"\"q\"\"\"\r\n0.5,1,a\r\n-0.5,2,b\r\n1e-3,3,a\r\n2,4,b"),
        ("data/words.csv", "x,label\n1,a\nnan,b\n2,b\n"),
        ("data/single.csv", "x,label\n1,a\n2,a\n"),
    ]

    /// The folder, created with every file on first use and removed when the process exits.
    static let folder: String = {
        let folder = NSTemporaryDirectory() + "quire-fuzz-\(ProcessInfo.processInfo.processIdentifier)"
        for (path, text) in files {
            let url = URL(fileURLWithPath: folder).appendingPathComponent(path)
            try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try! Data(text.utf8).write(to: url)
        }
        atexit { try? FileManager.default.removeItem(atPath: FuzzProject.folder) }
        return folder
    }()

    /// The SHA-256 of the file at `path`.
    static func sha256(_ path: String) -> String {
        Hashing.sha256Hex(Array(files.first { $0.path == path }!.text.utf8))
    }

    /// The text of the file a location names, if it is one of the project's files.
    static func text(of file: String) -> [UInt8]? {
        files.first { $0.path == file }.map { Array($0.text.utf8) }
    }

    /// Run options that read datasets from the folder and keep every limit small.
    static var options: RunOptions {
        var options = RunOptions()
        options.projectFolder = folder
        options.limits.memoryBytes = 1 << 20
        options.limits.sweepPoints = 64
        return options
    }

    /// `body` as the body of a block fenced with `info` after `prefix`, when Markdown reads it back
    /// as the document's last block with the same lines (a line of backticks inside would end the
    /// fence early, and cmark-gfm replaces NUL bytes); `nil` otherwise. The block's body has its
    /// line breaks (LF, CRLF, CR) written as LF.
    static func document(prefix: String, info: String, body: [UInt8]) -> (bytes: [UInt8], block: RunnableBlock)? {
        let ending: [UInt8] = body.last == 0x0A || body.last == 0x0D ? [] : [0x0A]
        let bytes = Array((prefix + "```" + info + "\n").utf8) + body + ending + Array("```\n".utf8)
        let lines = markdownLines(body + ending).dropLast()
        guard let parsed = try? QuireDocument(bytes: bytes, file: "fuzz.md"), let block = parsed.blocks.last,
            block.attribute("id") == "fuzz", Array(block.body.utf8) == lines.flatMap({ $0 + [0x0A] })
        else { return nil }
        return (bytes, block)
    }

    /// The prepared last block of the document `bytes`, or the error planning or preparing it raised.
    static func prepared(_ bytes: [UInt8]) -> Result<PreparedBlock, any Error> {
        do {
            return try Notebook.plan(bytes: bytes, file: "fuzz.md", options: options).blocks.last!.prepared
        } catch {
            return .failure(error)
        }
    }

    /// Stops unless `body`, the block body a canonical spec `spec` stands for, written out as YAML
    /// and prepared as the body of a block fenced with `info` after `prefix`, gives `spec` again.
    static func checkRoundTrip(_ spec: CanonicalJSON, body: CanonicalJSON, prefix: String, info: String) {
        let yaml: String
        do { yaml = try Yams.serialize(node: body.yamlNode) } catch { fatalError("the canonical spec does not serialise: \(error)") }
        guard let again = document(prefix: prefix, info: info, body: Array(yaml.utf8)) else {
            fatalError("the canonical spec is not a block body:\n\(yaml)")
        }
        switch prepared(again.bytes) {
        case .failure(let error): fatalError("the canonical spec does not decode: \(error)\n\(yaml)")
        case .success(let decoded):
            guard decoded.record.spec == spec else { fatalError("the canonical spec decodes to another spec:\n\(yaml)\n\(decoded.record.spec)") }
        }
    }

    /// Stops when `error` is not an `InputError` located at `block`'s fence, inside its body, or
    /// inside one of the project's files.
    static func checkLocated(_ error: any Error, block: RunnableBlock) {
        guard let error = error as? any InputError else { fatalError("an error that is not an InputError: \(error)") }
        guard let location = error.diagnostic.location else { fatalError("unlocated error: \(error)") }
        if location == block.location { return }
        if location.file == "fuzz.md" {
            checkInside(location, lines: textLines(Array(block.body.utf8)), firstLine: block.firstBodyLine, error)
        } else if let text = text(of: location.file) {
            checkInside(location, lines: textLines(text), error)
        } else {
            fatalError("error in a file the input does not name: \(error)")
        }
    }
}
