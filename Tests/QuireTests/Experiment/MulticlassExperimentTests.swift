import Foundation
import Testing

@testable import Quire

/// Variational models on three or more classes: `model.multiclass` and `model.scale`, what the
/// canonical spec records, the located errors, and a three-class document run end to end.
struct MulticlassExperimentTests: DocumentEvaluating {
    static let threeBlobs = "dataset: {name: blobs, samples: 30, centers: 3}"

    /// The canonical spec of a one-block document, decoded without running anything.
    func leaves(_ body: String) throws -> [String: String] {
        let text = "```experiment id=e\n\(body)\nbaselines: []\n```\n"
        let plan = try Notebook.plan(bytes: Array(text.utf8), file: "p.md", options: RunOptions())
        let spec = try #require(plan.blocks.last).prepared.get().record.spec
        return Dictionary(uniqueKeysWithValues: spec.leaves().map { ($0.path, $0.value) })
    }

    /// Two classes keep today's spec exactly (no multiclass, scale or new loss), so no two-class
    /// document changes; three default to softmax with its scale, cross-entropy, a qubit per class
    /// and no observable; one-vs-rest keeps the observable and the loss.
    @Test func theCanonicalSpecRecordsTheReadoutOnlyForThreeOrMoreClasses() throws {
        let two = try leaves("dataset: {name: moons, samples: 30}\nmodel: {kind: variational}")
        #expect(two["model.observable"] == "\"Z0\"" && two["model.multiclass"] == nil && two["model.scale"] == nil)
        #expect(two["train.loss"] == "\"square\"")
        let softmax = try leaves("\(Self.threeBlobs)\nmodel: {kind: variational}")
        #expect(softmax["model.multiclass"] == "\"softmax\"" && softmax["model.scale"] == "2" && softmax["model.observable"] == nil, "\(softmax)")
        #expect(softmax["train.loss"] == "\"cross-entropy\"" && softmax["model.qubits"] == "\"auto\"")
        let ovr = try leaves("\(Self.threeBlobs)\nmodel: {kind: variational, multiclass: one-vs-rest, observable: parity}")
        #expect(ovr["model.multiclass"] == "\"one-vs-rest\"" && ovr["model.observable"] == "\"parity\"" && ovr["model.scale"] == nil)
        #expect(ovr["train.loss"] == "\"square\"")
    }

    /// A class count the model cannot take, and readout fields that do not apply, are refused
    /// where they are written.
    @Test(arguments: [
        (
            "\(threeBlobs)\nmodel: {kind: variational, qubits: 2}",
            "paper.md:3:36: error: model.qubits is 2, but the softmax readout reads class c on qubit c, so the dataset's 3 classes need at least 3 qubits"
        ),
        ("\(threeBlobs)\nmodel: {kind: variational, observable: Z1}", "paper.md:3:40: error: the softmax readout reads class c as Z on qubit c"),
        (
            "dataset: {name: moons}\nmodel: {kind: variational, multiclass: softmax}",
            "paper.md:3:40: error: 'model.multiclass' applies to a variational model on three or more classes; this dataset has 2"
        ),
        (
            "\(threeBlobs)\nmodel: {kind: variational, multiclass: one-vs-rest, scale: 3}",
            "paper.md:3:60: error: 'scale' is the softmax readout's logit scale"
        ),
        (
            "\(threeBlobs)\nmodel: {kind: variational}\ntrain: {loss: square}",
            "paper.md:4:15: error: the softmax readout is trained by softmax cross-entropy, not square"
        ),
        (
            "\(threeBlobs)\nmodel: {kind: variational, multiclass: both}",
            "paper.md:3:40: error: 'model.multiclass' is 'both', not one of softmax, one-vs-rest"
        ),
    ])
    func aModelThatCannotTakeTheClassesIsRefusedWhereItIsWritten(body: String, expected: String) {
        let message = error("```experiment id=e\n\(body)\nbaselines: []\n```\n")
        #expect(message.hasPrefix(expected), "\(message)")
    }

    /// The fixture document (iris with softmax on four qubits, three blobs one-vs-rest on two)
    /// runs end to end, reproducibly: three-class confusion matrices, sane accuracies, a loss
    /// curve, and a boundary figure shading the predicted classes' regions (three colours, no
    /// colour bar).
    @Test func aThreeClassDocumentRunsEndToEnd() throws {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
        let iris = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Notebooks/data/iris.csv")
        let project = try ProjectFolder(try String(contentsOf: fixtures.appendingPathComponent("three-classes.md"), encoding: .utf8))
        defer { project.remove() }
        try FileManager.default.copyItem(atPath: iris.path, toPath: project.folder + "/iris.csv")
        let first = try NotebookFile.run(path: project.paper, options: RunOptions())
        let document = try #require(project.text(project.paper))
        let rows = document.split(separator: "\n").filter { $0.hasPrefix("| variational") }
        #expect(rows.count == 2 && rows[0].contains("softmax") && rows[0].contains("4 qubits") && rows[1].contains("one-vs-rest"), "\(rows)")
        // Test accuracy (third column) well above chance (1/3) after a few epochs.
        for row in rows {
            let accuracy = Double(row.split(separator: "|")[2].trimmingCharacters(in: .whitespaces)) ?? 0
            #expect(accuracy >= 0.6, "\(row)")
        }
        #expect(document.contains("| actual class | setosa | versicolor | virginica |"))
        let boundary = try #require(project.text(project.folder + "/paper.figures/blobs-ovr-boundary.svg"))
        #expect(!boundary.contains("color-bar") && document.contains("![Predicted class of variational"))
        let fills = Set(
            boundary.split(separator: "<rect").filter { $0.contains("class=\"cell\"") }.compactMap { $0.split(separator: "fill=\"").last?.prefix(7) })
        #expect(fills.count == 3, "\(fills)")
        _ = first
        let again = try ProjectFolder(try String(contentsOf: fixtures.appendingPathComponent("three-classes.md"), encoding: .utf8))
        defer { again.remove() }
        try FileManager.default.copyItem(atPath: iris.path, toPath: again.folder + "/iris.csv")
        _ = try NotebookFile.run(path: again.paper, options: RunOptions())
        #expect(again.text(again.paper) == document)
    }
}

extension MulticlassExperimentTests {
    /// Found by review: the decision-boundary figure of a three-class baseline shaded only
    /// P(class 1) − ½; it now shades the region of each predicted class.
    @Test func aThreeClassBaselineBoundaryShadesEveryPredictedClass() throws {
        let text =
            "```experiment id=b\n\(Self.threeBlobs)\nbaselines: [logistic-regression]\nreport: [metrics, decision-boundary]\n```\n"
        let evaluation = try Notebook.evaluate(bytes: Array(text.utf8), file: "paper.md", options: RunOptions())
        let svg = String(decoding: try #require(evaluation.figures["paper.figures/b-boundary.svg"]), as: UTF8.self)
        #expect(!svg.contains("color-bar") && svg.contains("heat map of predicted class"))
        let fills = Set(
            svg.split(separator: "<rect").filter { $0.contains("class=\"cell\"") }.compactMap { $0.split(separator: "fill=\"").last?.prefix(7) })
        #expect(fills == ["#0072B2", "#E69F00", "#009E73"], "\(fills)")
    }
}
