import Testing

@testable import QuireReport

/// Every figure kind parsed as XML and checked for structure: an SVG 1.1 root with namespace, size and
/// viewBox, accessible title and description, and exactly as many data elements as the data asks for.
struct FigureStructureTests {
    /// Parses `svg` and checks what every figure must have; returns the root for further checks.
    static func parsed(_ svg: String, name: String) throws -> SVGNode {
        let (root, error) = SVGNode.parse(svg)
        #expect(error == nil, "not well-formed XML: \(error ?? "")")
        let svgRoot = try #require(root)
        #expect(svgRoot.name == "svg")
        #expect(svgRoot.attributes["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(svgRoot.attributes["version"] == "1.1")
        let width = try #require(svgRoot.number("width"))
        let height = try #require(svgRoot.number("height"))
        #expect(svgRoot.attributes["viewBox"] == "0 0 \(svgRoot.attributes["width"]!) \(svgRoot.attributes["height"]!)")
        #expect(width >= 200 && height >= 200)
        // title and desc first (the accessible name and description), with ids derived from the name.
        #expect(svgRoot.children.prefix(2).map(\.name) == ["title", "desc"])
        #expect(svgRoot.children.first?.attributes["id"] == "\(name)-title")
        #expect(svgRoot.children.dropFirst().first?.attributes["id"] == "\(name)-desc")
        #expect(svgRoot.attributes["role"] == nil)  // SVG 1.1 has no ARIA attributes
        #expect(svgRoot.children.prefix(2).allSatisfy { !$0.text.isEmpty })
        let ids = svgRoot.descendants.compactMap { $0.attributes["id"] }
        #expect(Set(ids).count == ids.count, "ids are unique")
        #expect(ids.allSatisfy { $0.hasPrefix(name + "-") })
        return svgRoot
    }

