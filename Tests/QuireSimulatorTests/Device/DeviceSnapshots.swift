import QuireSimulator
import QuireTestSupport

/// The Qiskit snapshots in Reference/devices (see ORIGIN.md there) as devices.
enum DeviceSnapshots {
    /// The bytes of `Reference/devices/<file>`.
    static func bytes(_ file: String) -> [UInt8] {
        Array(DeviceReference.snapshot(file))
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
