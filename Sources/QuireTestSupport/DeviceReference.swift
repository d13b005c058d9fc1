import Foundation

/// The device snapshots and Aer's probabilities on them that several test targets compare against
/// (Tests/QuireSimulatorTests/Reference: devices/ and device_circuits.json from
/// make_device_reference.py).
public enum DeviceReference {
    /// One circuit on one snapshot and Aer's exact probabilities for it.
    public struct Case: Decodable, Sendable {
        /// The case's name (`manila-3q`).
        public var name: String
        /// The snapshot: `conf_<device>.json` and `props_<device>.json` in devices/.
        public var device: String
        /// The circuit, OpenQASM 2, measuring every qubit.
        public var qasm: String
        /// Aer's probabilities with readout error, index bit q = qubit q.
        public var probabilities: [Double]
    }

    private struct File: Decodable {
        var cases: [Case]
    }

    /// The reference folder.
    public static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Tests/QuireSimulatorTests/Reference")

    /// Every case of device_circuits.json, read once.
    public static let cases: [Case] = {
        let url = folder.appendingPathComponent("device_circuits.json")
        do {
            return try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases
        } catch {
            fatalError("cannot read \(url.path): \(error)")
        }
    }()

    /// The case named `name`.
    public static func named(_ name: String) -> Case {
        guard let found = cases.first(where: { $0.name == name }) else { fatalError("no device reference case \(name)") }
        return found
    }

    /// The bytes of the snapshot file `devices/<file>`.
    public static func snapshot(_ file: String) -> Data {
        let url = folder.appendingPathComponent("devices/\(file)")
        guard let data = FileManager.default.contents(atPath: url.path) else { fatalError("cannot read \(url.path)") }
        return data
    }
}
