import Foundation

/// Golden-file comparison: a test's output against a committed file beside the test.
///
/// Files are re-recorded only when the environment variable `QUIRE_RECORD_GOLDEN` is `1`; a check
/// that recorded returns `.recorded`, which is not `.matches`, so the test fails and the change is
/// looked at (and reviewed in the diff) before it is accepted by running the tests again.
public enum GoldenFile {
    /// The result of comparing with a golden file.
    public enum Outcome: Equatable, CustomStringConvertible {
        /// The output equals the file byte for byte.
        case matches
        /// The output differs; the associated text locates the first difference.
        case differs(String)
        /// There is no golden file (record it with `QUIRE_RECORD_GOLDEN=1`).
        case missing(String)
        /// The file was (re)written from the output; run the tests again to compare.
        case recorded(String)

        /// A sentence for the test log.
        public var description: String {
            switch self {
            case .matches: return "matches its golden file"
            case let .differs(detail):
                return "differs from its golden file: \(detail); "
                    + "if the change is intended, re-record with QUIRE_RECORD_GOLDEN=1 and review the diff"
            case let .missing(path): return "no golden file at \(path); record it with QUIRE_RECORD_GOLDEN=1"
            case let .recorded(path): return "recorded \(path); review it and run the tests again"
            }
        }
    }

    /// Whether this run records golden files: the environment variable `QUIRE_RECORD_GOLDEN` is `1`.
    public static var recording: Bool {
        ProcessInfo.processInfo.environment["QUIRE_RECORD_GOLDEN"] == "1"
    }

    /// Compares `actual` with the file at `path`, or writes it there when `record` is true.
    public static func check(_ actual: String, path: String, record: Bool = recording) -> Outcome {
        if record {
            do {
                try Data(actual.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
                return .recorded(path)
            } catch {
                return .differs("could not record \(path): \(error)")
            }
        }
        guard let data = FileManager.default.contents(atPath: path) else { return .missing(path) }
        let expected = Array(data)
        let produced = Array(actual.utf8)
        if expected == produced { return .matches }
        let common = min(expected.count, produced.count)
        let offset = (0..<common).first { expected[$0] != produced[$0] } ?? common
        let line = produced.prefix(offset).filter { $0 == UInt8(ascii: "\n") }.count + 1
        return .differs("first difference at byte \(offset) (line \(line)) of \(path)")
    }
}
