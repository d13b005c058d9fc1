import Foundation
import QuireCore
import Testing

@testable import Quire

/// Errors inside a custom ansatz's or encoding's OpenQASM body are reported at the very line and
/// column of the document where the offending text is, however the body is written in YAML.
struct QASMSpecTests {
    /// A document of one experiment block whose YAML is `lines`.
    static func document(_ lines: [String], lineEnding: String = "\n") -> String {
        (["```experiment id=e"] + lines + ["```", ""]).joined(separator: lineEnding)
    }

    /// `paper.md:line:column` of the first occurrence of `needle` in `text` (1-based, UTF-8 bytes),
    /// found in the text itself: the truth the reported location is checked against.
    static func location(of needle: String, in text: String) throws -> String {
        let lines = text.components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.contains(needle) })
        let prefix = try #require(lines[index].range(of: needle)).lowerBound
        return "paper.md:\(index + 1):\(lines[index][..<prefix].utf8.count + 1)"
    }

    /// One YAML spelling of a body with an error, the text the error points at and what it says.
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var lines: [String]
        var needle: String
        var message: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "ansatz literal block",
            lines: [
                "dataset: {name: moons, samples: 20}", "model:", "  kind: variational", "  ansatz:", "    qasm: |",
                "      ry(theta[0]) q[0];", "      cx q[0], q[1];", "      foo q[1];", "baselines: []",
            ], needle: "foo q[1]", message: "in the QASM ansatz: unknown gate `foo`"),
        Case(
            name: "encoding literal block, strip chomping, a comment and a blank line before",
            lines: [
                "dataset: {name: moons, samples: 20}", "encoding:", "  qasm: |-  # two features", "", "    // é, then x",
                "    ry(x[0]) q[0];", "    ry(2*x[5]) q[1];", "model: {kind: variational}", "baselines: []",
            ], needle: "x[5]", message: "in the QASM encoding: x[5] is beyond the dataset's 2 features"),
        Case(
            name: "ansatz literal block indented by one",
            lines: [
                "dataset: {name: moons, samples: 20}", "model:", "  kind: variational", "  qubits: 2", "  ansatz:", "    qasm: |",
                "     ry(theta[0]) q[0];", "     reset q[1];", "baselines: []",
            ], needle: "reset q[1]", message: "measurements and resets cannot be used in an ansatz"),
        Case(
            name: "encoding plain scalar",
            lines: [
                "dataset: {name: moons, samples: 20}", "encoding:", "  qasm: ry(x[0]) q[0]; ry(x[1]) q[1]; bar q[0];", "model: {kind: kernel}",
                "baselines: []",
            ],
            needle: "bar q[0]", message: "in the QASM encoding: unknown gate `bar`"),
        Case(
            name: "ansatz double-quoted scalar in flow style",
            lines: [
                "dataset: {name: moons, samples: 20}",
                "model: {kind: variational, ansatz: {qasm: \"ry(theta[0]) q[0]; ry(x[1]) q[1];\"}}", "baselines: []",
            ], needle: "x[1]", message: "x[1] cannot be used in an ansatz"),
        Case(
            name: "encoding single-quoted scalar",
            lines: [
                "dataset: {name: moons, samples: 20}", "encoding: {qasm: 'ry(x[0]) q[0]; ry(sin(x[1])) q[1];'}", "model: {kind: variational}",
                "baselines: []",
            ],
            needle: "sin(x[1])", message: "not affine"),
    ]

    /// Each spelling is located at the offending text, with a hint, when the spec is planned.
    @Test(arguments: cases)
    func anErrorInAQASMBodyIsLocatedInTheDocument(_ example: Case) throws {
        let text = Self.document(example.lines)
        let plan = try Notebook.plan(bytes: Array(text.utf8), file: "paper.md", options: RunOptions())
        let prepared = try #require(plan.blocks.first).prepared
        guard case .failure(let error) = prepared else {
            Issue.record("expected an error")
            return
        }
        let message = "\(error)"
        #expect(message.hasPrefix("\(try Self.location(of: example.needle, in: text)): error: "), "\(message)")
        #expect(message.contains(example.message), "\(message)")
        #expect((error as? LocatedError)?.diagnostic.hint != nil, "\(message)")
    }

    /// With CRLF line endings the location is the same line and column.
    @Test func aBlockScalarWithCRLFLineEndingsIsLocatedAlike() throws {
        let example = Self.cases[0]
        let text = Self.document(example.lines, lineEnding: "\r\n")
        let plan = try Notebook.plan(bytes: Array(text.utf8), file: "paper.md", options: RunOptions())
        guard case .failure(let error) = try #require(plan.blocks.first).prepared else {
            Issue.record("expected an error")
            return
        }
        #expect("\(error)".hasPrefix("\(try Self.location(of: example.needle, in: Self.document(example.lines))): error: "), "\(error)")
    }

    /// Running a document with a bad body fails with that error and leaves the document byte-identical.
    @Test func aBadBodyLeavesTheDocumentUntouched() throws {
        let text = Self.document(Self.cases[1].lines)
        let project = try ProjectFolder(text)
        defer { project.remove() }
        let error = try #require(throws: LocatedError.self) { try NotebookFile.run(path: project.paper, options: project.options()) }
        #expect("\(error)".contains("x[5] is beyond"), "\(error)")
        #expect(project.text(project.paper) == text)
        #expect(project.entries(project.folder) == ["paper.md"])
    }

    /// `qubits: auto` makes room for the qubits a QASM ansatz writes beyond the encoding's, and the
    /// work estimate counts the body's θs rather than a rule of thumb: a 2-feature encoding under an
    /// ansatz on q[0] … q[3] with 10 parameters per layer, 2 layers, parameter shift, gives
    /// repeats × epochs × training samples × (2 × (10 × 2 + 1) + 1) circuit evaluations.
    @Test func aQASMAnsatzSetsTheQubitsAndTheWorkEstimate() throws {
        let thetas = (0..<10).map { "ry(theta[\($0)]) q[\($0 % 4)];" }.joined(separator: " ")
        let spec = try ExperimentReportTests.spec(
            """
            dataset: {name: moons, samples: 20, test_fraction: 0.25}
            model: {kind: variational, layers: 2, ansatz: {qasm: "\(thetas) cx q[0], q[3];"}}
            train: {epochs: 3, gradient: parameter-shift}
            repeat: 2
            baselines: []
            """)
        #expect(spec.qubits == 4)
        let perSample: Double = 2 * (10 * 2 + 1) + 1
        #expect(spec.estimatedCircuitEvaluations == 2 * 3 * 15 * perSample)
    }

    /// Decoding keeps the lowered layer's counts on the body: parameters θ[0], θ[1] and the three
    /// gates using them (θ[0] twice), which the estimates then read without lowering again.
    @Test func decodingKeepsTheQASMAnsatzCounts() throws {
        let spec = try ExperimentReportTests.spec(
            """
            dataset: {name: moons, samples: 20}
            model: {kind: variational, layers: 3, ansatz: {qasm: "ry(theta[0]) q[0]; rz(theta[1]) q[1]; cx q[0], q[1]; ry(2*theta[0]) q[1];"}}
            baselines: []
            """)
        let body = try #require(spec.model?.ansatzQASM)
        #expect(body.parameters == 2 && body.trainableGates == 3)
        let layer = try #require(spec.model?.layerParameters(qubits: 2))
        #expect(layer == (2, 3))
    }

    /// An ansatz beyond the most qubits a model may have is refused at the model, with a hint.
    @Test func aQASMAnsatzTooWideIsLocated() throws {
        let error = try #require(throws: LocatedError.self) {
            try ExperimentReportTests.spec(
                """
                dataset: {name: moons, samples: 20}
                model: {kind: variational, ansatz: {qasm: "ry(theta[0]) q[24];"}}
                baselines: []
                """)
        }
        #expect("\(error)".contains("the QASM ansatz uses q[24], but a model has at most 20 qubits"), "\(error)")
        #expect(error.diagnostic.hint != nil)
    }
}
