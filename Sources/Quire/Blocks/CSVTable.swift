import QuireCore

/// A CSV file read strictly (RFC 4180: comma separator, `"` quoting with `""` escapes, LF or CRLF
/// rows), header row first: what a `dataset` block's `file` holds.
struct CSVTable {
    /// Column names from the header row.
    var header: [String]
    /// Data rows, each as long as the header.
    var rows: [[String]]

    /// Most data rows read.
    static let maxRows = 1_000_000

    /// Parses `bytes`; `locate(line)` gives errors a place in the CSV file.
    static func parse(_ bytes: [UInt8], locate: (Int) -> SourceLocation) throws -> CSVTable {
        var records: [[String]] = []
        var field: [UInt8] = []
        var record: [String] = []
        var quoted = false
        var line = 1
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        func endField() {
            record.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        while index < bytes.count {
            let byte = bytes[index]
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if byte == 0x0A { line += 1 }
                    field.append(byte)
                }
            } else if byte == UInt8(ascii: "\"") && field.isEmpty {
                quoted = true
            } else if byte == UInt8(ascii: ",") {
                endField()
            } else if byte == 0x0A || byte == 0x0D {
                if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                endField()
                if !(record.count == 1 && record[0].isEmpty) { records.append(record) }
                record = []
                line += 1
                guard records.count <= maxRows + 1 else {
                    throw LocatedError(locate(line), "more than \(maxRows) rows", hint: "Quire reads CSV datasets of at most \(maxRows) rows")
                }
            } else {
                field.append(byte)
            }
            index += 1
        }
        if quoted { throw LocatedError(locate(line), "a quoted field is never closed", hint: "close the field with a double quote") }
        if !field.isEmpty || !record.isEmpty {
            endField()
            records.append(record)
        }
        guard let header = records.first else { throw LocatedError(locate(1), "the file is empty", hint: "the first row names the columns") }
        for (offset, row) in records.enumerated().dropFirst() where row.count != header.count {
            throw LocatedError(locate(offset + 1), "row \(offset + 1) has \(row.count) fields, the header has \(header.count)")
        }
        return CSVTable(header: header, rows: Array(records.dropFirst()))
    }
}
