/// A step of a gate written in the universal set translation starts from: any one-qubit unitary, or `cx`.
enum Primitive {
    /// A 2×2 unitary on one qubit.
    case oneQubit(ComplexMatrix, qubit: Int)
    /// `cx control, target`.
    case cx(control: Int, target: Int)
}
