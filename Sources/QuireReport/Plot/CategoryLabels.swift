/// Labels under the slots of a categorical x axis (bars, histogram outcomes), kept readable when they
/// are long: set horizontally when every label fits its slot, else wrapped at spaces onto at most
/// four lines when every word fits, else rotated by 40° (reading upwards to the right, ending under
/// the slot). Rotated labels longer than 32 characters are shortened with `…`.
struct CategoryLabels {
    /// How the labels are set.
    enum Layout: Equatable {
        case horizontal
        case wrapped([[String]])
        case rotated
    }

    /// The label texts, one per slot (shortened if rotated).
    let labels: [String]
    let layout: Layout
    /// The font size: the tick font's, or 11 px when slots are narrower than 20 px.
    let fontSize: Double
    /// Whether the labels are set in a monospace font (bitstrings, so their digits line up).
    let monospace: Bool

    private static let angle = 40.0
    private static let sine = 0.642_787_609_686_539  // sin 40°
    private static let cosine = 0.766_044_443_118_978  // cos 40°
    private static let longest = 32

    /// Chooses the layout for `labels` under slots `slotWidth` px wide.
    init(_ labels: [String], slotWidth: Double, monospace: Bool) {
        let fontSize = slotWidth < 20 ? 11 : Theme.fontSize
        self.fontSize = fontSize
        self.monospace = monospace
        let room = slotWidth - 4
        if labels.allSatisfy({ TextMetrics.width($0, fontSize: fontSize) <= room }) {
            self.labels = labels
            layout = .horizontal
            return
        }
        let wrapped = labels.map { Self.wrap($0, width: room, fontSize: fontSize) }
        if wrapped.allSatisfy({ $0 != nil }) {
            self.labels = labels
            layout = .wrapped(wrapped.map { $0! })
            return
        }
        self.labels = labels.map { $0.count > Self.longest ? String($0.prefix(Self.longest - 1)) + "…" : $0 }
        layout = .rotated
    }

    /// Greedy word wrap into at most four lines no wider than `width`, or nil if a word is too wide
    /// or more lines would be needed.
    private static func wrap(_ label: String, width: Double, fontSize: Double) -> [String]? {
        var lines: [String] = []
        for word in label.split(separator: " ").map(String.init) {
            guard TextMetrics.width(word, fontSize: fontSize) <= width else { return nil }
            if let last = lines.last, TextMetrics.width(last + " " + word, fontSize: fontSize) <= width {
                lines[lines.count - 1] = last + " " + word
            } else {
                lines.append(word)
            }
        }
        return lines.count <= 4 ? lines : nil
    }

    /// The vertical space the labels take below the tick marks.
    var height: Double {
        switch layout {
        case .horizontal:
            return fontSize * Theme.lineSpacing
        case let .wrapped(lines):
            return Double(lines.map(\.count).max() ?? 1) * fontSize * Theme.lineSpacing
        case .rotated:
            let widest = labels.map { TextMetrics.width($0, fontSize: fontSize) }.max() ?? 0
            return widest * Self.sine + fontSize * Self.cosine + 2
        }
    }

    /// How far left of the plot area's edge the labels reach (0 unless rotated), for slots of
    /// `slotWidth` starting at the plot's left edge.
    func leftOverhang(slotWidth: Double) -> Double {
        guard layout == .rotated else { return 0 }
        return labels.indices.map { index in
            TextMetrics.width(labels[index], fontSize: fontSize) * Self.cosine - (Double(index) + 0.5) * slotWidth
        }.max() ?? 0
    }

    /// Writes label i under `centers[i]`, with its top at `top`.
    func write(into svg: inout SVGWriter, centers: [Double], top: Double) {
        let n = SVGWriter.number
        var group: [SVGWriter.Attribute] = [("class", "category-labels"), ("font-size", n(fontSize))]
        if monospace { group.append(("font-family", Theme.monospaceFontFamily)) }
        svg.open("g", group)
        let baseline = top + 0.8 * fontSize
        for (index, x) in centers.enumerated() {
            let label = labels[index]
            switch layout {
            case .horizontal:
                svg.element("text", [("x", n(x)), ("y", n(baseline)), ("text-anchor", "middle")], text: label)
            case let .wrapped(lines):
                svg.multilineText(
                    lines[index], x: x, lineHeight: fontSize * Theme.lineSpacing,
                    [("x", n(x)), ("y", n(baseline)), ("text-anchor", "middle")])
            case .rotated:
                // Anchored at its end just below the slot's centre, rotated about that point.
                let y = top + 0.35 * fontSize
                svg.element(
                    "text",
                    [
                        ("x", n(x)), ("y", n(y + 0.35 * fontSize)), ("text-anchor", "end"),
                        ("transform", "rotate(-\(n(Self.angle)) \(n(x)) \(n(y)))"),
                    ], text: label)
            }
        }
        svg.close()
    }
}
