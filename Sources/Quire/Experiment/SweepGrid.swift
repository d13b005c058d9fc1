import OrderedCollections
import QuireCore
import Yams

/// `sweep:` — a grid over fields of the resolved spec: `{path: [values], …}`, one experiment per
/// point (cartesian product, first path slowest), each point's spec decoded exactly like a block
/// body, so a swept value is checked where it is written.
struct SweepGrid {
    /// Paths in written order with their value nodes.
    var axes: [(path: String, values: [SpecNode])]

    /// Reads `node` (absent: a single point with nothing swept).
    static func decode(_ node: SpecNode?, maxPoints: Int) throws -> SweepGrid {
        guard let node else { return SweepGrid(axes: []) }
        guard case .mapping(let mapping) = node.node else {
            throw node.error("'sweep' must map field paths to lists of values", hint: "e.g. sweep: {execution.noise.depolarizing.two_qubit: [0, 0.01]}")
        }
        var axes: [(path: String, values: [SpecNode])] = []
        var points = 1
        for (keyNode, valueNode) in mapping {
            let path = keyNode.string ?? ""
            let key = SpecNode(node: keyNode, path: "sweep.\(path)", origin: node.origin)
            guard let root = path.split(separator: ".").first, ExperimentSpec.keys.contains(String(root)), root != "sweep" else {
                throw key.error("sweep path '\(path)' does not start with a field of the experiment",
                                hint: "paths start with one of \(ExperimentSpec.keys.filter { $0 != "sweep" }.joined(separator: ", "))")
            }
            let values = try SpecNode(node: valueNode, path: "sweep.\(path)", origin: node.origin).sequence()
            guard !values.isEmpty else { throw key.error("sweep '\(path)' has no values") }
            points *= values.count
            guard points <= maxPoints else {
                throw key.error("the sweep has more than \(maxPoints) points, the limit",
                                hint: "sweep fewer values, split the study over several blocks, or raise the limit with --max-sweep-points")
            }
            axes.append((path, values))
        }
        return SweepGrid(axes: axes)
    }

    /// Every point: the swept values, in axis order.
    var points: [[SpecNode]] {
        axes.reduce([[]]) { partial, axis in partial.flatMap { prefix in axis.values.map { prefix + [$0] } } }
    }

    /// `root` with each axis's path set to the point's value; `resolve` turns a scalar reference
    /// met on the way (a noise block id) into the mapping it names, so paths can go inside it.
    static func apply(_ point: [SpecNode], axes: [String], to root: Node, resolve: (String, Node) throws -> Node?) rethrows -> Node {
        var result = root
        for (path, value) in zip(axes, point) {
            result = try set(value.node, at: path.split(separator: ".").map(String.init), in: result, prefix: [], resolve: resolve)
        }
        return result
    }

    private static func set(_ value: Node, at keys: [String], in node: Node, prefix: [String], resolve: (String, Node) throws -> Node?) rethrows -> Node {
        guard let key = keys.first else { return value }
        var mapping: Node.Mapping
        switch node {
        case .mapping(let existing): mapping = existing
        case .scalar: mapping = try resolve(prefix.joined(separator: "."), node)?.mapping ?? Node.Mapping([])
        default: mapping = Node.Mapping([])
        }
        let child = mapping[key] ?? Node.mapping(Node.Mapping([]))
        mapping[key] = try set(value, at: Array(keys.dropFirst()), in: child, prefix: prefix + [key], resolve: resolve)
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
