import Foundation

/// The identity of the running executable's code, part of every cache key: the GNU build ID that
/// the linker writes into an ELF file (a hash of its contents), read from `/proc/self/exe`.
///
/// The version number alone would let a rebuilt Quire whose code changed but whose version did not
/// reuse results computed by the old code; the build ID changes with any change to the binary, so
/// a rebuild starts from a cold cache. Where there is none (another platform, a binary linked
/// without `--build-id`), the key rests on the version alone.
enum BuildFingerprint {
    /// The running executable's build ID in lower-case hex, read once.
    static let current: String? = elfBuildID(path: "/proc/self/exe")

    /// The `NT_GNU_BUILD_ID` note of the 64-bit little-endian ELF file at `path`, or nil when the file
    /// is not one or has no such note. Reads only the header, program headers and note segments.
    static func elfBuildID(path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        func read(_ offset: Int, _ count: Int) -> [UInt8]? {
            guard offset >= 0, (try? handle.seek(toOffset: UInt64(offset))) != nil,
                let data = try? handle.read(upToCount: count), data.count == count
            else { return nil }
            return [UInt8](data)
        }
        func u16(_ bytes: [UInt8], _ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ bytes: [UInt8], _ at: Int) -> Int { u16(bytes, at) | u16(bytes, at + 2) << 16 }
        func u64(_ bytes: [UInt8], _ at: Int) -> Int { u32(bytes, at) | u32(bytes, at + 4) << 32 }
        // ELF magic, ELFCLASS64, ELFDATA2LSB.
        guard let header = read(0, 64), header[0..<4] == [0x7F, 0x45, 0x4C, 0x46], header[4] == 2, header[5] == 1 else { return nil }
        let programHeaders = u64(header, 32), entrySize = u16(header, 54), entries = u16(header, 56)
        guard entrySize >= 56 else { return nil }
        for index in 0..<entries {
            // PT_NOTE segments (type 4): p_offset at byte 8, p_filesz at byte 32.
            guard let entry = read(programHeaders + index * entrySize, 56), u32(entry, 0) == 4 else { continue }
            let size = u64(entry, 32)
            guard size <= 1 << 16, let notes = read(u64(entry, 8), size) else { continue }
            var cursor = 0
            while cursor + 12 <= notes.count {
                let nameSize = u32(notes, cursor), descriptionSize = u32(notes, cursor + 4), type = u32(notes, cursor + 8)
                let name = cursor + 12, description = name + ((nameSize + 3) & ~3)
                guard description + descriptionSize <= notes.count else { break }
                // NT_GNU_BUILD_ID (3), owner "GNU\0".
                if type == 3, nameSize == 4, notes[name..<name + 4] == [0x47, 0x4E, 0x55, 0] {
                    return notes[description..<description + descriptionSize].map { String(format: "%02x", $0) }.joined()
                }
                cursor = description + ((descriptionSize + 3) & ~3)
            }
        }
        return nil
    }
}
