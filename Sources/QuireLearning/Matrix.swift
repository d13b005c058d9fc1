/// A dense real matrix stored row-major in one flat array: the feature matrix of a dataset
/// (one row per sample, one column per feature) and the working storage of the baselines.
///
/// One flat buffer keeps rows contiguous, so the hot loops (kernel rows, gradients) walk memory
/// in order and a row is addressed as `elements[row * columns + column]`.
public struct Matrix: Hashable, Sendable {
    /// Number of rows (samples).
    public let rows: Int
    /// Number of columns (features).
    public let columns: Int
    /// The entries, row after row; `elements.count == rows * columns`.
    public var elements: [Double]

    /// A matrix from its row-major entries.
    ///
    /// - Precondition: `elements.count == rows * columns`.
    public init(rows: Int, columns: Int, elements: [Double]) {
        precondition(
            rows >= 0 && columns >= 0 && elements.count == rows * columns,
            "Matrix: \(elements.count) elements do not fill \(rows)×\(columns)")
        self.rows = rows
        self.columns = columns
        self.elements = elements
    }

    /// A `rows`×`columns` matrix filled with `value`.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        self.init(rows: rows, columns: columns, elements: Array(repeating: value, count: rows * columns))
    }

    /// A matrix from an array of equally long rows (a convenience for tests and small data).
    ///
    /// - Precondition: every row has the same length; an empty array gives a 0×0 matrix.
    public init(_ rowArrays: [[Double]]) {
        let columns = rowArrays.first?.count ?? 0
        precondition(rowArrays.allSatisfy { $0.count == columns }, "Matrix: rows of unequal length")
        self.init(rows: rowArrays.count, columns: columns, elements: rowArrays.flatMap { $0 })
    }

    /// The entry at (`row`, `column`).
    @inlinable
    public subscript(row: Int, column: Int) -> Double {
        get { elements[row * columns + column] }
        set { elements[row * columns + column] = newValue }
    }

    /// Row `index` as an array (a copy).
    public func row(_ index: Int) -> [Double] {
        Array(elements[index * columns..<(index + 1) * columns])
    }

    /// Column `index` as an array (a copy).
    public func column(_ index: Int) -> [Double] {
        (0..<rows).map { self[$0, index] }
    }

    /// The rows as nested arrays (a copy), for export and printing.
    public var rowArrays: [[Double]] { (0..<rows).map(row) }

    /// The matrix made of the rows at `indices`, in that order (repeats allowed).
    public func selectingRows(_ indices: [Int]) -> Matrix {
        var out = [Double]()
        out.reserveCapacity(indices.count * columns)
        for index in indices {
            out.append(contentsOf: elements[index * columns..<(index + 1) * columns])
        }
        return Matrix(rows: indices.count, columns: columns, elements: out)
    }
}
