import QuireTestSupport
import Testing

@testable import QuireReport

/// Every figure kind against its committed golden SVG (Golden/*.svg), byte for byte. The goldens were
/// converted to PNG with rsvg-convert and inspected by eye when recorded.
struct GoldenFigureTests {
    static func goldenPath(_ name: String) -> String {
        let directory = String(
            #filePath.split(separator: "/", omittingEmptySubsequences: false)
                .dropLast(2).joined(separator: "/"))
        return directory + "/Golden/\(name).svg"
    }

    @Test(arguments: FigureFixtures.names)
    func matchesGolden(name: String) throws {
        let svg = try FigureFixtures.render(name)
        let outcome = GoldenFile.check(svg, path: Self.goldenPath(name))
        #expect(outcome == .matches, "\(outcome)")
    }
}
