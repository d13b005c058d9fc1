extension MarkdownSource {
    /// The offset of every byte that is not part of a well-formed UTF-8 sequence (Unicode 15,
    /// §3.9, table 3-7: no overlong forms, surrogates or scalars past U+10FFFF), in order.
    ///
    /// cmark-gfm does not check its input: an invalid byte stops its scanners, so an info string
    /// holding one opens no fence, and an HTML comment holding one never ends (`QuireDocument`).
    func invalidUTF8Offsets() -> [Int] {
        var invalid: [Int] = []
        var index = 0
        let count = bytes.count
        bytes.withUnsafeBufferPointer { buffer in
            while index < count {
                let lead = buffer[index]
                if lead < 0x80 {
                    index += 1
                    continue
                }
                let length = Self.sequenceLength(buffer, at: index)
                if length == 0 {
                    invalid.append(index)
                    index += 1
                } else {
                    index += length
                }
            }
        }
        return invalid
    }

    /// The length of the well-formed multi-byte sequence starting at `index`, or 0.
    private static func sequenceLength(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let lead = buffer[index]
        // The range the second byte must fall in, and the number of bytes, by lead byte.
        let second: ClosedRange<UInt8>
        let length: Int
        switch lead {
        case 0xC2...0xDF: (second, length) = (0x80...0xBF, 2)
        case 0xE0: (second, length) = (0xA0...0xBF, 3)
        case 0xE1...0xEC, 0xEE...0xEF: (second, length) = (0x80...0xBF, 3)
        case 0xED: (second, length) = (0x80...0x9F, 3)
        case 0xF0: (second, length) = (0x90...0xBF, 4)
        case 0xF1...0xF3: (second, length) = (0x80...0xBF, 4)
        case 0xF4: (second, length) = (0x80...0x8F, 4)
        default: return 0
        }
        guard index + length <= buffer.count, second.contains(buffer[index + 1]) else { return 0 }
        for offset in 2..<length where !(0x80...0xBF).contains(buffer[index + offset]) { return 0 }
        return length
    }
}
