@testable import Quire

/// libFuzzer target: a `dataset` block's YAML body, loaded the way `quire run` loads it (path
/// confinement, SHA-256 pin, label, features and classes) against the CSV files of `FuzzProject`.
///
/// - No crash or hang, and every error is an `InputError` located inside the body, at the fence,
///   or inside the CSV file the body names.
/// - Round trip: the canonical spec (what the provenance appendix records), written out as YAML
///   and loaded as a block body, gives the same canonical spec.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDataset(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size <= 65_536 else { return 0 }
    let body = Array(UnsafeBufferPointer(start: data, count: size))
    guard let (bytes, block) = FuzzProject.document(prefix: "", info: "dataset id=fuzz", body: body) else { return 0 }
    switch FuzzProject.prepared(bytes) {
    case .failure(let error): FuzzProject.checkLocated(error, block: block)
    case .success(let prepared): FuzzProject.checkRoundTrip(prepared.record.spec, body: prepared.record.spec, prefix: "", info: "dataset id=fuzz")
    }
    return 0
}