    @Test func linePlotHasOnePathPerSeriesAndMarkersPerPoint() throws {
        let plot = FigureFixtures.lossCurves
        let root = try Self.parsed(try plot.svg(), name: "line-loss")
        #expect(root.all("path", class: "series").count == 2)
        #expect(root.all("path", class: "band").count == 1)
        #expect(root.all(class: "point").isEmpty)  // markers are off
        let sweep = try Self.parsed(try FigureFixtures.logSweep.svg(), name: "line-log-sweep")
        #expect(sweep.all(class: "point").count == 16)  // 2 series × 8 points, markers on
        // The y axis spans the decades of the data: 10^-4 … 10^-1.
        #expect(
            sweep.all("g", class: "tick-labels").first?.children.prefix(4).map(\.text) == [
                "10⁻⁴", "10⁻³", "10⁻²", "10⁻¹",
            ])
    }

    /// Per series and category: a dot per repeat, a whisker from the lowest to the highest value,
    /// and the mean tick where the arithmetic mean of the data falls between the whisker's ends.
    @Test func spreadPlotDrawsEveryRepeatWithMeanAndRange() throws {
        let plot = FigureFixtures.deviceSpread
        let root = try Self.parsed(try plot.svg(), name: "spread-devices")
        #expect(root.all(class: "repeat").count == 2 * 4 * 5)
        let whiskers = root.all("path", class: "whisker")
        let means = root.all("line", class: "mean")
        let groups = plot.series.flatMap(\.values)
        try #require(whiskers.count == groups.count && means.count == groups.count)
        for (index, values) in groups.enumerated() {
            // "M x low L x high M …": the whisker's lower and upper ends in pixels.
            let ends = whiskers[index].attributes["d"]!.split(separator: " ").prefix(4).map { Double($0.drop { $0.isLetter })! }
            let (low, high, meanY) = (ends[1], ends[3], try #require(means[index].number("y1")))
            let (lowest, highest) = (values.min()!, values.max()!)
            let mean = values.reduce(0, +) / Double(values.count)
            #expect(abs((low - meanY) / (low - high) - (mean - lowest) / (highest - lowest)) < 0.01, "group \(index)")
        }
        // Equal repeats (the baseline's three 0.933) stand apart sideways, by the same offsets every time.
        let jitters = (0..<5).map(SpreadPlot.jitter)
        #expect(Set(jitters).count == 5 && jitters.allSatisfy { abs($0) <= 0.5 })
        #expect(throws: PlotError.self) {
            try SpreadPlot(name: "s", categories: ["a"], series: [.init("m", values: [[0.5], [0.6]])], yAxis: PlotAxis("v")).svg()
        }
        #expect(throws: PlotError.self) {
            try SpreadPlot(name: "s", categories: ["a"], series: [.init("m", values: [[1.5]])], yAxis: PlotAxis("v", bounds: 0...1)).svg()
        }
    }

    @Test func logLogPlotTicksDecadesOnBothAxes() throws {
        let root = try Self.parsed(try FigureFixtures.shotNoise.svg(), name: "line-shots")
        let labels = root.all("g", class: "tick-labels").first?.children.map(\.text) ?? []
        // y spans 0.0025…0.15 (band included): decades 10^-3…10^0; x spans 10^2…10^5 exactly.
        #expect(labels == ["0.001", "0.01", "0.1", "1", "100", "1000", "10000", "100000"])
        #expect(root.all("g", class: "minor-grid").first?.children.count == 3 * 8 + 3 * 8)
        #expect(root.all("path", class: "band").count == 1)
        #expect(root.all(class: "point").count == 10)
    }

    @Test func negativeBarsHangFromAZeroLine() throws {
        let root = try Self.parsed(try FigureFixtures.improvements.svg(), name: "bar-negative")
        let zero = try #require(root.all("line", class: "zero-line").first)
        let bars = root.all("rect", class: "bar")
        #expect(bars.count == 8)
        // Every bar has one edge on the zero line: positive bars end there, negative ones start there.
        for bar in bars {
            let (top, height) = (bar.number("y")!, bar.number("height")!)
            let y0 = zero.number("y1")!
            #expect(abs(top - y0) <= 0.01 || abs(top + height - y0) <= 0.01)
        }
        #expect(try FigureFixtures.accuracyBars.svg().contains("zero-line") == false)
    }

    @Test func barChartHasCategoriesTimesSeriesBars() throws {
        let chart = FigureFixtures.accuracyBars
        let root = try Self.parsed(try chart.svg(), name: "bar-accuracy")
        #expect(root.all("rect", class: "bar").count == chart.layout.categories.count * chart.series.count)
        #expect(root.all("path", class: "error-bar").count == 12)
        #expect(root.all("rect", class: "bar").allSatisfy { ($0.number("height") ?? -1) >= 0 })
        // Labels too long for their slot are wrapped onto tspans, and no text is lost.
        let labels = try #require(root.all("g", class: "category-labels").first)
        #expect(labels.children.count == 4)
        #expect(labels.children.map(\.content) == chart.layout.categories)
    }

    @Test func histogramBarsAreOutcomesTimesSeriesInBasisOrder() throws {
        let root = try Self.parsed(try FigureFixtures.bellHistogram.svg(), name: "histogram-bell")
        #expect(root.all("rect", class: "bar").count == 4 * 2)
        let labels = root.all("g", class: "category-labels").first?.children.map(\.text)
        #expect(labels == ["00", "01", "10", "11"])

        let capped = try Self.parsed(try FigureFixtures.cappedHistogram.svg(), name: "histogram-capped")
        #expect(capped.all("rect", class: "bar").count == 12)
        let cappedLabels = capped.all("g", class: "category-labels").first?.children.map(\.content) ?? []
        #expect(cappedLabels.first == "000000")
        #expect(cappedLabels.dropLast().last == "111111")
        #expect(cappedLabels.last == "other (53)")
        #expect(cappedLabels.dropLast() == cappedLabels.dropLast().sorted())
    }

    /// A probability vector is keyed with qubit 0 rightmost (DESIGN §4.2, Qiskit's order).
    @Test func probabilityVectorUsesQiskitBitOrder() throws {
        #expect(Histogram.bitstring(1, qubits: 3) == "001")
        #expect(Histogram.bitstring(6, qubits: 3) == "110")
        #expect(Histogram.bitstring(0, qubits: 0) == "")
        // |q1 q0⟩ = |01⟩ (index 1) with probability 0.75.
        let vector = Histogram(name: "v", probabilities: [0.25, 0.75, 0, 0], qubits: 2)
        #expect(vector.probabilities == ["00": 0.25, "01": 0.75, "10": 0, "11": 0])
        #expect(try vector.svg() == Histogram(name: "v", probabilities: vector.probabilities).svg())
    }

    /// The "other" bar carries exactly the probability of the outcomes it replaces.
    @Test func otherBarSumsTheRest() throws {
        let histogram = Histogram(
            name: "h", probabilities: ["00": 0.5, "01": 0.25, "10": 0.125, "11": 0.125],
            maxBars: 3)
        let root = try Self.parsed(try histogram.svg(), name: "h")
        let bars = root.all("rect", class: "bar")
        #expect(root.all("g", class: "category-labels").first?.children.map(\.content) == ["00", "01", "other (2)"])
        let heights = bars.compactMap { $0.number("height") }
        // Bar heights are proportional to the values 0.5, 0.25, 0.25 (to the 0.01 px of the output).
        #expect(heights.count == 3)
        #expect(abs(heights[1] - heights[2]) <= 0.01 && abs(heights[0] - 2 * heights[1]) <= 0.02)
    }

    @Test func cellCentres() {
        #expect(ScatterPlot.HeatMap.centers(of: (0, 1), count: 4) == [0.125, 0.375, 0.625, 0.875])
        #expect(ScatterPlot.HeatMap.centers(of: (-1, 1), count: 1) == [0])
    }

    @Test func scatterPlotHasOneCellPerGridValueAndOneMarkerPerPoint() throws {
        let plot = FigureFixtures.moons
        let root = try Self.parsed(try plot.svg(), name: "scatter-moons")
        #expect(root.all("rect", class: "cell").count == 40 * 30)
        #expect(root.all(class: "point").count == plot.points.count)
        // Test points are open (white fill), training points filled with their class colour.
        let points = root.all(class: "point")
        let open = points.filter { $0.attributes["fill"] == "#FFFFFF" }.count
        #expect(open == plot.points.filter { $0.split == .test }.count)
        // Class 0 circles, class 1 squares.
        #expect(points.filter { $0.name == "circle" }.count == 30)
        #expect(points.filter { $0.name == "rect" }.count == 30)
        #expect(root.all("linearGradient").first?.attributes["id"] == "scatter-moons-color-bar")
    }

    @Test func confusionMatrixHasSquareGridOfCounts() throws {
        let matrix = FigureFixtures.irisConfusion
        let root = try Self.parsed(try matrix.svg(), name: "confusion-iris")
        #expect(root.all("rect", class: "cell").count == 9)
        #expect(root.all("text", class: "count").map(\.text) == matrix.counts.joined().map(String.init))
        // Shading follows the row share: a full row is the darkest ramp colour, an empty cell the lightest.
        let cells = root.all("rect", class: "cell")
        #expect(cells[0].attributes["fill"] == "#2166AC")
        #expect(cells[1].attributes["fill"] == "#F7F7F7")
    }

    /// Legends sit outside the plot area (right of it or below it), so they never cover data.
    @Test(arguments: ["line-loss", "line-log-sweep", "bar-accuracy", "histogram-bell", "scatter-moons"])
    func legendNeverOverlapsThePlotArea(name: String) throws {
        let root = try Self.parsed(try FigureFixtures.render(name), name: name)
        let axes = try #require(root.all("g", class: "axes").first)
        let (vertical, horizontal) = (axes.children[0], axes.children[1])
        let right = try #require(horizontal.number("x2"))
        let bottom = try #require(vertical.number("y2"))
        let legend = try #require(root.all("g", class: "legend").first)
        for node in legend.descendants {
            let xs = ["x", "x1", "x2", "cx"].compactMap { node.number($0) }
            let ys = ["y", "y1", "y2", "cy"].compactMap { node.number($0) }
            let outside = xs.allSatisfy { $0 > right } || ys.allSatisfy { $0 > bottom }
            #expect(outside, "legend element \(node.name) at \(xs), \(ys) inside the plot area")
        }
    }

    @Test func specialCharactersAreEscaped() throws {
        let title = "Loss <train & \"test\"> 'ψ' \u{1}"
        let plot = LinePlot(
            name: "9 odd/name", title: title, xAxis: PlotAxis("a<b"), yAxis: PlotAxis("c&d"),
            series: [.init("x\"y", x: [0, 1], y: [1, 2]), .init("z", x: [0], y: [0])])
        let root = try Self.parsed(try plot.svg(), name: "fig-9-odd-name")
        #expect(root.children[0].text == "Loss <train & \"test\"> 'ψ' \u{FFFD}")
        #expect(root.all("text", class: "axis-title").map(\.text) == ["a<b", "c&d"])
        #expect(root.all("g", class: "legend").first?.all("text").map(\.text) == ["x\"y", "z"])
    }
}
