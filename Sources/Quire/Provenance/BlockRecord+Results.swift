import OrderedCollections

extension BlockRecord {
    /// The numbers a circuit, noise or device block's record holds, by stable names, in the record's
    /// order: a circuit's outcomes (`outcome 01 / probability`, `outcome 01 / count`) and observables
    /// (`observable ZZ / noisy`, `observable ZZ / zne`), a noise or device block's parameters by
    /// their spec path (`readout.prob_meas1_prep0`). What `quire diff` compares and the MLflow
    /// export logs for blocks that record no experiment points; read from the record, never from
    /// the region's tables, so reformatting a table changes neither.
    var resultNumbers: [(name: String, value: Double)] {
        switch kind {
        case "circuit":
            var numbers: [(name: String, value: Double)] = []
            if case .object(let outcomes)? = details["outcomes"] {
                for (bitstring, entry) in outcomes {
                    numbers += Self.numbers(entry, prefix: "outcome \(bitstring) / ")
                }
            }
            if case .array(let observables)? = details["observables"] {
                for entry in observables {
                    guard case .object(var members) = entry, case .string(let label)? = members.removeValue(forKey: "observable") else {
                        continue
                    }
                    if let zne = members["zne"]?["extrapolated"] { members["zne"] = zne }
                    numbers += Self.numbers(.object(members), prefix: "observable \(label) / ")
                }
            }
            return numbers
        case "noise", "device":
            return Self.numbers(spec, prefix: "")
        default:
            return []
        }
    }

    /// Every number in `json` named by `prefix` and its dotted path (`readout.prob_meas1_prep0`).
    private static func numbers(_ json: CanonicalJSON, prefix: String) -> [(name: String, value: Double)] {
        switch json {
        case .object(let members):
            return members.flatMap { numbers($0.value, prefix: prefix + $0.key + ".") }
        case .array(let items):
            return items.enumerated().flatMap { numbers($0.element, prefix: prefix + String($0.offset) + ".") }
        case .number, .integer, .unsigned:
            return json.double.map { [(String(prefix.dropLast()), $0)] } ?? []
        default:
            return []
        }
    }
}
