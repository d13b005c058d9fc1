import QuireCore
import Testing
import Yams

@testable import Quire

/// Sweep paths are field names joined by single dots, each swept once: a malformed or repeated
/// path was read as another one and labelled rows with values that never ran.
struct SweepPathTests: DocumentEvaluating {
    func sweepError(_ sweep: String) -> String {
        error("```experiment id=e\ndataset: {name: moons, samples: 30}\nbaselines: [logistic-regression]\nsweep: \(sweep)\n```\n")
    }

    @Test(arguments: [
        ("{train..epochs: [1, 2]}", "4:9"),
        ("{train.epochs.: [1, 2]}", "4:9"),
        ("{.train.epochs: [1, 2]}", "4:9"),
        ("{'train. epochs': [1, 2]}", "4:9"),
        ("{\"train.epochs \": [1, 2]}", "4:9"),
        ("{'': [1, 2]}", "4:9"),
        ("{dataset.noise: [0], train..epochs: [1, 2]}", "4:29"),
    ])
    func aMalformedPathIsRefusedAtItsKey(sweep: String, location: String) {
        let message = sweepError(sweep)
        #expect(message.hasPrefix("paper.md:\(location): error: sweep path") && message.contains("malformed"), "\(message)")
    }

    /// YAML itself refuses a key written twice; a mapping built in code is checked by the grid too.
    @Test func aPathSweptTwiceIsRefused() throws {
        #expect(sweepError("{train.epochs: [1, 2], 'train.epochs': [3]}").contains("duplicate key 'train.epochs'"))
        let origin = YAMLOrigin(yaml: "") { SourceLocation(file: "p.md", line: $0, column: $1) }
        let values = Node.sequence([Node("1")])
        let mapping = Node.mapping(Node.Mapping([(Node("train.epochs"), values), (Node("train.epochs"), values)]))
        #expect {
            try SweepGrid.decode(SpecNode(node: mapping, path: "sweep", origin: origin), maxPoints: 10)
        } throws: { "\($0)".contains("sweep path 'train.epochs' is swept twice") }
    }

    @Test func aPathWrittenAfterAPathInsideItIsRefused() {
        let message = sweepError("{dataset.noise: [0, 0.1], dataset: [moons, circles]}")
        #expect(message.hasPrefix("paper.md:4:34: error:") && message.contains("would replace its values"), "\(message)")
    }

    /// Sweeping a noise block and then a field inside it is meaningful and stays allowed.
    @Test func aPathBeforeAPathInsideItIsAllowed() throws {
        let text = """
            ```noise id=lab
            depolarizing: {one_qubit: 0.001, two_qubit: 0.01}
            ```

            ```experiment id=e
            dataset: {name: moons, samples: 30}
            baselines: [logistic-regression]
            sweep: {execution.noise: [lab], execution.noise.depolarizing.two_qubit: [0.02]}
            ```

            """
        #expect(error(text) == "")
    }
}
