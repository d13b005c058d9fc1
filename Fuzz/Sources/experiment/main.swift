import OrderedCollections
import QuireCore

@testable import Quire

/// libFuzzer target: an `experiment` block's YAML body, decoded the way `quire run` prepares it
/// (sweep grid, dataset spec, model, training, execution, every noise and dataset reference),
/// after a noise block `lab` and a dataset block `flowers` it may name.
///
/// - No crash or hang, and every error is an `InputError` located inside the body, at the fence,
///   or inside the CSV file a dataset reference reads.
/// - Round trip: every point's canonical spec (what the provenance appendix records), written out as
///   YAML and decoded as a block body, gives the same canonical spec. What the record adds for the
///   reader only is left out of the body (`blockBody(of:)`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExperiment(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size <= 65_536 else { return 0 }
    let body = Array(UnsafeBufferPointer(start: data, count: size))
    guard let (bytes, block) = FuzzProject.document(prefix: prefix, info: "experiment id=fuzz", body: body) else { return 0 }
    switch FuzzProject.prepared(bytes) {
    case .failure(let error):
        FuzzProject.checkLocated(error, block: block)
    case .success(let prepared):
        var points = [prepared.record.spec]
        if case .object(let members) = prepared.record.spec, case .array(let items)? = members["points"] { points = items }
        for point in points { FuzzProject.checkRoundTrip(point, body: blockBody(of: point), prefix: prefix, info: "experiment id=fuzz") }
    }
    return 0
}

/// A noise block and a dataset block the fuzzed experiment may refer to.
let prefix = """
    ```noise id=lab
    depolarizing: {one_qubit: 0.001, two_qubit: 0.01}
    thermal_relaxation: {t1_us: 100, t2_us: 80, one_qubit_gate_ns: 35, two_qubit_gate_ns: 300}
    readout: {prob_meas1_prep0: 0.02, prob_meas0_prep1: 0.05}
    ```

    ```dataset id=flowers
    file: data/flowers.csv
    sha256: \(FuzzProject.sha256("data/flowers.csv"))
    label: species
    ```


    """

/// The block body a canonical spec stands for: without what the record resolves for the reader (a
/// referenced dataset block's `file` pin, `execution.noise_profile`), an inline profile in place.
func blockBody(of spec: CanonicalJSON) -> CanonicalJSON {
    guard case .object(var members) = spec else { return spec }
    if case .object(var dataset)? = members["dataset"] {
        dataset["file"] = nil
        members["dataset"] = .object(dataset)
    }
    if case .object(var execution)? = members["execution"] {
        let profile = execution.removeValue(forKey: "noise_profile")
        if execution["noise"] == .string("inline") { execution["noise"] = profile }
        members["execution"] = .object(execution)
    }
    return .object(members)
}
