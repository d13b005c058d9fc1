import Foundation
import QuireCore
import Testing

/// Every Elementary function against mpmath's correctly rounded values (Reference/elementary/*.bin,
/// written by make_elementary_reference.py at 256 bits): 16 384 arguments per function over its whole
/// domain (uniform in value and in exponent, next to multiples of π/2, near overflow and underflow,
/// near the zeros of lgamma, subnormals). The answer must be faithfully rounded — the reference value
/// or its neighbour on the side the exact value lies on — which is an error below 1 ulp.
@Suite struct ElementaryAccuracyTests {
    static let functions: [String: @Sendable (Double, Double) -> Double] = [
        "sin": { x, _ in Elementary.sin(x) }, "cos": { x, _ in Elementary.cos(x) },
        "tan": { x, _ in Elementary.tan(x) }, "exp": { x, _ in Elementary.exp(x) },
        "expm1": { x, _ in Elementary.expm1(x) }, "log": { x, _ in Elementary.log(x) },
        "log10": { x, _ in Elementary.log10(x) }, "log1p": { x, _ in Elementary.log1p(x) },
        "tanh": { x, _ in Elementary.tanh(x) }, "lgamma": { x, _ in Elementary.logGamma(x) },
        "atan2": { y, x in Elementary.atan2(y, x) }, "pow": { x, y in Elementary.pow(x, y) },
    ]
    /// The seeds make_elementary_reference.py gives each function (its names sorted).
    static let names = functions.keys.sorted()

    @Test(arguments: names)
    func faithfullyRoundedAgainstMPMath(_ name: String) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../Reference/elementary/\(name).bin")
        let data = try Data(contentsOf: url)
        let count = data.count / 9
        #expect(count == 1 << 14)
        var stream = ElementaryArguments(seed: 0x5157_0000 + UInt64(Self.names.firstIndex(of: name)!))
        let function = Self.functions[name]!
        var failures: [String] = []
        var failureCount = 0
        var notCorrectlyRounded = 0
        data.withUnsafeBytes { bytes in
            for i in 0..<count {
                let (a, b) = stream.arguments(name, i)
                let expected = Double(bitPattern: bytes.loadUnaligned(fromByteOffset: 9 * i, as: UInt64.self).littleEndian)
                let side = bytes.load(fromByteOffset: 9 * i + 8, as: Int8.self)
                let got = function(a, b)
                if got.bitPattern == expected.bitPattern || (got.isNaN && expected.isNaN) { continue }
                let neighbour = side > 0 ? expected.nextUp : side < 0 ? expected.nextDown : expected
                if got == neighbour && side != 0 {
                    notCorrectlyRounded += 1
                } else {
                    failureCount += 1
                    if failures.count >= 10 { continue }
                    failures.append("\(name)(\(a), \(b)) = \(got), exact value \(side > 0 ? "above" : side < 0 ? "below" : "at") \(expected)")
                }
            }
        }
        #expect(failureCount == 0, "\(failureCount) beyond 1 ulp, first:\n\(failures.joined(separator: "\n"))")
        // Not correctly rounded (still within 1 ulp): under 3% (2.4% for expm1 today).
        #expect(notCorrectlyRounded < count / 32)
    }
}
