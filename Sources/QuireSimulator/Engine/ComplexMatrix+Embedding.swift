import Numerics

extension ComplexMatrix {
    /// This matrix on qubits `sub` re-expressed on `full` (a superset; local bit j = `full[j]`),
    /// acting as the identity on the other qubits of `full`.
    func embedded(from sub: [Int], into full: [Int]) -> ComplexMatrix {
        if sub == full { return self }
        let positions = sub.map { q in full.firstIndex(of: q)! }
        let subMask = positions.reduce(0) { $0 | 1 << $1 }
        let dimension = 1 << full.count
        var out = ComplexMatrix(dimension: dimension, elements: .init(repeating: .zero, count: dimension * dimension))
        let local = { (index: Int) in positions.enumerated().reduce(0) { $0 | (index >> $1.element & 1) << $1.offset } }
        for r in 0..<dimension {
            for c in 0..<dimension where r & ~subMask == c & ~subMask {
                out[r, c] = self[local(r), local(c)]
            }
        }
        return out
    }
}
