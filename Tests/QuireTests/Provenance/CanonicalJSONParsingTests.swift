import Foundation
import OrderedCollections
import Testing

@testable import Quire

/// The appendix and cache reader gives back exactly the value the writer printed.
struct CanonicalJSONParsingTests {
    /// Doubles whose shortest decimal Foundation's number parser is known to round differently or
    /// that sit at the edges of the format: every one must come back bit for bit.
    static let awkward: [Double] = [
        0.1, 0.2, 0.30000000000000004, 1 / 3, 2.0 / 3, 0.7853981633974483, 1e-320, 5e-324, 2.2250738585072014e-308,
        2.225073858507201e-308, 1.7976931348623157e308, 9_007_199_254_740_993, 123_456_789_012_345.67, 1e15, 1e22, 1e23,
        -0.000123456789, 0.8999999999999999, 4.35, 8.41e21, 5.0e-310, 1.0000000000000002, 0.9999999999999999,
    ]

    @Test(arguments: awkward)
    func numbersRoundTripExactly(value: Double) throws {
        for text in [CanonicalJSON.number(value).compact(), CanonicalJSON.array([.number(value)]).rendered()] {
            let parsed = try CanonicalJSON(parsing: text)
            let back: Double? = if case .array(let items) = parsed { items.first?.double } else { parsed.double }
            #expect(back?.bitPattern == value.bitPattern, "\(text)")
        }
    }

    /// A record read back renders the same bytes: key order, escapes, full 64-bit seeds.
    @Test func aValueReadsBackAsItWasWritten() throws {
        let value = CanonicalJSON.object([
            "zeta": .unsigned(UInt64.max), "alpha": .integer(-7), "text": .string("a`<b>&\"\\\n\u{1F600}\u{202E}é"),
            "nested": .object(["b": .array([.null, .bool(true), .bool(false), .number(0.1)]), "a": .object([:])]), "empty": .array([]),
        ])
        #expect(try CanonicalJSON(parsing: value.rendered()) == value)
        #expect(try CanonicalJSON(parsing: value.compact()) == value)
        #expect(try CanonicalJSON(parsing: value.rendered()).rendered() == value.rendered())
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\":1,\"a\":2}", "01x", "\"\\ud800\"", "\"\u{1}\"", "nul", "[1] 2", "+1", "NaN", "1e999"])
    func malformedTextIsRefused(text: String) {
        #expect(throws: CanonicalJSON.ParseError.self) { try CanonicalJSON(parsing: text) }
    }

    /// A planted value nested deeper than any record is refused rather than exhausting the stack.
    /// JSON has no NaN or infinity: they are written as strings (never as `nan`/`inf`, which no JSON
    /// reader takes), the text reads back, and `double` gives the number again.
    @Test func nonFiniteNumbersAreWrittenAsStrings() throws {
        let value = CanonicalJSON.array([.number(.nan), .number(.infinity), .number(-.infinity), .number(1.5)])
        #expect(value.compact() == #"["NaN","Infinity","-Infinity",1.5]"#)
        let read = try CanonicalJSON(parsing: value.rendered())
        #expect(read == .array([.string("NaN"), .string("Infinity"), .string("-Infinity"), .number(1.5)]))
        #expect(read.rendered() == value.rendered())
        let doubles = try #require(read.doubles)
        #expect(doubles.count == 4 && doubles[0].isNaN && doubles[1] == .infinity && doubles[2] == -.infinity && doubles[3] == 1.5)
        #expect(try JSONSerialization.jsonObject(with: Data(value.compact().utf8)) is [Any])
    }

    @Test func deepNestingIsRefused() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: CanonicalJSON.ParseError.self) { try CanonicalJSON(parsing: deep) }
    }

    /// `BlockRecord(json:)` reads what `json` writes, so the appendix and the cache share one format.
    @Test func aBlockRecordRoundTrips() throws {
        var record = BlockRecord(
            id: "e", kind: "experiment", spec: .object(["train": .object(["lr": .number(0.1), "epochs": .integer(3)])]), seed: UInt64.max - 1,
            engine: "statevector", inputs: ["noise": .object(["p": .number(1e-3)])])
        record.details = ["loss_curve": .array([.number(0.6931471805599453), .number(1.0 / 3)])]
        record.figures = ["figures/e-loss.svg"]
        record.resultSHA256 = String(repeating: "ab", count: 32)
        let back = try #require(BlockRecord(json: try CanonicalJSON(parsing: record.json.rendered())))
        #expect(back == record)
        #expect(InputDigest(record: back) == InputDigest(record: record))
    }
}
