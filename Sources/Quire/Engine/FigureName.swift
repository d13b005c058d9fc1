import QuireCore

/// File names and Markdown links of the figures blocks write.
///
/// A name is a slug, `[a-z0-9-]` only, so the image shows on GitHub and in `quire render` whatever
/// the block id or model name holds (a space in `confusion-quantum kernel.svg` broke the link), and
/// two names never differ only in case (one file on a case-insensitive disk).
enum FigureName {
    /// `text` lower-cased, every run of characters other than `a-z` and `0-9` turned into one `-`,
    /// with no `-` at either end: `variational (strongly-entangling, 2 layers)` →
    /// `variational-strongly-entangling-2-layers`. May be empty.
    static func slug(_ text: String) -> String {
        var out = ""
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else if !out.isEmpty, !out.hasSuffix("-") {
                out += "-"
            }
        }
        return out.hasSuffix("-") ? String(out.dropLast()) : out
    }

    /// The slug of a block id, made unique: an id that is not already its own slug (`Moons_VQC`)
    /// gets the first 8 hex digits of its SHA-256 appended (`moons-vqc-1f0c…`), so ids that slug
    /// alike (`a_b`, `a-b`, `A-b`) never share a file. It depends on the id alone, so a block's
    /// figure names do not change when other blocks do.
    static func block(_ id: String) -> String {
        let slug = slug(id)
        if slug == id { return slug }
        return [slug, String(Hashing.sha256Hex(Array(id.utf8)).prefix(8))].filter { !$0.isEmpty }.joined(separator: "-")
    }

    /// `<block>-<part>-…` for the block `id`, each part slugged: the figure's name, and with
    /// `.svg` its file name.
    static func name(block id: String, _ parts: String...) -> String {
        ([block(id)] + parts.map(slug)).filter { !$0.isEmpty }.joined(separator: "-")
    }

    /// One slug per name, in order, made unique: a name whose slug an earlier one took gets `-2`,
    /// `-3`, … (the first free), so two models slugging alike get two files, the same on every run.
    static func unique(_ names: [String]) -> [String] {
        var used: Set<String> = []
        return names.map { name in
            let base = slug(name)
            var candidate = base, count = 1
            while used.contains(candidate) {
                count += 1
                candidate = base.isEmpty ? "\(count)" : "\(base)-\(count)"
            }
            used.insert(candidate)
            return candidate
        }
    }

    /// The Markdown image of `file` in the figures folder `folder`, on a paragraph of its own: the
    /// path percent-encoded outside `A-Z a-z 0-9 - . _ ~ /` (`MarkdownText.destination`), so a folder named after a document
    /// with spaces or parentheses (`my paper.figures`) still links.
    static func image(caption: String, folder: String, file: String) -> String {
        "\n![\(caption)](\(MarkdownText.destination(folder + "/" + file)))\n"
    }
}
