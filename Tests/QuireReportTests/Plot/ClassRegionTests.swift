import Testing

@testable import QuireReport

/// A heat map with `.classes` shading: a multi-class model's decision regions.
struct ClassRegionTests {
    /// Three classes in a 2 × 3 grid.
    static func plot(_ values: [[Double]]) -> ScatterPlot {
        ScatterPlot(
            name: "regions", classes: ["a", "b", "c"], points: [.init(x: 0.5, y: 0.5, classIndex: 2)],
            heatMap: .init(xRange: (0, 3), yRange: (0, 2), values: values, title: "predicted class", shading: .classes),
            xAxis: PlotAxis("x"), yAxis: PlotAxis("y"))
    }

    /// Each cell takes its class's marker colour (Okabe–Ito blue, orange, green), at an opacity the
    /// markers stay visible through, and there is no colour bar: the legend names the classes.
    @Test func cellsTakeTheirClassColourWithoutAColourBar() throws {
        let root = try FigureStructureTests.parsed(try Self.plot([[0, 1, 2], [2, 2, 1]]).svg(), name: "regions")
        #expect(root.all("rect", class: "cell").map { $0.attributes["fill"] } == ["#0072B2", "#E69F00", "#009E73", "#009E73", "#009E73", "#E69F00"])
        #expect(root.all("linearGradient").isEmpty)
        #expect(root.all("g", class: "heat-map").first?.attributes["fill-opacity"] == "0.3")
    }

    /// A value that is not one of the classes' indices is refused, never drawn in some colour.
    @Test(arguments: [3.0, -1, 0.5])
    func aValueOutsideTheClassesIsRefused(value: Double) {
        #expect(throws: PlotError.self) { try Self.plot([[0, 1, value], [0, 0, 0]]).svg() }
    }
}
