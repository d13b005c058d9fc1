import Quire
import QuireCore
import Testing

/// YAML errors point inside the text: at the end of a last line without a line break (found by
/// Fuzz/noise: libyaml reports it on the line after), and on the right line of a CRLF text.
struct YAMLLocationTests {
    func location(_ yaml: String) -> (line: Int, column: Int)? {
        do {
            _ = try NoiseProfileDecoder.decode(yaml: yaml, file: "noise.yaml")
            return nil
        } catch let error as LocatedError {
            return error.diagnostic.location.map { ($0.line, $0.column) }
        } catch {
            return nil
        }
    }

    @Test func anErrorAtTheEndOfAnUnterminatedTextIsOnItsLastLine() {
        let found = location("[j")
        #expect(found?.line == 1 && found?.column == 3)
    }

    @Test func crlfLinesAreCountedAndColumnsAreBytes() {
        let found = location("\r\nreadout: {prob_meas1_prep0: 2, prob_meas0_prep1: 0}\r\n")
        #expect(found?.line == 2 && found?.column == 29)
        let unicode = location("# é\r\n# ü\r\nreadout: {prob_meas1_prep0: 0.5, prob_meas0_prep1: é}\r\n")
        #expect(unicode?.line == 3 && unicode?.column == 52)
    }
}
