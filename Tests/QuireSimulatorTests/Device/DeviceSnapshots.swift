import Foundation
import QuireSimulator

/// The Qiskit snapshots in Reference/devices (see ORIGIN.md there), read once.
enum DeviceSnapshots {
    /// The bytes of `Reference/devices/<file>`.
    static func bytes(_ file: String) -> [UInt8] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Reference/devices/\(file)")
        guard let data = try? Data(contentsOf: url) else { fatalError("cannot read \(url.path)") }
        return Array(data)
    }

    /// The device of `conf_<name>.json` and `props_<name>.json`.
    static func device(_ name: String) throws -> Device {
        try Device.qiskit(configuration: bytes("conf_\(name).json"), properties: bytes("props_\(name).json"))
    }

    /// The JSON text of `props_<name>.json` with `edit` applied, for malformed variants.
    static func editedProperties(_ name: String, _ edit: (String) -> String) -> [UInt8] {
        Array(edit(String(decoding: bytes("props_\(name).json"), as: UTF8.self)).utf8)
    }
}
