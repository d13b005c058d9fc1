/// The steps of an atomic write (`AtomicFile.write`) at which the system can refuse.
public enum WriteStep: Sendable, Hashable {
    /// Creating the temporary file beside the target (EROFS or EACCES in a read-only folder).
    case create
    /// Writing its bytes (ENOSPC on a full disk).
    case write
    /// Flushing them to disk (ENOSPC or EIO: some file systems report a full disk only here).
    case sync
    /// Renaming it over the target.
    case rename
}

/// Failures injected into the files a run writes (documents, figures, cache entries), so tests
/// can show what a full disk or a read-only folder does to a run, also as root, whom permission
/// bits never stop. `none`, the default everywhere, injects nothing.
public struct WriteFaults: Sendable {
    /// The `errno` with which `step` of writing `path` fails, or `nil` to let the system call run.
    public var errorCode: @Sendable (_ step: WriteStep, _ path: String) -> Int32?

    /// Faults given by `errorCode`.
    public init(_ errorCode: @escaping @Sendable (_ step: WriteStep, _ path: String) -> Int32?) {
        self.errorCode = errorCode
    }

    /// No faults: every system call runs.
    public static let none = WriteFaults { _, _ in nil }

    /// `step` fails with `code` for every target path that `matches` accepts.
    public static func failing(_ step: WriteStep, with code: Int32, where matches: @escaping @Sendable (String) -> Bool) -> WriteFaults {
        WriteFaults { $0 == step && matches($1) ? code : nil }
    }
}
