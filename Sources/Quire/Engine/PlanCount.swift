import Foundation

/// How many times documents were parsed and planned (`Notebook.plan`) inside a task: tests bind
/// `Notebook.planCount` to one to prove `quire check` plans a document once, not by timing it.
final class PlanCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    /// A counter at zero.
    init() {}

    /// The plans counted so far.
    var value: Int { lock.withLock { count } }

    /// Counts one plan.
    func add() { lock.withLock { count += 1 } }
}

extension Notebook {
    /// The counter `plan` reports to in the current task; `nil` (no counting) outside tests.
    @TaskLocal static var planCount: PlanCount?
}
