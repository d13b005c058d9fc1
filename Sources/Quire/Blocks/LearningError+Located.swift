import QuireCore
import QuireLearning
import QuireMarkdown

extension LearningError {
    /// An `unsupportedStatement` error located at its statement in `block`'s body, with the message
    /// and hint it had before the line was known; `nil` for the other cases.
    func located(in block: RunnableBlock) -> LocatedError? {
        guard case let .unsupportedStatement(line, column, message, hint) = self else { return nil }
        return LocatedError(block.documentLocation(bodyLine: line, column: column), message, hint: hint)
    }
}
