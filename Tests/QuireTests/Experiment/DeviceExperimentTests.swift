import Foundation
import QuireCore
import QuireSimulator
import Testing

@testable import Quire

/// Experiments on a device (`execution.device`): compiled, run with the device's noise, recorded;
/// bad combinations are errors located in the block, the document untouched.
struct DeviceExperimentTests {
    /// A 3-qubit line whose calibration has no gate errors and no readout error: an ideal device.
    static let ideal = """
        ```device id=ideal
        native_gates: [rz, sx, x, cx]
        coupling_map: [[0, 1], [1, 0], [1, 2], [2, 1]]
        qubits:
          - {t1_us: 100, t2_us: 80}
          - {t1_us: 100, t2_us: 80}
          - {t1_us: 100, t2_us: 80}
        ```

        """

    /// An experiment block on line 12 of a document that starts with `DeviceBlockTests.line`
    /// (body from line 13, `execution` on line 16).
    static func experiment(execution: String, model: String = "{kind: variational, qubits: 3, layers: 1}", extra: String = "") -> String {
        """
        ```experiment id=e
        dataset: {name: moons, samples: 24, noise: 0.1}
        model: \(model)
        train: {epochs: 2, batch_size: 8}
        execution: \(execution)
        baselines: []
        \(extra)```

        """
    }

    /// The region of experiment `e` in `text`.
    static func region(_ text: String) -> String {
        text.components(separatedBy: "<!-- quire:output id=e -->").last?.components(separatedBy: "<!-- /quire:output").first ?? ""
    }

    /// The model's row in a region's metrics table.
    static func modelRow(_ text: String) -> String {
        region(text).split(separator: "\n").first { $0.hasPrefix("| variational") }.map(String.init) ?? ""
    }

    /// On the noisy line the model trains under the device's noise (density matrix), and the region,
    /// record and figures folder say what compilation did; the spec records the device's content hash.
    @Test func experimentRunsCompiledOnTheDevice() throws {
        let out = DeviceBlockTests().run(DeviceBlockTests.line + Self.experiment(execution: "{device: line, layout: noise-aware, optimization: 2}"))
        #expect(out.error == nil, "\(out.error ?? "")")
        let region = Self.region(out.text)
        #expect(region.contains("Compiled for `line`: noise-aware layout ["), "\(region)")
        #expect(region.contains("optimisation level 2") && region.contains("[Compiled circuit](paper.figures/e-compiled.qasm)"))
        #expect(out.text.contains("\"device_sha256\""))
        #expect(out.text.contains("\"compilation\"") && out.text.contains("\"qasm_sha256\""))
        #expect(out.text.contains("| `e`    | experiment |") && out.text.contains("density-matrix"))
    }

    /// On an ideal device the compiled model is the logical one up to rounding, SWAPs and all
    /// (DeviceTemplateTests), so training gives the same printed accuracies as the logical model.
    @Test func idealDeviceReproducesTheLogicalModel() throws {
        let logical = DeviceBlockTests().run(Self.ideal + Self.experiment(execution: "{engine: auto}"))
        let device = DeviceBlockTests().run(Self.ideal + Self.experiment(execution: "{device: ideal, routing_seed: 5}"))
        #expect(logical.error == nil && device.error == nil, "\(logical.error ?? "") \(device.error ?? "")")
        #expect(!Self.modelRow(logical.text).isEmpty)
        #expect(Self.modelRow(device.text) == Self.modelRow(logical.text))
        #expect(Self.region(device.text).contains("routing seed 5."))
    }

    /// An ideal 3-qubit line `id` with `nativeGates` (as written in a device block).
    static func idealLine(id: String, nativeGates: String) -> String {
        ideal.replacingOccurrences(of: "id=ideal", with: "id=\(id)").replacingOccurrences(of: "[rz, sx, x, cx]", with: nativeGates)
    }

