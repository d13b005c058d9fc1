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

    /// Found with a hand-written input through Fuzz/experiment: libyaml also ends lines at NEL, LS
    /// and PS, which the document does not, so an error after one was put on a later line, past the
    /// end of a block's body.
    @Test func unicodeLineBreaksOfYAMLAreNotDocumentLines() {
        // For libyaml the comment ends at LS, so `b` starts a scalar and the colon after `readout`
        // (its line 3) is the error: line 2 of the text.
        let separator = location("# a\u{2028}b\nreadout: {prob_meas1_prep0: 2}\n")
        #expect(separator?.line == 2 && separator?.column == 8)
        let nextLine = location("# \u{85}\nreadout: {prob_meas1_prep0: 2}\n")
        #expect(nextLine?.line == 2 && nextLine?.column == 29)
    }

    /// An error at the end of a text that ends with line breaks is at the end of its last line of
    /// text, not on the empty line after it (which, in a block, is the closing fence).
    @Test func anErrorAtTheEndOfATerminatedTextIsOnItsLastLine() {
        let found = location("readout: [1\n\n")
        #expect(found?.line == 1 && found?.column == 12)
        let crlf = location("\r\nreadout: [1\r\n")
        #expect(crlf?.line == 2 && crlf?.column == 12)
    }
}
