/// Grows one tree on binned data and gradients best-first, as scikit-learn's `TreeGrower` does:
/// the splittable node of highest gain is split next (kept in a heap ordered as Python's `heapq`
/// orders scikit-learn's, so equal gains are split in the same order) until the tree has
/// `maxLeafNodes` leaves or no node can split; a node with fewer than `2 × minSamplesLeaf` samples
/// is a leaf. The smaller child's histogram is built from its samples, the larger one's by
/// subtraction from the parent's.
struct HistogramTreeGrower {
    /// A node being grown: its samples are `partition[start ..< stop]`.
    struct GrowingNode {
        var start: Int
        var stop: Int
        var gradient: Double
        var hessian: Double
        var value: Double
        var histogram: NodeHistogram?
        var split: HistogramSplit?
        var tree = HistogramTree.Node(isLeaf: false)
    }

    let bins: [UInt8]
    let sampleCount: Int
    let binning: HistogramBinning
    let stride: Int
    let parameters: HistGradientBoostingParameters
    /// Sample indices, grouped by node (a stable partition, as scikit-learn's).
    var partition: [Int]
    var nodes: [GrowingNode] = []
    /// Indices into `nodes` of the splittable nodes, a binary heap on gain.
    var heap: [Int] = []
    var leafCount = 0

    /// A grower over the column-major `bins` of `sampleCount` rows.
    init(bins: [UInt8], sampleCount: Int, binning: HistogramBinning, parameters: HistGradientBoostingParameters) {
        self.bins = bins
        self.sampleCount = sampleCount
        self.binning = binning
        stride = parameters.maxBins + 1
        self.parameters = parameters
        partition = Array(0..<sampleCount)
    }

    /// Grows a tree on `gradients` and `hessians`; returns it, and adds every training sample's
    /// leaf value (shrunk by the learning rate) to `raw[sample * rawStride + rawOffset]`.
    mutating func grow(gradients: [Float], hessians: [Float], raw: inout [Double], rawStride: Int, rawOffset: Int) -> HistogramTree {
        nodes = []
        heap = []
        leafCount = 0
        partition = Array(0..<sampleCount)
        var histogram = NodeHistogram(features: binning.thresholds.count, stride: stride)
        histogram.add(rows: partition[...], bins: bins, sampleCount: sampleCount, stride: stride, gradients: gradients, hessians: hessians)
        let gradient = NodeHistogram.pairwiseSum(histogram.gradients, 0, stride)
        let hessian = NodeHistogram.pairwiseSum(histogram.hessians, 0, stride)
        nodes.append(GrowingNode(start: 0, stop: sampleCount, gradient: gradient, hessian: hessian, value: 0, histogram: histogram))
        if sampleCount < 2 * parameters.minSamplesLeaf || hessian < 1e-3 {
            finalize(0)
        } else {
            findSplit(0)
        }
        while !heap.isEmpty { splitNext(gradients: gradients, hessians: hessians) }
        var tree = HistogramTree(nodes: nodes.map(\.tree))
        for n in tree.nodes.indices where tree.nodes[n].isLeaf {
            tree.nodes[n].value = nodes[n].value * parameters.learningRate
            for i in partition[nodes[n].start..<nodes[n].stop] { raw[i * rawStride + rawOffset] += tree.nodes[n].value }
        }
        return tree
    }

    private mutating func finalize(_ n: Int) {
        nodes[n].tree.isLeaf = true
        nodes[n].histogram = nil
        leafCount += 1
    }

    private mutating func findSplit(_ n: Int) {
        let node = nodes[n]
        let split = HistogramSplit.best(
            node.histogram!, stride: stride, binCounts: binning.thresholds.indices.map(binning.binCount),
            samples: node.stop - node.start, gradient: node.gradient, hessian: node.hessian, value: node.value,
            minSamplesLeaf: parameters.minSamplesLeaf, l2: parameters.l2Regularization)
        guard let split else { return finalize(n) }
        nodes[n].split = split
        push(n)
    }

    private mutating func splitNext(gradients: [Float], hessians: [Float]) {
        let n = pop()
        let node = nodes[n]
        let split = node.split!
        let column = split.feature * sampleCount
        let rows = partition[node.start..<node.stop]
        let left = rows.filter { Int(bins[column + $0]) <= split.bin }
        let right = rows.filter { Int(bins[column + $0]) > split.bin }
        partition.replaceSubrange(node.start..<node.stop, with: left + right)
        let middle = node.start + left.count
        let l2 = parameters.l2Regularization
        let l = nodes.count
        let r = l + 1
        nodes.append(
            GrowingNode(
                start: node.start, stop: middle, gradient: split.gradientLeft, hessian: split.hessianLeft,
                value: HistogramSplit.value(split.gradientLeft, split.hessianLeft, l2: l2)))
        nodes.append(
            GrowingNode(
                start: middle, stop: node.stop, gradient: split.gradientRight, hessian: split.hessianRight,
                value: HistogramSplit.value(split.gradientRight, split.hessianRight, l2: l2)))
        nodes[n].tree = HistogramTree.Node(
            feature: split.feature, threshold: binning.thresholds[split.feature][split.bin], left: l, right: r, isLeaf: false)
        let parentHistogram = nodes[n].histogram!
        nodes[n].histogram = nil
        if leafCount + heap.count + 2 == parameters.maxLeafNodes {
            finalize(l)
            finalize(r)
            while let last = heap.popLast() { finalize(last) }
            return
        }
        for child in [l, r] where nodes[child].stop - nodes[child].start < 2 * parameters.minSamplesLeaf { finalize(child) }
        guard !nodes[l].tree.isLeaf || !nodes[r].tree.isLeaf else { return }
        let (small, large) = left.count < right.count ? (l, r) : (r, l)
        var histogram = NodeHistogram(features: binning.thresholds.count, stride: stride)
        histogram.add(
            rows: partition[nodes[small].start..<nodes[small].stop], bins: bins, sampleCount: sampleCount, stride: stride,
            gradients: gradients, hessians: hessians)
        nodes[large].histogram = NodeHistogram(parentHistogram, minus: histogram)
        nodes[small].histogram = histogram
        for child in [l, r] where !nodes[child].tree.isLeaf { findSplit(child) }
    }

    /// `heapq.heappush`: node `a` sorts before `b` when its gain is larger.
    private mutating func push(_ n: Int) {
        heap.append(n)
        siftDown(from: 0, to: heap.count - 1)
    }

    /// `heapq.heappop`.
    private mutating func pop() -> Int {
        let last = heap.removeLast()
        guard !heap.isEmpty else { return last }
        let top = heap[0]
        heap[0] = last
        var position = 0
        var child = 1
        while child < heap.count {
            if child + 1 < heap.count && !before(heap[child], heap[child + 1]) { child += 1 }
            heap[position] = heap[child]
            position = child
            child = 2 * position + 1
        }
        heap[position] = last
        siftDown(from: 0, to: position)
        return top
    }

    private mutating func siftDown(from start: Int, to end: Int) {
        let item = heap[end]
        var position = end
        while position > start {
            let parent = (position - 1) / 2
            guard before(item, heap[parent]) else { break }
            heap[position] = heap[parent]
            position = parent
        }
        heap[position] = item
    }

    private func before(_ a: Int, _ b: Int) -> Bool { nodes[a].split!.gain > nodes[b].split!.gain }
}
