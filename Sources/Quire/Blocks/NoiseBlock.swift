import QuireCore
import QuireMarkdown
import QuireReport
import QuireSimulator

/// A `noise` block: decodes and validates its profile, and reports it as a table so the paper
/// shows exactly what noise its results assume.
enum NoiseBlock {
    /// Decodes the profile in `block`'s body; an empty body declares an ideal device, so a paper
    /// can name the noiseless baseline it compares against.
    static func profile(_ block: RunnableBlock) throws -> NoiseProfile {
        let origin = YAMLOrigin(yaml: block.body) { block.documentLocation(bodyLine: $0, column: $1) }
        guard let root = try SpecNode.parse(block.body, origin: origin) else { return NoiseProfile() }
        return try NoiseProfileDecoder.decode(root)
    }

    /// The record of a noise block, and the table of its profile as its region.
    static func prepare(_ block: RunnableBlock, profile: NoiseProfile, context: BlockContext) throws -> PreparedBlock {
        try Attributes.check(block, allowed: ["id"])
        let canonical = profile.canonical
        let record = BlockRecord(id: block.id, kind: block.kind.rawValue, spec: canonical, seed: try context.seed(of: block))
        return PreparedBlock(block: block, record: record) { _ in
            BlockResult(markdown: markdown(block, canonical: canonical), record: record)
        }
    }

    private static func markdown(_ block: RunnableBlock, canonical: CanonicalJSON) -> String {
        var rows: [[String]] = []
        func add(_ scope: String, _ channel: String, _ values: CanonicalJSON) {
            guard case .object(let members) = values else { return }
            for (key, value) in members { rows.append([scope, channel, key, value.compact().replacingOccurrences(of: "\"", with: "")]) }
        }
        if case .object(let parts) = canonical {
            for (channel, values) in parts where channel != "qubits" { add("all qubits", channel, values) }
            if case .object(let qubits)? = parts["qubits"] {
                for (index, override) in qubits {
                    guard case .object(let channels) = override else { continue }
                    for (channel, values) in channels { add("qubit \(index)", channel, values) }
                }
            }
        }
        let table =
            rows.isEmpty
            ? "No noise: an ideal device."
            : MarkdownTable(columns: ["scope", "channel", "parameter", "value"].map { .init($0) }, rows: rows).render(lineEnding: "\n")
        return "Noise profile `\(block.id)` (sha256 `\(Hashing.sha256Hex(canonical.compact()).prefix(12))`):\n\n\(table)\n"
    }
}
