import Testing

@testable import QuireReport

/// Palette values against their published definitions, colour interpolation, and the choice between
/// horizontal, wrapped and rotated category labels.
struct LayoutPartsTests {
    /// Okabe & Ito (2008), "Color Universal Design", Figure 16: the eight colours as sRGB triples.
    @Test func okabeItoPaletteAsPublished() {
        let published: [(Int, Int, Int)] = [
            (0, 114, 178), (230, 159, 0), (0, 158, 115), (213, 94, 0),
            (204, 121, 167), (86, 180, 233), (240, 228, 66), (0, 0, 0),
        ]
        #expect(Palette.series.map { [$0.red, $0.green, $0.blue] } == published.map { [$0.0, $0.1, $0.2] })
        #expect(Palette.color(8) == Palette.color(0))
    }

    @Test func interpolation() {
        #expect(Palette.interpolate(Palette.diverging, at: 0).hex == "#2166AC")
        #expect(Palette.interpolate(Palette.diverging, at: 0.5).hex == "#F7F7F7")
        #expect(Palette.interpolate(Palette.diverging, at: 1).hex == "#B2182B")
        #expect(Palette.interpolate(Palette.diverging, at: 7).hex == "#B2182B")  // clamped
        // Halfway between #F7F7F7 and #D1E5F0: (247+209)/2, (247+229)/2, (247+240)/2 = 228, 238, 243.5 → 244.
        #expect(Palette.interpolate(Palette.sequential, at: 0.125) == RGB(red: 228, green: 238, blue: 244))
        #expect(RGB(0x2166AC).prefersDarkText == false)
        #expect(RGB(0xF7F7F7).prefersDarkText == true)
    }

    @Test func categoryLabelsChooseTheirLayout() {
        let short = CategoryLabels(["00", "01"], slotWidth: 100, monospace: true)
        #expect(short.layout == .horizontal)
        let words = CategoryLabels(["two moons", "iris (setosa vs versicolor)"], slotWidth: 100, monospace: false)
        #expect(words.layout == .wrapped([["two moons"], ["iris (setosa", "vs", "versicolor)"]]))
        let long = CategoryLabels(["0110101101", "1110001010"], slotWidth: 40, monospace: true)
        #expect(long.layout == .rotated)
        #expect(long.leftOverhang(slotWidth: 40) > 0)
        let cut = CategoryLabels([String(repeating: "x", count: 40)], slotWidth: 20, monospace: false)
        #expect(cut.labels == [String(repeating: "x", count: 31) + "…"])
        #expect(CategoryLabels(["a"], slotWidth: 15, monospace: false).fontSize == 11)
    }

    @Test func legendWrapsIntoRows() {
        let legend = Legend(
            entries: (0..<6).map { .init(label: "series number \($0)", swatch: .box(Palette.color($0))) })
        // One entry is 24 + 6 + 15 × 7.8 = 147 px wide, 12 px between entries: three fit in 480 px.
        #expect(legend.rowsHeight(width: 480) == 2 * legend.rowsHeight(width: 1000))
        #expect(legend.columnSize.height == 6 * legend.rowsHeight(width: 1000))
    }
}
