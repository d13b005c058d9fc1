import QuireCore
import QuireSimulator

extension SimulationError {
    /// The error as a located one: at `locate(line, column)` for an error at a statement of the
    /// circuit's text, else at `fallback`, its message after `prefix`.
    func located(prefix: String = "", fallback: SourceLocation?, _ locate: (Int, Int) -> SourceLocation) -> LocatedError {
        let diagnostic = positionFreeDiagnostic
        let location = circuitPosition.map { locate($0.line, $0.column) } ?? fallback
        return LocatedError(location, prefix + diagnostic.message, hint: diagnostic.hint)
    }
}
