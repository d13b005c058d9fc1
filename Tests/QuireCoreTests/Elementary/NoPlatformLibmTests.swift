import Foundation
import Testing

/// No source file calls the platform's elementary functions: every result must come from
/// `Elementary`, or a paper would not check under another C library (issue 15).
@Suite struct NoPlatformLibmTests {
    @Test func sourcesCallOnlyElementary() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../Sources").standardizedFileURL
        let names = "sin|cos|tan|exp|expm1|log|log1p|log10|log2|pow|atan|atan2|tanh|sinh|cosh|lgamma|tgamma|erf|erfc|hypot|cbrt|exp2|expMinusOne"
        // A bare call, or one qualified by Foundation, Double or a numerics module; `Elementary.` and
        // member calls (`export.log(`, `self.log(`) do not match; Sources/QuireCore/Elementary is the
        // implementation, where the names are its own.
        let call = try Regex("(^|[^\\w.])((Foundation|Double|Darwin|Glibc)\\.)?(\(names))\\(")
        var offenders: [String] = []
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
        for case let file as URL in files where file.pathExtension == "swift" && !file.path.contains("/Elementary/") {
            let text = try String(contentsOf: file, encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let code = line.split(separator: "//", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
                if code.contains(call) && !code.contains("func ") {
                    offenders.append("\(file.lastPathComponent):\(number + 1): \(line)")
                }
            }
        }
        #expect(offenders.isEmpty, "platform libm calls:\n\(offenders.joined(separator: "\n"))")
    }
}
