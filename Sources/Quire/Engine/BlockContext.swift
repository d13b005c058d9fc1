import QuireCore
import QuireMarkdown
import QuireSimulator

/// Everything a block may read besides its own text: document settings, the noise profiles,
/// datasets and devices other blocks declare, its effective seed and the resource limits.
public struct BlockContext: Sendable {
    /// The document's settings.
    public var settings: DocumentSettings
    /// Noise profiles declared by `noise` blocks, by id: decoded, or the error that block reports.
    public var noiseProfiles: [String: Result<NoiseProfile, any Error>]
    /// Datasets declared by `dataset` blocks, by id: loaded, or the error loading raised.
    var datasets: [String: Result<DatasetBlock.Loaded, any Error>]
    /// Devices declared by `device` blocks, by id: loaded, or the error loading raised.
    var devices: [String: Result<DeviceBlock.Loaded, any Error>] = [:]
    /// Limits that protect the machine from an untrusted document.
    public var limits: Limits

    /// The decoded profile of the noise block `id`, or the error decoding it raised.
    public func profile(ofNoiseBlock id: String) throws -> NoiseProfile {
        guard let profile = noiseProfiles[id] else { preconditionFailure("noise block '\(id)' was never decoded") }
        return try profile.get()
    }

    /// The profile a block names with `noise=ID` (an attribute at `location`).
    public func profile(named id: String, at location: SourceLocation) throws -> NoiseProfile {
        guard let profile = noiseProfiles[id] else {
            let known = noiseProfiles.keys.sorted()
            throw LocatedError(
                location, "no noise block has id '\(id)'",
                hint: known.isEmpty
                    ? "declare the profile in a ```noise id=\(id)``` block" : "declared noise blocks: \(known.joined(separator: ", "))")
        }
        do { return try profile.get() } catch {
            throw LocatedError(location, "noise profile '\(id)' is invalid", hint: "fix the error reported for noise block '\(id)' first")
        }
    }

    /// The loaded dataset of the dataset block `id`, or the error loading it raised.
    func dataset(ofBlock id: String) throws -> DatasetBlock.Loaded {
        guard let loaded = datasets[id] else { preconditionFailure("dataset block '\(id)' was never loaded") }
        return try loaded.get()
    }

    /// The dataset a block names (`dataset: ID`, written at `location`).
    func dataset(named id: String, at location: SourceLocation) throws -> DatasetBlock.Loaded {
        try Self.entry(
            id, of: "dataset", in: datasets, at: location,
            declare: "declare the data in a ```dataset id=\(id)``` block, or use a generator: {name: moons}")
    }

    /// The loaded device of the device block `id`, or the error loading it raised.
    func device(ofBlock id: String) throws -> DeviceBlock.Loaded {
        guard let loaded = devices[id] else { preconditionFailure("device block '\(id)' was never loaded") }
        return try loaded.get()
    }

    /// The device a block names with `device=ID` (an attribute at `location`).
    func device(named id: String, at location: SourceLocation) throws -> DeviceBlock.Loaded {
        try Self.entry(id, of: "device", in: devices, at: location, declare: "declare the snapshot in a ```device id=\(id)``` block")
    }

    /// The entry `id` of `table` (the loaded `kind` blocks by id), named at `location`.
    ///
    /// - Throws: an error at `location` listing the declared ids (or saying how to `declare` one)
    ///   when there is no such block, or pointing at the block's own error when it failed to load.
    private static func entry<Value>(
        _ id: String, of kind: String, in table: [String: Result<Value, any Error>], at location: SourceLocation, declare: String
    ) throws -> Value {
        guard let loaded = table[id] else {
            throw LocatedError(
                location, "no \(kind) block has id '\(id)'",
                hint: table.isEmpty ? declare : "declared \(kind) blocks: \(table.keys.sorted().joined(separator: ", "))")
        }
        do { return try loaded.get() } catch {
            throw LocatedError(location, "\(kind) '\(id)' could not be loaded", hint: "fix the error reported for \(kind) block '\(id)' first")
        }
    }

    /// The effective seed of `block`: its `seed=` attribute, or derived from the document seed and its id.
    public func seed(of block: RunnableBlock) throws -> UInt64 {
        guard let attribute = block.attributes.first(where: { $0.key == "seed" }) else {
            return Seeds.blockSeed(documentSeed: settings.seed, blockID: block.id)
        }
        guard let seed = UInt64(attribute.value) else {
            throw LocatedError(attribute.location, "seed '\(attribute.value)' is not a whole number from 0 to \(UInt64.max)")
        }
        return seed
    }
}

/// Resource limits, enforced before work starts; set from the command line, never by a document.
public struct Limits: Sendable, Hashable {
    /// Largest state a simulation may allocate, in bytes. Default 8 GiB (`--max-memory-gib`).
    public var memoryBytes: Int = 8 << 30
    /// Most shots a block may request. Default 10,000,000 (`--max-shots`).
    public var shots: Int = 10_000_000
    /// Most points an experiment's sweep may have. Default 1,000 (`--max-sweep-points`).
    public var sweepPoints: Int = 1_000
    /// Most circuit evaluations an experiment's training may need, estimated before it starts as
    /// points × repeats × epochs × training samples × evaluations per gradient, or for a quantum
    /// kernel points × repeats × kernel entries. Default 10⁸
    /// (`--max-circuit-evaluations`).
    public var circuitEvaluations: Int = 100_000_000
    /// Most multiply-adds the classical baselines of an experiment may need, estimated before they
    /// start as points × repeats × grid points × (folds + 1) × the work of one fit
    /// (`BaselineGrid.estimatedOperations`). Default 10¹⁴ (`--max-baseline-operations`).
    public var baselineOperations: Int = 100_000_000_000_000

    /// The default limits.
    public init() {}
}
