/// The distribution of measurement outcomes: one bar per bitstring for the exact probabilities and,
/// beside it, one for the frequencies sampled from shot counts.
///
/// Outcomes are sorted as basis-state numbers (shorter strings first, then in lexicographic order,
/// which for equally long bitstrings is numeric order; qubit n−1 leftmost as in Qiskit). With more than
/// `maxBars` outcomes, the `maxBars − 1` most likely ones are kept (ranked by the larger of probability
/// and frequency, ties by bitstring) and the rest are summed into a last bar `other (k)`. Bitstrings are
/// set in a monospace font; long ones are rotated. No outcomes gives empty axes with "no data".
///
///     Histogram(name: "bell-counts", title: "Bell state, 2000 shots",
///               probabilities: ["00": 0.4925, "11": 0.4925, "01": 0.0075, "10": 0.0075],
///               counts: ["00": 987, "11": 991, "01": 12, "10": 10])
public struct Histogram: Hashable, Sendable {
    /// The figure's name: ids in the SVG derive from it.
    public var name: String
    /// The visible title and accessible name; empty for no visible title.
    public var title: String
    /// The accessible description; nil for one generated from the data.
    public var description: String?
    /// Exact probabilities by bitstring (each in 0…1); empty to show samples only.
    public var probabilities: [String: Double]
    /// Shot counts by bitstring (each ≥ 0); empty to show exact probabilities only.
    public var counts: [String: Int]
    /// The most bars shown, the `other` bar included (at least 2).
    public var maxBars: Int
    /// Width and height in pixels.
    public var size: FigureSize

    /// A histogram of `probabilities` and/or sampled `counts`; see the type's documentation.
    public init(
        name: String, title: String = "", probabilities: [String: Double] = [:],
        counts: [String: Int] = [:], maxBars: Int = 16, description: String? = nil,
        size: FigureSize = .standard
    ) {
        self.name = name
        self.title = title
        self.description = description
        self.probabilities = probabilities
        self.counts = counts
        self.maxBars = maxBars
        self.size = size
    }

    /// A histogram of a simulator's probability vector: `probabilities[i]` is the probability of basis
    /// state i on `qubits` qubits (as `quire sim` reports it), keyed by `bitstring(i, qubits:)`.
    public init(
        name: String, title: String = "", probabilities: [Double], qubits: Int, counts: [String: Int] = [:],
        maxBars: Int = 16, description: String? = nil, size: FigureSize = .standard
    ) {
        precondition(probabilities.count == 1 << qubits, "a probability vector on n qubits has 2^n entries")
        var byBitstring: [String: Double] = [:]
        for (index, probability) in probabilities.enumerated() {
            byBitstring[Self.bitstring(index, qubits: qubits)] = probability
        }
        self.init(
            name: name, title: title, probabilities: byBitstring, counts: counts, maxBars: maxBars,
            description: description, size: size)
    }

    /// Basis state `index` as a bitstring with qubit `qubits − 1` leftmost and qubit 0 rightmost (qubit
    /// 0 is the least significant bit, as in Qiskit): `bitstring(1, qubits: 3)` is `001`.
    public static func bitstring(_ index: Int, qubits: Int) -> String {
        String((0..<qubits).reversed().map { index >> $0 & 1 == 1 ? "1" : "0" })
    }

    /// The figure as a standalone SVG 1.1 document, the same bytes for the same histogram.
    ///
    /// - Throws: `PlotError` for a probability that is not finite or not in 0…1, or a negative count.
    public func svg() throws(PlotError) -> String {
        precondition(maxBars >= 2, "a histogram needs room for at least one outcome and the other bar")
        let outcomes = Self.sorted(Set(probabilities.keys).union(counts.keys))
        try validate(outcomes)
        let shots = counts.values.reduce(0, +)
        let frequency = { (outcome: String) in shots == 0 ? 0 : Double(self.counts[outcome] ?? 0) / Double(shots) }
        let probability = { (outcome: String) in self.probabilities[outcome] ?? 0 }

        var shown = outcomes
        var otherCount = 0
        if outcomes.count > maxBars {
            let ranked = outcomes.sorted { a, b in
                let (ra, rb) = (max(probability(a), frequency(a)), max(probability(b), frequency(b)))
                return ra != rb ? ra > rb : Self.precedes(a, b)
            }
            shown = Self.sorted(Set(ranked.prefix(maxBars - 1)))
            otherCount = outcomes.count - shown.count
        }
        let rest = Set(outcomes).subtracting(shown).sorted(by: Self.precedes)
        func column(_ value: (String) -> Double) -> [Double] {
            shown.map(value) + (otherCount > 0 ? [rest.map(value).reduce(0, +)] : [])
        }
        var series: [BarChart.Series] = []
        if !probabilities.isEmpty { series.append(.init("exact probability", values: column(probability))) }
        if shots > 0 { series.append(.init("sampled frequency (\(shots) shots)", values: column(frequency))) }
        let labels = shown + (otherCount > 0 ? ["other (\(otherCount))"] : [])
        var chart = BarChart(
            name: name, title: title, categories: series.isEmpty ? [] : labels, series: series,
            xAxis: PlotAxis("outcome"), yAxis: PlotAxis(series.count == 1 && shots > 0 ? "frequency" : "probability"),
            description: description ?? summary(outcomes: outcomes.count, shown: labels.count, shots: shots),
            size: size)
        chart.layout.monospaceLabels = true
        return try chart.svg()
    }

    /// Basis-state order: shorter strings first, then lexicographic (numeric for bitstrings).
    static func precedes(_ a: String, _ b: String) -> Bool {
        a.count != b.count ? a.count < b.count : Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8))
    }

    private static func sorted(_ outcomes: Set<String>) -> [String] {
        outcomes.sorted(by: precedes)
    }

    private func summary(outcomes: Int, shown: Int, shots: Int) -> String {
        var parts: [String] = []
        if !probabilities.isEmpty { parts.append("exact probabilities") }
        if shots > 0 { parts.append("frequencies from \(shots) shots") }
        let what = parts.isEmpty ? "no data" : parts.joined(separator: " and ")
        let capped = shown < outcomes ? ", the \(shown - 1) most likely shown and the rest summed as other" : ""
        return "Histogram of measurement outcomes (\(outcomes) bitstrings\(capped)): \(what)."
    }

    private func validate(_ outcomes: [String]) throws(PlotError) {
        for outcome in outcomes {
            if let p = probabilities[outcome] {
                if !p.isFinite {
                    throw .nonFinite(
                        figure: name, item: "probabilities[\"\(outcome)\"]",
                        value: NumberFormat.nonFiniteToken(p) ?? "")
                }
                if !(0...1).contains(p) {
                    throw .probabilityOutOfRange(figure: name, item: "probabilities[\"\(outcome)\"]")
                }
            }
            if let count = counts[outcome], count < 0 {
                throw .negativeCount(figure: name, item: "counts[\"\(outcome)\"]")
            }
        }
    }
}
