import Testing

@testable import QuireReport

/// Bad data is a thrown `PlotError` naming the figure and the value; degenerate data (nothing,
/// one point, a constant) still gives a readable figure.
struct FigureValidationTests {
    @Test func nonFiniteValuesAreRejected() {
        let nan = LinePlot(
            name: "loss", xAxis: PlotAxis("epoch"), yAxis: PlotAxis("loss"),
            series: [.init("train", x: [0, 1, 2], y: [0.5, .nan, 0.2])])
        #expect(throws: PlotError.nonFinite(figure: "loss", item: "series \"train\" y[1]", value: "NaN")) {
            try nan.svg()
        }
        let infinite = BarChart(
            name: "acc", categories: ["a", "b"],
            series: [.init("m", values: [0.5, 0.6], errors: .init(lower: [0.4, -.infinity], upper: [0.6, 0.7]))],
            yAxis: PlotAxis("accuracy"))
        #expect(throws: PlotError.nonFinite(figure: "acc", item: "series \"m\" errors lower[1]", value: "-inf")) {
            try infinite.svg()
        }
        let scatter = ScatterPlot(
            name: "s", classes: ["a"], points: [.init(x: 0, y: .infinity, classIndex: 0)],
            xAxis: PlotAxis("x"), yAxis: PlotAxis("y"))
        #expect(throws: PlotError.nonFinite(figure: "s", item: "points y[0]", value: "inf")) { try scatter.svg() }
        let grid = ScatterPlot(
            name: "g", classes: [], points: [],
            heatMap: .init(xRange: (0, 1), yRange: (0, 1), values: [[0, 1], [.nan, 2]], title: "f"),
            xAxis: PlotAxis("x"), yAxis: PlotAxis("y"))
        #expect(throws: PlotError.nonFinite(figure: "g", item: "heat map values[1][0]", value: "NaN")) {
            try grid.svg()
        }
        let histogram = Histogram(name: "h", probabilities: ["0": .nan])
        #expect(throws: PlotError.nonFinite(figure: "h", item: "probabilities[\"0\"]", value: "NaN")) {
            try histogram.svg()
        }
    }

    @Test func shapesAndRangesAreChecked() {
        let mismatch = LinePlot(
            name: "p", xAxis: PlotAxis("x"), yAxis: PlotAxis("y"),
            series: [.init("a", x: [0, 1], y: [1, 2], band: .init(lower: [0], upper: [3]))])
        #expect(throws: PlotError.lengthMismatch(figure: "p", field: "series \"a\" band lower", expected: 2, actual: 1)) {
            try mismatch.svg()
        }
        let inverted = LinePlot(
            name: "p", xAxis: PlotAxis("x"), yAxis: PlotAxis("y"),
            series: [.init("a", x: [0, 1], y: [1, 2], band: .init(lower: [0, 3], upper: [2, 2.5]))])
        #expect(throws: PlotError.invertedInterval(figure: "p", item: "series \"a\" band[1]")) { try inverted.svg() }
        let log = LinePlot(
            name: "p", xAxis: PlotAxis("x"), yAxis: PlotAxis("y"),
            series: [.init("a", x: [0, 1], y: [1, 0])], yScale: .logarithmic)
        #expect(throws: PlotError.nonPositiveOnLogScale(figure: "p", item: "series \"a\" y[1]")) { try log.svg() }
        let logX = LinePlot(
            name: "p", xAxis: PlotAxis("x"), yAxis: PlotAxis("y"), series: [.init("a", x: [0, 1], y: [1, 2])],
            xScale: .logarithmic)
        #expect(throws: PlotError.nonPositiveOnLogScale(figure: "p", item: "series \"a\" x[0]")) { try logX.svg() }
        let bars = BarChart(
            name: "b", categories: ["a", "b", "c"], series: [.init("m", values: [1, 2])],
            yAxis: PlotAxis("v"))
        #expect(throws: PlotError.lengthMismatch(figure: "b", field: "series \"m\" values", expected: 3, actual: 2)) {
            try bars.svg()
        }
        #expect(throws: PlotError.probabilityOutOfRange(figure: "h", item: "probabilities[\"1\"]")) {
            try Histogram(name: "h", probabilities: ["0": 0.5, "1": 1.5]).svg()
        }
        #expect(throws: PlotError.negativeCount(figure: "h", item: "counts[\"1\"]")) {
            try Histogram(name: "h", counts: ["0": 5, "1": -1]).svg()
        }
        let unknown = ScatterPlot(
            name: "s", classes: ["a", "b"], points: [.init(x: 0, y: 0, classIndex: 2)],
            xAxis: PlotAxis("x"), yAxis: PlotAxis("y"))
        #expect(throws: PlotError.unknownClass(figure: "s", item: "points[0]", classIndex: 2, classCount: 2)) {
            try unknown.svg()
        }
        let ragged = ScatterPlot(
            name: "s", classes: [], points: [],
            heatMap: .init(xRange: (0, 1), yRange: (0, 1), values: [[0, 1], [2]], title: "f"),
            xAxis: PlotAxis("x"), yAxis: PlotAxis("y"))
        #expect(throws: PlotError.lengthMismatch(figure: "s", field: "heat map values[1]", expected: 2, actual: 1)) {
            try ragged.svg()
        }
        let flat = ScatterPlot(
            name: "s", classes: [], points: [],
            heatMap: .init(xRange: (1, 1), yRange: (0, 1), values: [[0]], title: "f"),
            xAxis: PlotAxis("x"), yAxis: PlotAxis("y"))
        #expect(throws: PlotError.emptyRange(figure: "s", item: "heat map xRange")) { try flat.svg() }
        #expect(throws: PlotError.lengthMismatch(figure: "c", field: "counts[1]", expected: 2, actual: 3)) {
            try ConfusionMatrix(name: "c", classes: ["a", "b"], counts: [[1, 2], [3, 4, 5]]).svg()
        }
        #expect(throws: PlotError.negativeCount(figure: "c", item: "counts[0][1]")) {
            try ConfusionMatrix(name: "c", classes: ["a", "b"], counts: [[1, -2], [3, 4]]).svg()
        }
    }

    /// An accuracy axis (`bounds: 0...1`) spans exactly 0…1 whatever the data, so an interval past 1
    /// can no longer stretch it to 1.5; a value outside the bounds is an error, not a clipped bar.
    @Test func boundedAxesSpanTheirBoundsAndRejectValuesOutside() throws {
        let axis = PlotAxis("accuracy", bounds: 0...1)
        let bars = BarChart(
            name: "acc", categories: ["a"], series: [.init("m", values: [0.25], errors: .init(lower: [0.1], upper: [0.4]))], yAxis: axis)
        let svg = try bars.svg()
        #expect(["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"].allSatisfy { svg.contains(">\($0)</text>") }, "ticks of 0…1, not of 0…0.4")
        let past = BarChart(
            name: "acc", categories: ["a"], series: [.init("m", values: [0.9], errors: .init(lower: [0.7], upper: [1.1]))], yAxis: axis)
        #expect(throws: PlotError.outOfBounds(figure: "acc", item: "series \"m\" errors upper[0]", bounds: "0.0...1.0")) { try past.svg() }
        let line = LinePlot(name: "sweep", xAxis: PlotAxis("x"), yAxis: axis, series: [.init("m", x: [0, 1], y: [0.9, 0.95])])
        let lineSVG = try line.svg()
        #expect(lineSVG.contains(">0.0</text>") && lineSVG.contains(">1.0</text>"), "the axis starts at 0 though the data start at 0.9")
        let above = LinePlot(name: "sweep", xAxis: PlotAxis("x"), yAxis: axis, series: [.init("m", x: [0, 1], y: [0.9, 1.5])])
        #expect(throws: PlotError.outOfBounds(figure: "sweep", item: "series \"m\" y[1]", bounds: "0.0...1.0")) { try above.svg() }
    }

    @Test func errorsReadAsDiagnostics() {
        let error = PlotError.nonFinite(figure: "loss", item: "series \"train\" y[3]", value: "NaN")
        #expect(error.description.hasPrefix("error: figure 'loss': series \"train\" y[3] is NaN\n  hint: "))
        #expect(error.diagnostic.location == nil)
    }

    /// Empty inputs give the axes (or grid) and a "no data" note, as valid SVG.
    @Test func emptyFiguresSayNoData() throws {
        let figures: [(String, () throws -> String)] = [
            ("a", { try LinePlot(name: "a", xAxis: PlotAxis("x"), yAxis: PlotAxis("y"), series: []).svg() }),
            (
                "b",
                {
                    try LinePlot(
                        name: "b", xAxis: PlotAxis("x"), yAxis: PlotAxis("y"),
                        series: [.init("s", x: [], y: [])], yScale: .logarithmic
                    ).svg()
                }
            ),
            ("c", { try BarChart(name: "c", categories: [], series: [], yAxis: PlotAxis("y")).svg() }),
            ("d", { try Histogram(name: "d").svg() }),
            (
                "e",
                {
                    try ScatterPlot(name: "e", classes: ["k"], points: [], xAxis: PlotAxis("x"), yAxis: PlotAxis("y"))
                        .svg()
                }
            ),
            ("f", { try ConfusionMatrix(name: "f", classes: [], counts: []).svg() }),
        ]
        for (name, render) in figures {
            let root = try FigureStructureTests.parsed(try render(), name: name)
            #expect(root.all("text", class: "note").map(\.text) == ["no data"], "figure \(name)")
        }
    }

    @Test func singlePointIsAMarkerOnPaddedAxes() throws {
        let plot = LinePlot(
            name: "one", xAxis: PlotAxis("x"), yAxis: PlotAxis("y"),
            series: [.init("s", x: [3], y: [0.5])])
        let root = try FigureStructureTests.parsed(try plot.svg(), name: "one")
        #expect(root.all("path", class: "series").isEmpty)
        #expect(root.all(class: "point").count == 1)
        let labels = root.all("g", class: "tick-labels").first?.children.map(\.text) ?? []
        // y: 0.5 padded to 0.4…0.6; x: 3 padded to 2…4.
        #expect(labels == ["0.40", "0.45", "0.50", "0.55", "0.60", "2.0", "2.5", "3.0", "3.5", "4.0"])
        // The point sits in the middle of the plot area.
        let axes = try #require(root.all("g", class: "axes").first)
        let (left, right) = (axes.children[1].number("x1")!, axes.children[1].number("x2")!)
        let point = try #require(root.all(class: "point").first)
        #expect(abs(point.number("cx")! - (left + right) / 2) <= 0.01)
    }

    @Test func constantSeriesAndConstantGridStillDraw() throws {
        let flat = LinePlot(
            name: "flat", xAxis: PlotAxis("x"), yAxis: PlotAxis("y"),
            series: [.init("s", x: [0, 1, 2], y: [0, 0, 0])])
        let root = try FigureStructureTests.parsed(try flat.svg(), name: "flat")
        #expect(
            root.all("g", class: "tick-labels").first?.children.prefix(5).map(\.text) == [
                "-1.0", "-0.5", "0.0", "0.5", "1.0",
            ])
        let constant = ScatterPlot(
            name: "k", classes: ["a"], points: [.init(x: 0.5, y: 0.5, classIndex: 0)],
            heatMap: .init(xRange: (0, 1), yRange: (0, 1), values: [[0, 0], [0, 0]], title: "f"),
            xAxis: PlotAxis("x"), yAxis: PlotAxis("y"))
        let grid = try FigureStructureTests.parsed(try constant.svg(), name: "k")
        #expect(grid.all("rect", class: "cell").allSatisfy { $0.attributes["fill"] == "#F7F7F7" })
    }

    /// The same figure twice gives the same bytes; a histogram is the same whatever order its
    /// dictionaries were built in.
    @Test(arguments: FigureFixtures.names)
    func renderingIsDeterministic(name: String) throws {
        #expect(try FigureFixtures.render(name) == FigureFixtures.render(name))
    }

    @Test func histogramIgnoresDictionaryOrder() throws {
        var forward: [String: Double] = [:]
        var backward: [String: Double] = [:]
        let keys = (0..<32).map { String($0, radix: 2) }
        for key in keys { forward[key] = Double(key.count) / 100 }
        for key in keys.reversed() { backward[key] = Double(key.count) / 100 }
        #expect(
            try Histogram(name: "h", probabilities: forward, maxBars: 8).svg()
                == Histogram(name: "h", probabilities: backward, maxBars: 8).svg())
    }
}

/// Figures used through the `Figure` protocol render exactly as they do directly.
struct FigureProtocolTests {
    @Test func everyKindIsAFigure() throws {
        #expect(try FigureFixtures.lossCurves.svg() == FigureFixtures.render("line-loss"))
        #expect(try FigureFixtures.accuracyBars.svg() == FigureFixtures.render("bar-accuracy"))
        #expect(try FigureFixtures.bellHistogram.svg() == FigureFixtures.render("histogram-bell"))
        #expect(try FigureFixtures.moons.svg() == FigureFixtures.render("scatter-moons"))
        #expect(try FigureFixtures.irisConfusion.svg() == FigureFixtures.render("confusion-iris"))
        #expect(Set(FigureFixtures.names).count == FigureFixtures.names.count)
    }
}
