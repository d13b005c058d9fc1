import Foundation
import Testing

@testable import QuireTestSupport

/// The oracle of ElementarySweepTests (QuireTestSupport's `Oracle`) against mpmath's correctly rounded
/// values on the 16,384 arguments per function of Reference/elementary: its value must round to
/// mpmath's answer and lie on the side of it that mpmath's exact value lies, on every argument — so its
/// error is far below half an ulp (a 2^-10-ulp error would already miss some of these roundings).
@Suite struct OracleValidationTests {
    static let oracles: [String: @Sendable (Double, Double) -> OracleValue] = [
        "sin": { x, _ in Oracle.sin(x) }, "cos": { x, _ in Oracle.cos(x) }, "tan": { x, _ in Oracle.tan(x) },
        "exp": { x, _ in Oracle.exp(x) }, "expm1": { x, _ in Oracle.expm1(x) }, "log": { x, _ in Oracle.log(x) },
        "log10": { x, _ in Oracle.log10(x) }, "log1p": { x, _ in Oracle.log1p(x) },
        "tanh": { x, _ in Oracle.tanh(x) }, "lgamma": { x, _ in Oracle.logGamma(x) },
        "atan2": { y, x in Oracle.atan2(y, x) }, "pow": { x, y in Oracle.pow(x, y) },
    ]

    @Test(arguments: ElementaryAccuracyTests.names)
    func oracleRoundsLikeMPMath(_ name: String) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../Reference/elementary/\(name).bin")
        let data = try Data(contentsOf: url)
        var stream = ElementaryArguments(seed: 0x5157_0000 + UInt64(ElementaryAccuracyTests.names.firstIndex(of: name)!))
        let oracle = Self.oracles[name]!
        var failures: [String] = []
        var checked = 0
        data.withUnsafeBytes { bytes in
            for i in 0..<data.count / 9 {
                let (a, b) = stream.arguments(name, i)
                let expected = Double(bitPattern: bytes.loadUnaligned(fromByteOffset: 9 * i, as: UInt64.self).littleEndian)
                let side = bytes.load(fromByteOffset: 9 * i + 8, as: Int8.self)
                guard expected.isFinite, expected != 0, a.isFinite, b.isFinite, a != 0 else { continue }
                checked += 1
                let reference = oracle(a, b)
                let error = reference.ulpError(expected)
                let above = reference.signedUlpError(expected) < 0
                let sideMatches = side == 0 || (side > 0) == above
                if error > 0.5 || !sideMatches, failures.count < 10 {
                    failures.append("\(name)(\(a), \(b)): mpmath \(expected) side \(side), oracle off by \(error) ulp")
                }
            }
        }
        #expect(checked > data.count / 9 * 9 / 10)
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    /// The constants computed from their definitions against independent identities and digits.
    @Test func constants() {
        let pi = OracleConstants.pi
        let piSquared = pi * pi
        #expect(abs(((OracleConstants.zeta[0] - piSquared / 6) / OracleConstants.zeta[0]).hi) < 0x1p-100)
        #expect(abs(((OracleConstants.zeta[2] - piSquared * piSquared / 90) / OracleConstants.zeta[2]).hi) < 0x1p-100)
        // 1 − γ from mpmath (make_elementary_constants.py).
        let gamma = WideDouble(1) - WideDouble(0x1.b0ee6072093cep-2, 0x1.6cb90701fbfabp-58)
        #expect(abs((OracleConstants.eulerGamma - gamma).hi) < 0x1p-95)
        // ln 2 = 2 atanh(1/3) = 2 atanh(1/5) + 2 atanh(1/7).
        let atanhSum = Oracle.twiceAtanh(WideDouble(1) / 5) + Oracle.twiceAtanh(WideDouble(1) / 7)
        #expect(abs((OracleConstants.ln2 - atanhSum).hi) < 0x1p-104)
        // 2/π starts 0.A2F9836E4E441529FC2757D1F534DDC0DB629599… in hexadecimal.
        let leading = OracleConstants.twoOverPiBits.prefix(64).reduce(UInt64(0)) { $0 << 1 | ($1 ? 1 : 0) }
        #expect(leading == 0xa2f9_836e_4e44_1529)
    }
}
