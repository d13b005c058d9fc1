import QuireSimulator

/// libFuzzer target: the OpenQASM reader never crashes or hangs, and every error it reports sits
/// inside the input (a line that exists, a column on it or just past its end).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQASM(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size <= 65_536 else { return 0 }
    let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        _ = try QASMReader.read(source)
    } catch {
        let lines = source.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard error.line >= 1, error.line <= lines.count else {
            fatalError("error line \(error.line) outside 1...\(lines.count): \(error)")
        }
        let length = lines[error.line - 1].count
        guard error.column >= 1, error.column <= length + 1 else {
            fatalError("error column \(error.column) outside 1...\(length + 1) on line \(error.line): \(error)")
        }
    }
    return 0
}
