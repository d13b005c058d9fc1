import QuireCore
import QuireLearning
import Testing

@testable import Quire

/// An experiment's `dataset:` decoded through the generators' one protocol: every generator's
/// canonical record decodes back to itself, and its bytes are the documented field order.
struct DatasetSpecTests {
    func decode(_ yaml: String) throws -> DatasetSpec {
        let origin = YAMLOrigin(yaml: yaml) { SourceLocation(file: "p.md", line: $0, column: $1) }
        let node = try #require(try SpecNode.parse(yaml, origin: origin))
        return try DatasetSpec.decode(node) { id, node in throw node.error("no dataset block '\(id)' here") }
    }

    /// One spec per generator with every parameter away from its default, and its canonical record
    /// written out by hand in the documented order (integers without a fraction).
    static let written: [(spec: String, canonical: String)] = [
        ("{name: moons, noise: 0.25, samples: 50}", #""name":"moons","samples":50,"noise":0.25"#),
        ("{name: circles, samples: 40, noise: 0.1, factor: 0.5}", #""name":"circles","samples":40,"noise":0.1,"factor":0.5"#),
        (
            "{name: blobs, samples: 60, centers: 4, features: 3, cluster_std: 0.5}",
            #""name":"blobs","samples":60,"centers":4,"features":3,"cluster_std":0.5"#
        ),
        ("{name: parity, samples: 32, bits: 3, noise: 0.05}", #""name":"parity","samples":32,"bits":3,"noise":0.05"#),
        (
            "{name: linearly-separable, samples: 30, features: 3, margin: 0.1}",
            #""name":"linearly-separable","samples":30,"features":3,"margin":0.1"#
        ),
        (
            "{name: hyperplanes, samples: 40, features: 5, hyperplanes: 2, dimension: 2}",
            #""name":"hyperplanes","samples":40,"features":5,"hyperplanes":2,"dimension":2"#
        ),
        (
            "{name: hidden-manifold, samples: 40, features: 4, manifold_dimension: 2}",
            #""name":"hidden-manifold","samples":40,"features":4,"manifold_dimension":2"#
        ),
        (
            "{name: two-curves, samples: 40, features: 3, degree: 2, offset: 0.2, noise: 0.02}",
            #""name":"two-curves","samples":40,"features":3,"degree":2,"offset":0.2,"noise":0.02"#
        ),
        (
            "{name: bars-and-stripes, samples: 20, height: 2, width: 3, noise: 0.3}",
            #""name":"bars-and-stripes","samples":20,"height":2,"width":3,"noise":0.3"#
        ),
    ]

    @Test(arguments: written)
    func canonicalRecordHasTheDocumentedBytes(spec: String, canonical: String) throws {
        let decoded = try decode(spec)
        #expect(decoded.canonical.compact() == "{" + canonical + #","test_fraction":0.3,"scale":"minmax","scale_range":[0,3.141592653589793]}"#)
    }

    /// decode → canonical → decode gives the same generator and the same canonical bytes, for every
    /// generator, with its parameters written and with every one left at its default.
    @Test(arguments: written.map(\.spec) + DatasetGenerator.names.map { "{name: \($0)}" })
    func everyGeneratorRoundTripsThroughItsCanonicalRecord(spec: String) throws {
        let first = try decode(spec)
        let second = try decode(first.canonical.compact())
        #expect(second.canonical == first.canonical)
        guard case .generated(let a) = first.source, case .generated(let b) = second.source else {
            Issue.record("\(spec) did not decode to a generator")
            return
        }
        #expect(AnyHashable(a.parameters) == AnyHashable(b.parameters))
        #expect(try a.generate(RandomStream(seed: 7, purpose: "dataset")) == b.generate(RandomStream(seed: 7, purpose: "dataset")))
    }

    /// A key no generator knows is refused with every generator's keys listed once, in a fixed
    /// order (they came from a dictionary before, so the hint changed between runs).
    @Test func unknownKeyHintListsEveryKeyOnceInAFixedOrder() throws {
        var message = ""
        do { _ = try decode("{name: moons, sampels: 3}") } catch { message = "\(error)" }
        #expect(message.contains("unknown key 'sampels'"))
        #expect(message.contains("did you mean 'samples'?"))
        #expect(
            message.contains(
                "valid keys: name, test_fraction, scale, scale_range, samples, noise, factor, centers, features, cluster_std, "
                    + "bits, margin, hyperplanes, dimension, manifold_dimension, degree, offset, height, width"))
    }
}
