import OrderedCollections
import QuireCore
import Yams

/// `sweep:` — a grid over fields of the resolved spec: `{path: [values], …}`, one experiment per
/// point (cartesian product, first path slowest), each point's spec decoded exactly like a block
/// body, so a swept value is checked where it is written.
struct SweepGrid {
    /// Paths in written order with their key (for error positions) and value nodes.
    var axes: [(path: String, key: SpecNode, values: [SpecNode])]

    /// Reads `node` (absent: a single point with nothing swept).
    static func decode(_ node: SpecNode?, maxPoints: Int) throws -> SweepGrid {
        guard let node else { return SweepGrid(axes: []) }
        guard case .mapping(let mapping) = node.node else {
            throw node.error(
                "'sweep' must map field paths to lists of values", hint: "e.g. sweep: {execution.noise.depolarizing.two_qubit: [0, 0.01]}")
        }
        var axes: [(path: String, key: SpecNode, values: [SpecNode])] = []
        var points = 1
        for (keyNode, valueNode) in mapping {
            let path = keyNode.string ?? ""
            let key = SpecNode(node: keyNode, path: "sweep.\(path)", origin: node.origin)
            try checkPath(path, at: key, after: axes)
            guard let root = path.split(separator: ".").first, ExperimentSpec.keys.contains(String(root)), root != "sweep" else {
                throw key.error(
                    "sweep path '\(path)' does not start with a field of the experiment",
                    hint: "paths start with one of \(ExperimentSpec.keys.filter { $0 != "sweep" }.joined(separator: ", "))")
            }
            let values = try SpecNode(node: valueNode, path: "sweep.\(path)", origin: node.origin).sequence()
            guard !values.isEmpty else { throw key.error("sweep '\(path)' has no values") }
            points *= values.count
            guard points <= maxPoints else {
                throw key.error(
                    "the sweep has more than \(maxPoints) points, the limit",
                    hint: "sweep fewer values, split the study over several blocks, or raise the limit with --max-sweep-points")
            }
            axes.append((path, key, values))
        }
        return SweepGrid(axes: axes)
    }

    /// Throws at `key` unless `path` is dot-separated field names (none empty, no whitespace, so
    /// `train..epochs` or `.train.epochs` is not read as `train.epochs`) and neither repeats an
    /// earlier axis nor contains one (`execution.noise` after `execution.noise.readout…` would
    /// replace what that axis set, and its rows would be labelled with values that never ran).
    static func checkPath(_ path: String, at key: SpecNode, after axes: [(path: String, key: SpecNode, values: [SpecNode])]) throws {
        let components = path.split(separator: ".", omittingEmptySubsequences: false)
        guard case .scalar = key.node, components.allSatisfy({ !$0.isEmpty && !$0.contains(where: \.isWhitespace) }) else {
            throw key.error(
                "sweep path '\(path)' is malformed: it must be field names joined by single dots",
                hint: "write the path as in the spec, e.g. train.epochs, with no empty part, leading or trailing dot, or space")
        }
        for earlier in axes where earlier.path == path || earlier.path.hasPrefix(path + ".") {
            throw key.error(
                earlier.path == path
                    ? "sweep path '\(path)' is swept twice (first at \(earlier.key.location))"
                    : "sweep path '\(path)' contains '\(earlier.path)', swept before it (at \(earlier.key.location)), and would replace its values",
                hint: "sweep each field once; put a path before the paths inside it")
        }
    }

    /// Every point: the swept values, in axis order.
    var points: [[SpecNode]] {
        axes.reduce([[]]) { partial, axis in partial.flatMap { prefix in axis.values.map { prefix + [$0] } } }
    }

    /// `root` with each axis's path set to the point's value; `resolve` turns a scalar reference
    /// met on the way (a noise block id) into the mapping it names, so paths can go inside it.
    ///
    /// Keys and mappings the path creates carry the position of the sweep's key, so a misspelt
    /// path (`train.epochz`) is reported where the author wrote it, not at the start of the block.
    func apply(_ point: [SpecNode], to root: Node, resolve: (String, Node) throws -> Node?) rethrows -> Node {
        var result = root
        for (axis, value) in zip(axes, point) {
            let keys = axis.path.split(separator: ".").map(String.init)
            result = try Self.set(value.node, at: keys, in: result, prefix: [], mark: axis.key.node.mark, resolve: resolve)
        }
        return result
    }

    private static func set(
        _ value: Node, at keys: [String], in node: Node, prefix: [String], mark: Mark?,
        resolve: (String, Node) throws -> Node?
    ) rethrows -> Node {
        guard let key = keys.first else { return value }
        var mapping: Node.Mapping
        switch node {
        case .mapping(let existing): mapping = existing
        case .scalar: mapping = try resolve(prefix.joined(separator: "."), node)?.mapping ?? Node.Mapping([], .implicit, .any, mark)
        default: mapping = Node.Mapping([], .implicit, .any, mark)
        }
        let child = mapping[key] ?? Node.mapping(Node.Mapping([], .implicit, .any, mark))
        let updated = try set(value, at: Array(keys.dropFirst()), in: child, prefix: prefix + [key], mark: mark, resolve: resolve)
        if mapping[key] != nil {
            mapping[key] = updated
        } else {
            mapping = Node.Mapping(
                Array(mapping) + [(Node.scalar(Node.Scalar(key, .implicit, .any, mark)), updated)],
                mapping.tag, mapping.style, mapping.mark)
        }
        return .mapping(mapping)
    }

    /// The point's values as written, for tables and provenance.
    static func label(_ value: SpecNode) -> CanonicalJSON {
        switch value.node {
        case .scalar(let scalar):
            if let integer = Int64(scalar.string) { return .integer(integer) }
            if let number = Double(scalar.string) { return .number(number) }
            return .string(scalar.string)
        default:
            return .string((try? Yams.serialize(node: value.node).trimmingCharacters(in: .whitespacesAndNewlines)) ?? "…")
        }
    }
}