    /// Devices whose compiled gates are ecr, IonQ's gpi, gpi2 and ms, or u3 run the model (once
    /// refused) and print the logical model's accuracies, as the ideal cx device does; the IonQ-like
    /// device's compiled QASM says its variable rz are virtual.
    @Test(arguments: ["[rz, sx, x, ecr]", "[gpi, gpi2, ms]", "[u3, cx]"])
    func everyNativeBasisRunsTheModel(nativeGates: String) throws {
        let logical = DeviceBlockTests().run(Self.ideal + Self.experiment(execution: "{engine: auto}"))
        let device = DeviceBlockTests().run(Self.idealLine(id: "other", nativeGates: nativeGates) + Self.experiment(execution: "{device: other}"))
        #expect(device.error == nil, "\(device.error ?? "")")
        #expect(!Self.modelRow(logical.text).isEmpty)
        #expect(Self.modelRow(device.text) == Self.modelRow(logical.text))
    }

    /// The compiled template's QASM of a device without native rz says its variable rz are virtual;
    /// an IBM device's does not.
    @Test func virtualRzIsRecordedInTheQASM() throws {
        let circuit = try ParameterizedCircuit(
            qubitCount: 2, parameterCount: 1, inputCount: 0,
            gates: [ParameterizedGate(.ry, [0], angle: .parameter(0)), ParameterizedGate(.cx, [0, 1])])
        for (gates, virtual) in [([StandardGate.gpi, .gpi2, .ms], true), ([.rz, .sx, .x, .cx], false)] {
            let device = Device(
                name: "d", nativeGates: gates, couplingMap: [Device.Edge(0, 1)],
                qubits: Array(
                    repeating: Device.Qubit(t1Microseconds: 100, t2Microseconds: 80, readout: .init(probMeas1Prep0: 0, probMeas0Prep1: 0)), count: 2),
                gates: [])
            let execution = DeviceExecution(
                name: "d", device: device, sha256: "", options: CompileOptions(), location: SourceLocation(file: "p.md", line: 1, column: 1))
            let qasm = execution.compilation(of: try execution.template(for: circuit)).qasm
            #expect(qasm.contains("each variable rz is virtual") == virtual, "\(qasm)")
            #expect(qasm.contains("rz(0.0) q["))
        }
    }

    /// A sweep over device blocks and compilation options: one row per point, one QASM file per point.
    @Test func sweepOverDevicesAndCompilers() throws {
        let out = DeviceBlockTests().run(
            DeviceBlockTests.line + Self.ideal
                + Self.experiment(
                    execution: "{device: line}", extra: "sweep: {execution.device: [line, ideal], execution.optimization: [0, 2]}\n"))
        #expect(out.error == nil, "\(out.error ?? "")")
        let region = Self.region(out.text)
        #expect(region.contains("| `execution.device` | `execution.optimization` |"), "\(region)")
        #expect(region.contains("ideal") && region.contains("line"))
        #expect(out.text.contains("\"compilations\""))
    }

    /// Bad input: each a located error with a hint, the document untouched.
    @Test(arguments: [
        ("{device: nowhere}", "paper.md:16:21: error: no device block has id 'nowhere'"),
        (
            "{device: line, noise: {readout: {prob_meas1_prep0: 0.1, prob_meas0_prep1: 0.1}}}",
            "paper.md:16:34: error: execution.noise and execution.device are both given"
        ),
        ("{layout: noise-aware}", "paper.md:16:21: error: execution.layout steers compilation for a device"),
        ("{device: line, optimization: 3}", "paper.md:16:41: error: 'execution.optimization' is 3, outside 0…2"),
        ("{device: line, mitigation: {readout: true}}", "paper.md:16:39: error: error mitigation is not supported with execution.device"),
    ])
    func badExecutionIsLocated(execution: String, message: String) throws {
        let out = DeviceBlockTests().run(DeviceBlockTests.line + Self.experiment(execution: execution))
        #expect(out.error?.contains(message) == true, "\(out.error ?? "")")
        #expect(out.untouched)
    }

    /// A model wider than the device is refused at `execution.device`.
    @Test func unsupportedModelsAreLocated() throws {
        let wide = DeviceBlockTests().run(
            DeviceBlockTests.line + Self.experiment(execution: "{device: line}", model: "{kind: variational, qubits: 4}"))
        #expect(
            wide.error?.contains("paper.md:16:21: error: the model's circuit has 4 qubits, more than the 3 of device 'line'") == true,
            "\(wide.error ?? "")")
        #expect(wide.untouched)
    }
}
