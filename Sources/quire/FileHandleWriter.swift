#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Unbuffered writes of text to a file descriptor (stdout 1, stderr 2).
enum FileHandleWriter {
    /// Writes all of `text`'s UTF-8 bytes to `descriptor`.
    static func write(_ text: String, descriptor: Int32) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                #if canImport(Glibc)
                    Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                #else
                    Darwin.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                #endif
            }
            guard written > 0 else { return }
            offset += written
        }
    }
}
