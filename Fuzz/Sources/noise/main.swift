import Quire
import QuireCore
import QuireSimulator

/// libFuzzer target: every error of the YAML noise-profile decoder is located inside the input, and
/// every profile it accepts passes validation and yields
/// trace-preserving channels (Σ K†K = I to 1e-9, every entry finite) after one- and two-qubit gates,
/// on the global qubits and on every overridden one.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNoise(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size <= 65_536 else { return 0 }
    let yaml = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let profile: NoiseProfile
    do {
        profile = try NoiseProfileDecoder.decode(yaml: yaml, file: "fuzz.yaml")
    } catch let error as LocatedError {
        guard let location = error.diagnostic.location else { fatalError("unlocated error: \(error)") }
        checkInside(location, lines: textLines(Array(yaml.utf8)), error)
        return 0
    } catch {
        fatalError("the decoder threw an error without a location: \(error)")
    }
    let overridden = profile.qubits.keys.sorted()
    let qubits = Array(Set([0, 1] + overridden)).sorted()
    do {
        try profile.validate(qubitCount: qubits.last! + 1)
    } catch {
        fatalError("the decoder accepted a profile the validator rejects: \(error)")
    }
    let model = NoiseModel(profile: profile)
    var channels: [QuantumChannel] = []
    for qubit in qubits {
        channels += model.channels(after: .x, on: [qubit])
        let partner = qubit == 0 ? 1 : 0
        channels += model.channels(after: .cx, on: [qubit, partner])
        channels += model.channels(after: .cx, on: [partner, qubit])
    }
    for channel in channels {
        let finite = channel.krausOperators.allSatisfy { $0.elements.allSatisfy { $0.real.isFinite && $0.imaginary.isFinite } }
        guard finite, channel.completenessError <= 1e-9 else {
            fatalError("non-physical channel on \(channel.qubits): Σ K†K deviates by \(channel.completenessError) for \(profile)")
        }
    }
    return 0
}
