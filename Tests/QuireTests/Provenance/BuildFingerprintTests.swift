import Foundation
import Testing

@testable import Quire

/// The build ID in cache keys: read from a known ELF file, absent for anything else, and a key
/// changes with it.
struct BuildFingerprintTests {
    /// A minimal ELF64 little-endian file: the header, one PT_NOTE program header, and a note area
    /// holding a vendor note first and then `NT_GNU_BUILD_ID` with descriptor `id`.
    static func elf(buildID id: [UInt8]) -> [UInt8] {
        func le(_ value: Int, _ bytes: Int) -> [UInt8] { (0..<bytes).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
        func note(type: Int, name: [UInt8], description: [UInt8]) -> [UInt8] {
            func padded(_ bytes: [UInt8]) -> [UInt8] { bytes + [UInt8](repeating: 0, count: (4 - bytes.count % 4) % 4) }
            return le(name.count, 4) + le(description.count, 4) + le(type, 4) + padded(name) + padded(description)
        }
        let notes = note(type: 1, name: Array("Xen\0".utf8), description: [1, 2, 3]) + note(type: 3, name: Array("GNU\0".utf8), description: id)
        var header = [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0] + [UInt8](repeating: 0, count: 8)
        header += le(2, 2) + le(62, 2) + le(1, 4) + le(0, 8) + le(64, 8) + le(0, 8) + le(0, 4)
        header += le(64, 2) + le(56, 2) + le(1, 2) + le(64, 2) + le(0, 2) + le(0, 2)
        let program = le(4, 4) + le(4, 4) + le(120, 8) + le(0, 8) + le(0, 8) + le(notes.count, 8) + le(notes.count, 8) + le(4, 8)
        return header + program + notes
    }

    func write(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("quire-elf-\(UUID().uuidString)").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func readsTheGNUBuildIDNote() throws {
        let id: [UInt8] = [0x7D, 0x7A, 0x09, 0x8F, 0x1C, 0xA8, 0x5E, 0x47, 0x44, 0x78, 0x27, 0x35, 0xBF, 0xAC, 0xE8, 0xD5, 0x02, 0x62, 0x5B, 0x6E]
        #expect(BuildFingerprint.elfBuildID(path: try write(Self.elf(buildID: id))) == "7d7a098f1ca85e4744782735bface8d502625b6e")
    }

    @Test func anythingElseHasNone() throws {
        let elf = Self.elf(buildID: [1, 2, 3, 4])
        #expect(BuildFingerprint.elfBuildID(path: try write(Array("# not an executable\n".utf8))) == nil)
        #expect(BuildFingerprint.elfBuildID(path: try write(Array(elf.prefix(100)))) == nil, "truncated before the notes")
        var bigEndian = elf
        bigEndian[5] = 2
        #expect(BuildFingerprint.elfBuildID(path: try write(bigEndian)) == nil)
        #expect(BuildFingerprint.elfBuildID(path: "/nonexistent/quire") == nil)
    }

    @Test func theCacheKeyChangesWithTheBuild() throws {
        let record = BlockRecord(id: "bell", kind: "circuit", spec: .object([:]), seed: 7, inputs: [:])
        let settings = try DocumentSettings(frontMatter: nil, file: "paper.md")
        #expect(BlockCache.key(record, settings: settings, build: "a") == BlockCache.key(record, settings: settings, build: "a"))
        #expect(BlockCache.key(record, settings: settings, build: "a") != BlockCache.key(record, settings: settings, build: "b"))
    }
}
