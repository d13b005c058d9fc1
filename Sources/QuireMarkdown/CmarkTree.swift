internal import CCmarkGFM

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A block-level node that Quire cares about, copied out of cmark-gfm's tree into owned values.
struct SourceNode: Sendable {
    /// What the node is.
    enum Kind: Sendable {
        /// A fenced code block: info string, content, fence character and length.
        case fencedCode(info: String, literal: String, fenceLength: Int)
        /// A raw HTML block (CommonMark §4.6), e.g. a marker comment.
        case html(literal: String)
    }

    var kind: Kind
    /// 1-based line of the node's first line, as cmark-gfm reports it.
    var startLine: Int
    /// 1-based byte column of the node's first character.
    var startColumn: Int
    /// 1-based line of the node's last line.
    var endLine: Int
    /// Whether the node sits directly in the document (not in a list item or block quote).
    var topLevel: Bool
}

/// The only place that touches cmark-gfm: parses bytes with the GFM core extensions attached and
/// returns fenced code blocks and HTML blocks with their positions. No C pointer escapes this type.
enum CmarkTree {
    /// The GFM extensions attached to every parse, so the tree is the one GitHub would build.
    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// The version of the linked libcmark-gfm, e.g. `0.29.0.gfm.6`, for provenance.
    static var version: String { String(cString: cmark_version_string()) }

    /// Parses `bytes` (UTF-8 Markdown, front matter already blanked) into Quire's nodes, in document order.
    static func nodes(_ bytes: [UInt8]) -> [SourceNode] {
        withTree(bytes, options: CMARK_OPT_DEFAULT) { root, _ in collect(root) } ?? []
    }

    /// HTML for `bytes` as GitHub renders it, and the document's headings (level, plain text) in
    /// order. Raw HTML is omitted unless `allowRawHTML`, because a notebook is untrusted input.
    static func html(_ bytes: [UInt8], allowRawHTML: Bool) -> (html: String, headings: [(level: Int, text: String)]) {
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES | (allowRawHTML ? CMARK_OPT_UNSAFE : 0)
        return withTree(bytes, options: options) { root, parser in
            // Every heading in document order, also inside block quotes and list items, as the HTML has them.
            var headings: [(level: Int, text: String)] = []
            guard let iterator = cmark_iter_new(root) else { return ("", headings) }
            defer { cmark_iter_free(iterator) }
            while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                    String(cString: cmark_node_get_type_string(node)) == "heading",
                    let text = cmark_render_plaintext(node, CMARK_OPT_DEFAULT, 0)
                else { continue }
                headings.append((Int(cmark_node_get_heading_level(node)), String(cString: text).trimmingNewlines))
                free(text)
            }
            guard let rendered = cmark_render_html(root, options, cmark_parser_get_syntax_extensions(parser)) else { return ("", headings) }
            defer { free(rendered) }
            return (String(cString: rendered), headings)
        } ?? ("", [])
    }

    /// Parses `bytes` with the GFM extensions attached and hands the root to `body`; frees everything after.
    private static func withTree<T>(_ bytes: [UInt8], options: Int32, _ body: (OpaquePointer, OpaquePointer) -> T) -> T? {
        cmark_gfm_core_extensions_ensure_registered()
        guard let parser = cmark_parser_new(options) else { return nil }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    cmark_parser_feed(parser, $0, buffer.count)
                }
            }
        }
        guard let root = cmark_parser_finish(parser) else { return nil }
        defer { cmark_node_free(root) }
        return body(root, parser)
    }

    /// Walks block containers with an explicit stack (no recursion: nesting depth is input-controlled).
    private static func collect(_ root: OpaquePointer) -> [SourceNode] {
        var result: [SourceNode] = []
        var stack: [(OpaquePointer, Int)] = []
        var child = cmark_node_last_child(root)
        while let node = child {
            stack.append((node, 0))
            child = cmark_node_previous(node)
        }
        while let (node, depth) = stack.popLast() {
            let type = String(cString: cmark_node_get_type_string(node))
            switch type {
            case "code_block":
                var length: Int32 = 0
                var offset: Int32 = 0
                var character: CChar = 0
                guard cmark_node_get_fenced(node, &length, &offset, &character) != 0 else { continue }
                result.append(
                    SourceNode(
                        kind: .fencedCode(
                            info: string(cmark_node_get_fence_info(node)),
                            literal: string(cmark_node_get_literal(node)), fenceLength: Int(length)),
                        startLine: Int(cmark_node_get_start_line(node)),
                        startColumn: Int(cmark_node_get_start_column(node)),
                        endLine: Int(cmark_node_get_end_line(node)), topLevel: depth == 0))
            case "html_block":
                result.append(
                    SourceNode(
                        kind: .html(literal: string(cmark_node_get_literal(node))),
                        startLine: Int(cmark_node_get_start_line(node)),
                        startColumn: Int(cmark_node_get_start_column(node)),
                        endLine: Int(cmark_node_get_end_line(node)), topLevel: depth == 0))
            case "block_quote", "list", "item", "footnote_definition":
                var inner = cmark_node_last_child(node)
                while let innerNode = inner {
                    stack.append((innerNode, depth + 1))
                    inner = cmark_node_previous(innerNode)
                }
            default:
                continue
            }
        }
        return result
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}

extension String {
    /// The text without trailing line breaks (cmark ends rendered blocks with one).
    fileprivate var trimmingNewlines: String {
        var text = self
        while text.last == "\n" || text.last == "\r" { text.removeLast() }
        return text
    }
}
