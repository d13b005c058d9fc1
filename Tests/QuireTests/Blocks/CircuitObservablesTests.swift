import QuireCore
import QuireTestSupport
import Testing

@testable import Quire

/// `observables=` and `mitigation=` on circuit blocks: the region's section, the record, located errors.
struct CircuitObservablesTests: DocumentEvaluating {
    static let noise =
        "```noise id=lab\ndepolarizing: {one_qubit: 0.01, two_qubit: 0.05}\nreadout: {prob_meas1_prep0: 0.02, prob_meas0_prep1: 0.05}\n```\n\n"
    static let bell = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\ncreg c[2];\nh q[0];\ncx q[0], q[1];\nmeasure q -> c;\n"

    static func golden(_ name: String) -> String {
        String(#filePath.split(separator: "/", omittingEmptySubsequences: false).dropLast(2).joined(separator: "/")) + "/Golden/\(name)"
    }

    /// The whole document after a run, checked by eye when recorded: Bell values 0.95 (ZZ) and
    /// 0.99·0.95 (XX) before readout, and the readout column equal to them.
    @Test func theRegionMatchesItsGoldenFile() throws {
        let text =
            "---\nquire:\n  seed: 7\n  precision: 4\n---\n\n" + Self.noise
            + "```circuit id=bell shots=0 noise=lab observables=Z0Z1,X0X1,Z0,0.5*Z0-0.5*Z1 mitigation=readout,zne zne_scales=1,3,5\n"
            + Self.bell + "```\n\n```circuit id=sampled shots=4000 noise=lab observables=Z0Z1,Y0Y1 mitigation=readout\n" + Self.bell + "```\n"
        let outcome = GoldenFile.check(try run(text), path: Self.golden("circuit-observables.md"))
        #expect(outcome == .matches, "\(outcome)")
    }

    /// The record holds the observables, the mitigation settings and every value at full precision.
    @Test func theRecordHoldsEveryValue() throws {
        let text =
            Self.noise + "```circuit id=bell shots=0 noise=lab observables=Z0Z1 mitigation=readout,zne zne_extrapolation=linear\n" + Self.bell
            + "```\n"
        let evaluation = try Notebook.evaluate(bytes: Array(text.utf8), file: "paper.md", options: RunOptions())
        let record = try #require(evaluation.records.first { $0.id == "bell" })
        let spec = record.spec.compact()
        #expect(spec.contains(#""observables":["Z0Z1"]"#), "\(spec)")
        #expect(
            spec.contains(#""mitigation":{"readout":true,"zne":{"scale_factors":[1,3,5],"extrapolation":"linear","folding":"global"}}"#), "\(spec)")
        guard case .array(let values) = record.details["observables"], case .object(let entry) = values.first else {
            Issue.record("no observables in the record")
            return
        }
        // Depolarizing λ = 0.05 after the cx leaves ⟨Z0Z1⟩ = 0.95 before readout, which mitigation recovers.
        guard case .number(let mitigated) = entry["readout_mitigated"], case .number(let ideal) = entry["ideal"] else {
            Issue.record("values missing: \(entry)")
            return
        }
        #expect(abs(mitigated - 0.95) < 1e-12 && abs(ideal - 1) < 1e-12)
        #expect(entry["noisy"] != nil && entry["zne"] != nil)
    }

    /// A block without observables keeps its spec exactly as before (no new keys, so no notebook goes stale).
    @Test func aBlockWithoutObservablesKeepsItsSpec() throws {
        let evaluation = try Notebook.evaluate(bytes: Array("```circuit id=c\n\(Self.bell)```\n".utf8), file: "paper.md", options: RunOptions())
        let spec = evaluation.records[0].spec.compact()
        #expect(!spec.contains("observables") && !spec.contains("mitigation"))
    }

    /// Every bad value is an error at its attribute (file:line:column) with a hint.
    @Test(arguments: [
        ("observables=Z0Z5", 1, 35, "names qubit 5, but the circuit has 2 qubits"),
        ("observables=Q0", 1, 35, "'Q' where a Pauli letter"),
        ("observables=Z0Z0", 1, 35, "names qubit 0 twice"),
        ("observables=Z0+", 1, 35, "a term without a Pauli word"),
        ("observables=0.5Z0", 1, 35, "not a number followed by *"),
        ("observables=Z0,", 1, 35, "is empty"),
        ("observables=Z0 mitigation=fast", 1, 50, "'fast', not a mitigation method"),
        ("observables=Z0 mitigation=zne,zne", 1, 50, "'zne' twice"),
        ("observables=Z0 mitigation=zne zne_scales=1,2", 1, 65, "zne_scales=1,2 must be at least two distinct odd integers"),
        ("observables=Z0 mitigation=zne zne_scales=1,x", 1, 65, "not a list of whole numbers from 1 to 99"),
        ("observables=Z0 mitigation=zne zne_extrapolation=cubic", 1, 65, "zne_extrapolation=cubic is not an extrapolation"),
        ("observables=Z0 mitigation=zne zne_folding=random", 1, 65, "zne_folding=random is not a folding method"),
        ("observables=Z0 mitigation=readout zne_scales=1,3", 1, 69, "mitigation= does not list zne"),
        ("mitigation=readout", 1, 35, "mitigation= needs observables="),
    ])
    func badAttributesAreLocated(attributes: String, line: Int, column: Int, message: String) {
        let text = Self.noise + "```circuit id=c shots=0 noise=lab \(attributes)\n\(Self.bell)```\n"
        let error = error(text)
        #expect(error.hasPrefix("paper.md:\(line + 5):\(column): error:"), "\(error)")
        #expect(error.contains(message), "\(error)")
        #expect(error.contains("hint:"), "\(error)")
    }

    /// Mitigation on an ideal device has nothing to mitigate: an error at `mitigation=`.
    @Test func mitigationWithoutNoiseIsAnError() {
        let error = error("```circuit id=c observables=Z0 mitigation=readout\n\(Self.bell)```\n")
        #expect(error.hasPrefix("paper.md:1:32: error: mitigation= on an ideal device has nothing to mitigate"), "\(error)")
    }

    /// A gate after a measurement of its qubit is refused at that statement; so is a gate ZNE cannot fold.
    @Test func midCircuitMeasurementAndUnfoldableGatesAreLocatedInTheBody() {
        let measured = error(
            "```circuit id=c observables=Z0\nOPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[1];\ncreg c[1];\nmeasure q[0] -> c[0];\nh q[0];\n```\n")
        #expect(measured.hasPrefix("paper.md:7:1: error: h acts on qubit 0 after it was measured"), "\(measured)")
        let unfoldable = error(
            Self.noise
                + "```circuit id=c noise=lab observables=Z0 mitigation=zne\nOPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\ncsx q[0], q[1];\n```\n"
        )
        #expect(unfoldable.hasPrefix("paper.md:10:1: error: gate csx has no standard inverse"), "\(unfoldable)")
    }
}
