import QuireMarkdown

/// One difference `quire check` found between what a document records and a fresh run.
public struct CheckFinding: Sendable, Hashable, CustomStringConvertible {
    /// What differs: a block id, `provenance`, or a figure path.
    public var subject: String
    /// How it differs.
    public var message: String

    /// Creates a finding.
    public init(subject: String, message: String) {
        self.subject = subject
        self.message = message
    }

    /// `subject: message`.
    public var description: String { "\(subject): \(message)" }

    /// The differences between the recorded document and the freshly computed one, region by region.
    static func compare(recorded: [UInt8], fresh: [UInt8], file: String) throws -> [CheckFinding] {
        guard recorded != fresh else { return [] }
        let old = try QuireDocument(bytes: recorded, file: file)
        let new = try QuireDocument(bytes: fresh, file: file)
        func content(_ document: QuireDocument, _ region: OutputRegion?) -> [UInt8]? {
            region.map { Array(document.source.bytes[$0.contentRange]) }
        }
        var findings: [CheckFinding] = []
        for block in new.blocks {
            let before = content(old, old.regions.first { $0.id == block.id })
            let after = content(new, new.regions.first { $0.id == block.id })
            if before == nil {
                findings.append(CheckFinding(subject: block.id, message: "new block: no recorded result (run `quire run \(file)`)"))
            } else if before != after {
                findings.append(CheckFinding(subject: block.id, message: "result differs from a fresh run" + firstDifference(before!, after ?? [])))
            }
        }
        if content(old, old.provenance) != content(new, new.provenance) {
            findings.append(CheckFinding(subject: "provenance", message: "appendix differs from a fresh run (a spec, seed or version changed)"))
        }
        if findings.isEmpty {
            findings.append(CheckFinding(subject: file, message: "document differs from a fresh run outside the output regions (stale or misplaced region)"))
        }
        return findings
    }

    private static func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> String {
        let linesA = String(decoding: a, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let linesB = String(decoding: b, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(linesA.count, linesB.count) {
            let left = index < linesA.count ? String(linesA[index]) : ""
            let right = index < linesB.count ? String(linesB[index]) : ""
            if left != right { return "\n    recorded: \(left)\n    fresh:    \(right)" }
        }
        return ""
    }
}
