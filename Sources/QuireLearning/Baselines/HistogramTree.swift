/// One fitted regression tree of the boosted ensemble: numeric splits `x[feature] ≤ threshold` go
/// left, leaves hold the shrunk Newton step.
struct HistogramTree: Hashable, Sendable {
    /// A split (`left`, `right` index the children) or a leaf (`value`).
    struct Node: Hashable, Sendable {
        var feature = 0
        var threshold = 0.0
        var left = 0
        var right = 0
        var value = 0.0
        var isLeaf = true
    }

    /// The nodes, the root first.
    var nodes: [Node]

    /// The tree's value at row `row` of `features`.
    func value(_ features: Matrix, row: Int) -> Double {
        var node = nodes[0]
        while !node.isLeaf {
            node = nodes[features[row, node.feature] <= node.threshold ? node.left : node.right]
        }
        return node.value
    }
}
