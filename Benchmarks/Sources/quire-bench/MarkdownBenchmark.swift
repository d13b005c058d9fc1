import Foundation
import QuireMarkdown

/// Parsing and splicing a large document: 10 MB of Markdown holding 1,000 runnable blocks
/// (issue 2's target: well under a second in a release build).
enum MarkdownBenchmark {
    /// A document of about `megabytes` MB with `blocks` trivial noise blocks spread through prose.
    static func document(megabytes: Int, blocks: Int) -> [UInt8] {
        let paragraph =
            Array(
                "Quantum kernels are compared with classical baselines under a recorded seed; "
                    .utf8) + Array("every number in this paragraph is prose, **emphasis**, `code` and [links](https://example.org).\n\n".utf8)
        let target = megabytes * 1_000_000
        let prosePerBlock = target / blocks
        var bytes: [UInt8] = Array("# Benchmark paper\n\n".utf8)
        bytes.reserveCapacity(target + blocks * 64)
        for index in 0..<blocks {
            let start = bytes.count
            while bytes.count - start < prosePerBlock { bytes += paragraph }
            bytes += Array("```noise id=n\(index)\nreadout: {prob_meas1_prep0: 0.01}\n```\n\n".utf8)
        }
        return bytes
    }

    /// Times parse alone and parse + splice of one output per block; prints one line each.
    static func run() throws {
        let bytes = document(megabytes: 10, blocks: 1_000)
        var outputs: [String: String] = [:]
        for index in 0..<1_000 { outputs["n\(index)"] = "| a | b |\n|---|--:|\n| x | 1 |\n" }
        let parse = try Stopwatch.median(repeats: 5) { _ = try QuireDocument(bytes: bytes, file: "bench.md") }
        let splice = try Stopwatch.median(repeats: 5) {
            let document = try QuireDocument(bytes: bytes, file: "bench.md")
            _ = try DocumentSplicer.splice(document, outputs: outputs, appendix: "appendix\n")
        }
        let megabytes = Double(bytes.count) / 1e6
        print(
            "markdown: \(String(format: "%.1f", megabytes)) MB, 1000 blocks: parse \(milliseconds(parse)) ms, parse+splice \(milliseconds(splice)) ms (target < 1000 ms)"
        )
    }

    private static func milliseconds(_ seconds: Double) -> String { String(Int((seconds * 1000).rounded())) }
}
