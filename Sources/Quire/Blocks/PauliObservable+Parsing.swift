import QuireCore
import QuireLearning

extension PauliObservable {
    /// How a circuit block writes an observable, for hints.
    static let syntaxHint = "write sums of Pauli words on the circuit's qubits, e.g. observables=Z0Z1,X0,0.5*Z0-0.5*Z1"

    /// Parses one observable as a circuit block's `observables=` writes it: Pauli words such as
    /// `Z0Z1` or `X0Y2` (a letter X, Y or Z, then the qubit's index in the circuit; each qubit once),
    /// each optionally weighted `0.5*X0X1`, joined by `+` and `-`.
    ///
    /// - Throws: `LocatedError` at `location` for text that is not such a sum, a qubit the circuit
    ///   (of `qubitCount` qubits) does not have, or a word on more than `ObservableEstimation.maxWeight` qubits.
    init(parsing text: String, qubitCount: Int, at location: SourceLocation) throws {
        func failure(_ why: String, hint: String = Self.syntaxHint) -> LocatedError {
            LocatedError(location, "observable '\(text)' \(why)", hint: hint)
        }
        let characters = Array(text)
        var i = 0
        var terms: [Term] = []
        guard !characters.isEmpty else { throw failure("is empty") }
        while i < characters.count {
            var coefficient = 1.0
            if characters[i] == "+" || characters[i] == "-" {
                if characters[i] == "-" { coefficient = -1 }
                i += 1
            } else if !terms.isEmpty {
                throw failure("has '\(characters[i])' where + or - should join two terms")
            }
            if i < characters.count, characters[i].isNumber || characters[i] == "." {
                let start = i
                while i < characters.count, characters[i] != "*" { i += 1 }
                guard i < characters.count, let value = Double(String(characters[start..<i])), value.isFinite else {
                    throw failure("has a coefficient '\(String(characters[start..<i]))' that is not a number followed by *")
                }
                coefficient *= value
                i += 1
            }
            var factors: [Factor] = []
            while i < characters.count, characters[i] != "+", characters[i] != "-" {
                guard let letter = PauliLetter(rawValue: String(characters[i])) else {
                    throw failure("has '\(characters[i])' where a Pauli letter X, Y or Z should be (identity qubits are left out)")
                }
                i += 1
                let start = i
                while i < characters.count, characters[i].isASCII, characters[i].isNumber { i += 1 }
                guard let qubit = Int(String(characters[start..<i])) else { throw failure("has \(letter.rawValue) without a qubit index") }
                guard qubit < qubitCount else {
                    throw failure(
                        "names qubit \(qubit), but the circuit has \(qubitCount) qubit\(qubitCount == 1 ? "" : "s")",
                        hint: "qubits are numbered from 0 across the circuit's registers, as in Qiskit")
                }
                guard !factors.contains(where: { $0.qubit == qubit }) else { throw failure("names qubit \(qubit) twice in one word") }
                factors.append(Factor(qubit: qubit, letter: letter))
            }
            guard !factors.isEmpty else { throw failure("has a term without a Pauli word") }
            guard factors.count <= ObservableEstimation.maxWeight else {
                throw failure(
                    "acts on \(factors.count) qubits in one word, more than \(ObservableEstimation.maxWeight)",
                    hint: "a word is read through the distribution of its qubits; split the observable or use fewer qubits")
            }
            terms.append(Term(coefficient: coefficient, factors: factors))
        }
        self.init(label: text, terms: terms)
    }
}
