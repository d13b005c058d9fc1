import QuireCore
import Testing

@testable import Quire

/// `circuit` blocks: OpenQASM in, a distribution table out, errors located in the Markdown.
struct CircuitBlockTests: DocumentEvaluating {
    static let bell = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\nh q[0];\ncx q[0], q[1];\n"

    @Test func aBellPairHasTwoOutcomesOfOneHalf() throws {
        let out = try run("```circuit id=bell shots=0\n\(Self.bell)```\n")
        #expect(out.contains("| `00`    |      0.5000 |\n| `11`    |      0.5000 |"))
        #expect(out.contains("2 qubits, statevector engine, ideal device, exact probabilities."))
    }

    @Test func manyOutcomesAreSummarisedAfterTheTopRows() throws {
        let out = try run("```circuit id=u shots=0\nOPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[6];\nh q;\nry(0.2) q[0];\n```\n")
        // ry(0.2) after h leaves qubit 0 in |1⟩ with probability (1 + sin 0.2)/2 = 0.5993.
        #expect(out.contains("32 more outcomes, total probability 0.4007."))
        let region = out.components(separatedBy: "<!-- quire:output id=u -->")[1].components(separatedBy: "<!--")[0]
        let rows = region.split(separator: "\n").filter { $0.hasPrefix("| `") }
        #expect(rows.count == 32)
        #expect(rows.first == "| `000001` |     0.01873 |" && rows[1] == "| `000011` |     0.01873 |" && rows.last == "| `111111` |     0.01873 |")
    }

    @Test func theRegionLinksAHistogramInTheFiguresFolder() throws {
        let evaluation = try Notebook.evaluate(
            bytes: Array("```circuit id=bell shots=10\n\(Self.bell)```\n".utf8), file: "paper.md", options: RunOptions())
        #expect(Array(evaluation.figures.keys) == ["paper.figures/bell-histogram.svg"])
        #expect(String(decoding: evaluation.document, as: UTF8.self).contains("](paper.figures/bell-histogram.svg)"))
        #expect(evaluation.records.first?.figures == ["paper.figures/bell-histogram.svg"])
    }

    @Test func countsDependOnlyOnTheBlockSeed() throws {
        let alone = try run("```circuit id=bell shots=100 seed=42\n\(Self.bell)```\n")
        let withOthers = try run("```noise id=n\n```\n\n```circuit id=bell shots=100 seed=42\n\(Self.bell)```\n")
        let table = { (text: String) in text.components(separatedBy: "<!-- quire:output id=bell -->")[1].components(separatedBy: "<!--")[0] }
        #expect(table(alone) == table(withOthers))
        #expect(table(alone) != table(try run("```circuit id=bell shots=100 seed=43\n\(Self.bell)```\n")))
    }

    @Test func qasmErrorsPointIntoTheDocument() {
        let message = error("# T\n\n> ```circuit id=c\n> OPENQASM 2.0;\n> qreg q[1];\n> hh q[0];\n> ```\n")
        #expect(message.hasPrefix("paper.md:6:3: error:"), "\(message)")
        #expect(message.contains("hh"))
    }

    @Test func anUnknownNoiseIdNamesTheDeclaredOnes() {
        let message = error("```noise id=lab\n```\n\n```circuit id=c noise=lap\n\(Self.bell)```\n")
        #expect(message.hasPrefix("paper.md:4:17: error: no noise block has id 'lap'"), "\(message)")
        #expect(message.contains("lab"))
    }

    @Test(arguments: ["shots=-1", "shots=x", "method=exact", "trajectories=0", "colour=red"])
    func badAttributesAreInputErrors(attribute: String) {
        #expect(error("```circuit id=c \(attribute)\n\(Self.bell)```\n").hasPrefix("paper.md:1:17: error:"))
    }

    /// Shots over the limit name the flag that raises it, as every limit does (README "Limits").
    @Test func shotsOverTheLimitNameTheFlag() {
        let message = error("```circuit id=c shots=20000000\n\(Self.bell)```\n")
        #expect(message.hasPrefix("paper.md:1:17: error: shots=20000000 is not a whole number from 0 to 10000000"), "\(message)")
        #expect(message.contains("raise the limit with --max-shots"), "\(message)")
    }

    @Test func aRequestOverTheMemoryLimitIsRefusedBeforeRunning() throws {
        var options = RunOptions()
        options.limits.memoryBytes = 1 << 20
        let text = "```circuit id=big shots=0\nOPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[20];\nh q;\n```\n"
        #expect {
            _ = try Notebook.evaluate(bytes: Array(text.utf8), file: "paper.md", options: options)
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("paper.md:1:1: error:") && text.contains("20 qubits")
        }
    }
}
