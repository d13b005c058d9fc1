extension DatasetGenerator {
    /// What the classes are, in class order, for generators whose classes have a natural name
    /// (`upper moon` / `lower moon`, `even` / `odd` parity, `bars` / `stripes`), so tables and
    /// figures can say more than "class 0"; nil where a class is only an index (blobs' centres,
    /// the hidden manifold's median split).
    public var classNames: [String]? {
        switch self {
        case .moons: ["upper moon", "lower moon"]
        case .circles: ["outer circle", "inner circle"]
        case .parity, .hyperplanes: ["even", "odd"]
        case .twoCurves: ["curve", "offset curve"]
        case .barsAndStripes: ["bars", "stripes"]
        case .blobs, .linearlySeparable, .hiddenManifold: nil
        }
    }
}
