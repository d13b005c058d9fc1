import Quire
import QuireMarkdown

/// libFuzzer target: the document pipeline never damages the author's bytes.
///
/// For any input of noise and circuit blocks (others are skipped: they train models), `Notebook.evaluate`
/// either throws or returns a document whose author's bytes (`DocumentSplicer.strip`) are the
/// input's, and evaluating that document again returns it unchanged.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDocument(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size <= 65_536 else { return 0 }
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    guard let parsed = try? QuireDocument(bytes: input, file: "fuzz.md"),
        parsed.blocks.allSatisfy({ $0.kind == .noise || $0.kind == .circuit })
    else { return 0 }
    var options = RunOptions()
    options.limits.memoryBytes = 1 << 20
    options.limits.shots = 10_000
    guard let first = try? Notebook.evaluate(bytes: input, file: "fuzz.md", options: options) else { return 0 }
    let output: QuireDocument
    do {
        output = try QuireDocument(bytes: first.document, file: "fuzz.md")
    } catch {
        fatalError("the rewritten document does not parse: \(error)")
    }
    guard DocumentSplicer.strip(output) == DocumentSplicer.strip(parsed) else {
        fatalError("stripping the rewritten document does not give back the author's bytes")
    }
    let second: Evaluation
    do {
        second = try Notebook.evaluate(bytes: first.document, file: "fuzz.md", options: options)
    } catch {
        fatalError("the rewritten document fails to evaluate: \(error)")
    }
    guard second.document == first.document else { fatalError("evaluating twice changed the document") }
    return 0
}
