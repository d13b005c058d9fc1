import Testing

@testable import QuireReport

/// The SVG writer's number format, escaping and layout, and the fixed/scientific helpers behind
/// tick labels.
struct SVGWriterTests {
    /// Two decimals at most, rounded half-to-even on the exact binary value; no `-0`, no exponent.
    @Test(
        arguments: zip(
            [0.0, -0.0, 12.5, 3, 0.125, 0.375, 0.005, -2.675, -0.004, -0.006, 1e6, 123.456, 1e-9, -1e-9, 99.995],
            [
                "0", "0", "12.5", "3", "0.12", "0.38", "0.01", "-2.67", "0", "-0.01", "1000000", "123.46", "0", "0",
                "100",
            ]))
    func coordinates(value: Double, expected: String) {
        // 0.005 is stored above its tie, -2.675 below (…67499…); 0.125 and 0.375 are exact ties.
        #expect(SVGWriter.number(value) == expected)
    }

    @Test func fixedAndScientific() {
        #expect(NumberFormat.fixed(-0.0, decimals: 2) == "0.00")
        #expect(NumberFormat.fixed(-0.001, decimals: 2) == "0.00")
        #expect(NumberFormat.fixed(0.25, decimals: 1) == "0.2")
        #expect(NumberFormat.fixed(-1.5, decimals: 0) == "-2")
        #expect(NumberFormat.fixed(7, decimals: 3) == "7.000")
        #expect(NumberFormat.scientific(2.5e-7, place: -8) == "2.5e-7")
        #expect(NumberFormat.scientific(1e6, place: 5) == "1e6")
        #expect(NumberFormat.scientific(-1.25e12, place: 10) == "-1.25e12")
        #expect(NumberFormat.scientific(-0.0, place: -3) == "0")
        #expect(NumberFormat(precision: 4).interval(0, 0.25) == "0 ± 0.2500")
    }

    @Test func escaping() {
        #expect(SVGWriter.escape("a<b & \"c\" > d", inAttribute: false) == "a&lt;b &amp; \"c\" &gt; d")
        #expect(SVGWriter.escape("a\"b\nc\td\re", inAttribute: true) == "a&quot;b&#10;c&#9;d&#13;e")
        #expect(SVGWriter.escape("x\u{0}y\u{1B}z\u{FFFE}", inAttribute: false) == "x\u{FFFD}y\u{FFFD}z\u{FFFD}")
        #expect(SVGWriter.escape("ψ ⟩ 😀", inAttribute: true) == "ψ ⟩ 😀")
    }

    @Test func elementsNestAndKeepAttributeOrder() {
        var svg = SVGWriter()
        svg.open("g", [("z", "1"), ("a", "2")])
        svg.element("rect", [("y", "0"), ("x", "0")])
        svg.element("text", [("x", "1")], text: "<hi>")
        svg.multilineText(["one", "two"], x: 5, lineHeight: 16.25, [("x", "5"), ("y", "9")])
        svg.close()
        #expect(
            svg.finish() == """
                <?xml version="1.0" encoding="UTF-8"?>
                <g z="1" a="2">
                  <rect y="0" x="0"/>
                  <text x="1">&lt;hi&gt;</text>
                  <text x="5" y="9"><tspan x="5">one</tspan><tspan x="5" dy="16.25">two</tspan></text>
                </g>

                """)
    }

    @Test func accessibleTitleFallsBackToTheDescription() {
        func title(_ title: String, _ description: String) -> String {
            FigureDocument(name: "n", title: title, description: description, width: 200, height: 200).accessibleTitle
        }
        #expect(title("Loss", "Line plot of loss against epoch: train (3 points).") == "Loss")
        #expect(title("", "Line plot of loss against epoch: train (3 points).") == "Line plot of loss against epoch")
        #expect(title("", "Accuracy of v1.2 and v2. Higher is better.") == "Accuracy of v1.2 and v2")
        #expect(title("", "Summary.") == "Summary")
        #expect(title("", "") == "n")
    }

    @Test func idsDeriveFromTheName() {
        #expect(FigureDocument.idPrefix("moons-vqc_loss") == "moons-vqc_loss")
        #expect(FigureDocument.idPrefix("loss curve (test)") == "loss-curve--test-")
        #expect(FigureDocument.idPrefix("3-qubit") == "fig-3-qubit")
        #expect(FigureDocument.idPrefix("") == "fig-")
        #expect(FigureDocument.idPrefix("ψ-state") == "fig---state")
    }
}
