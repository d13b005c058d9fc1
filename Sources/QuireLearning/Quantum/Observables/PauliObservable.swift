import QuireSimulator

/// A Hermitian observable as a real-weighted sum of Pauli words on a circuit's qubits, such as
/// ⟨Z0Z1⟩ or ⟨0.5·X0X1 − 0.5·Y0Y1⟩; qubits are numbered as in the circuit (qubit 0 least significant).
public struct PauliObservable: Hashable, Sendable {
    /// One weighted Pauli word.
    public struct Term: Hashable, Sendable {
        /// The real weight.
        public var coefficient: Double
        /// The non-identity letters, by ascending qubit, each qubit once.
        public var factors: [Factor]

        /// Creates a term; `factors` are sorted by qubit.
        public init(coefficient: Double, factors: [Factor]) {
            self.coefficient = coefficient
            self.factors = factors.sorted { $0.qubit < $1.qubit }
        }

        /// The term as a `PauliString` over `qubitCount` qubits with factor k on qubit `qubits[k]`
        /// (its own qubits, or where a layout put them), keeping only the factors in bit `mask`.
        func pauliString(qubitCount: Int, qubits: [Int], mask: Int, coefficient: Double = 1) throws -> PauliString {
            var letters = [Character](repeating: "I", count: qubitCount)
            for (k, factor) in factors.enumerated() where mask >> k & 1 == 1 { letters[qubitCount - 1 - qubits[k]] = factor.letter.character }
            return try PauliString(String(letters), coefficient: coefficient)
        }
    }

    /// A Pauli letter on one qubit.
    public struct Factor: Hashable, Sendable {
        /// The qubit it acts on.
        public var qubit: Int
        /// X, Y or Z.
        public var letter: PauliLetter

        /// Creates a factor.
        public init(qubit: Int, letter: PauliLetter) {
            self.qubit = qubit
            self.letter = letter
        }
    }

    /// The non-identity Pauli operators.
    public enum PauliLetter: String, Hashable, Sendable, CaseIterable {
        /// Pauli X.
        case x = "X"
        /// Pauli Y.
        case y = "Y"
        /// Pauli Z.
        case z = "Z"

        /// The letter as written.
        var character: Character { Character(rawValue) }
    }

    /// The observable as the document writes it.
    public var label: String
    /// The terms of the sum, in the order written.
    public var terms: [Term]

    /// Creates an observable.
    public init(label: String, terms: [Term]) {
        self.label = label
        self.terms = terms
    }

    /// The highest qubit any term acts on, or -1 for none.
    public var highestQubit: Int { terms.flatMap(\.factors).map(\.qubit).max() ?? -1 }
}
