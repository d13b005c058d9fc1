import Foundation
import Testing

@testable import Quire

/// Figure files are named by slugs and linked so that the image shows on GitHub and in `render`.
struct FigureNameTests {
    @Test(arguments: [
        ("quantum kernel", "quantum-kernel"), ("variational (strongly-entangling, 2 layers)", "variational-strongly-entangling-2-layers"),
        ("+ mitigation (ZNE richardson at 1, 3, 5; readout)", "mitigation-zne-richardson-at-1-3-5-readout"), ("Moons_VQC", "moons-vqc"),
        ("Ünïcode — ok", "n-code-ok"), ("+++", ""),
    ])
    func slugsAreLowerCaseLettersDigitsAndSingleHyphens(text: String, slug: String) {
        #expect(FigureName.slug(text) == slug)
    }

    /// Ids that slug alike (`a_b`, `a-b`, `A-b`) keep apart: an id that is not its own slug gets a
    /// digest of itself; names that slug alike inside a block are numbered in order.
    @Test func collisionsAreResolvedDeterministically() {
        let names = ["a-b", "a_b", "A-b", "___"].map { FigureName.name(block: $0, "accuracy") }
        #expect(names[0] == "a-b-accuracy")
        #expect(Set(names).count == 4)
        #expect(names.allSatisfy { $0.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" } })
        #expect(FigureName.name(block: "a_b", "accuracy") == names[1], "a pure function of the id")
        #expect(FigureName.unique(["rbf svm", "rbf-svm", "RBF (svm)", "x"]) == ["rbf-svm", "rbf-svm-2", "rbf-svm-3", "x"])
    }

    @Test func imageLinksArePercentEncoded() {
        #expect(
            FigureName.image(caption: "Loss", folder: "my paper (v2).figures", file: "e-loss.svg")
                == "\n![Loss](my%20paper%20%28v2%29.figures/e-loss.svg)\n")
    }

    /// Found by a first-time user: `…-confusion-quantum kernel.svg` never displayed. Now a paper
    /// whose name has a space and a kernel model's confusion matrix render with every figure inlined.
    @Test func everyFigureOfARunPaperIsInlinedByRender() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quire-figure-names-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("my paper.md").path
        let text = """
            ```experiment id=Kernel_Study
            dataset: {name: moons, samples: 30}
            model: {kind: kernel}
            baselines: [logistic-regression]
            report: [metrics, confusion-matrix]
            ```

            """
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        _ = try NotebookFile.run(path: path, options: RunOptions())
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("my paper.figures").path).sorted()
        let stem = FigureName.block("Kernel_Study")
        #expect(files == ["\(stem)-accuracy.svg", "\(stem)-confusion-logistic-regression.svg", "\(stem)-confusion-quantum-kernel.svg"])
        let document = try String(contentsOfFile: path, encoding: .utf8)
        #expect(document.contains("](my%20paper.figures/\(stem)-confusion-quantum-kernel.svg)"))
        let html = try ArticleRenderer.render(path: path, template: "article", allowRawHTML: false)
        #expect(html.components(separatedBy: "<img src=\"data:image/svg+xml;base64,").count - 1 == 3, "every figure inlined")
    }
}
