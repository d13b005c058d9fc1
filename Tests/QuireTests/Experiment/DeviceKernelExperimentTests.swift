import Foundation
import QuireCore
import QuireLearning
import QuireSimulator
import Testing

@testable import Quire

/// The quantum-kernel model on a device (`model: {kind: kernel}` with `execution.device`): the
/// compute-uncompute circuit compiled once and evaluated on the device's noisy density matrix.
struct DeviceKernelExperimentTests {
    /// A kernel experiment on `execution` (no `train`: a kernel model is not trained).
    static func experiment(execution: String) -> String {
        DeviceExperimentTests.experiment(execution: execution, model: "{kind: kernel}").replacingOccurrences(
            of: "train: {epochs: 2, batch_size: 8}\n", with: "")
    }

    /// The kernel model's row in a region's metrics table.
    static func kernelRow(_ text: String) -> String {
        DeviceExperimentTests.region(text).split(separator: "\n").first { $0.hasPrefix("| quantum kernel") }.map(String.init) ?? ""
    }

    /// On the noisy line the kernel runs on the density matrix, its compiled compute-uncompute
    /// circuit and the kernel's definition are recorded, the QASM written beside the figures, and the document is the same with 1 and 2 jobs.
    @Test func kernelRunsOnTheDeviceDeterministically() throws {
        let document = DeviceBlockTests.line + Self.experiment(execution: "{device: line}")
        var two = RunOptions()
        two.jobs = 2
        let one = DeviceBlockTests().run(document)
        let parallel = DeviceBlockTests().run(document, options: two)
        #expect(one.error == nil && parallel.error == nil, "\(one.error ?? "") \(parallel.error ?? "")")
        #expect(!Self.kernelRow(one.text).isEmpty, "\(DeviceExperimentTests.region(one.text))")
        #expect(Self.kernelRow(one.text).contains("fidelity kernel on device line"))
        #expect(DeviceExperimentTests.region(one.text).contains("[Compiled circuit](paper.figures/e-compiled.qasm)"))
        #expect(one.text.contains("\"compilation\"") && one.text.contains("\"qasm_sha256\"") && one.text.contains("density-matrix"))
        #expect(one.text.contains("\"kernel\": \"K(x, y) = P(0…0) after U(x) then U(y)†"))
        #expect(one.text == parallel.text)
    }

    /// The compiled compute-uncompute QASM's comment says which variable angles encode x and which
    /// x′ (inputs x then x′), not the variational model's "θ trained parameters, u the encoded inputs".
    @Test func kernelQASMNamesBothSamplesInputs() throws {
        let device = Device(
            name: "d", nativeGates: [.rz, .sx, .x, .cx], couplingMap: [Device.Edge(0, 1)],
            qubits: Array(
                repeating: Device.Qubit(t1Microseconds: 100, t2Microseconds: 80, readout: .init(probMeas1Prep0: 0, probMeas0Prep1: 0)), count: 2),
            gates: [])
        let execution = DeviceExecution(
            name: "d", device: device, sha256: "", options: CompileOptions(), location: SourceLocation(file: "p.md", line: 1, column: 1))
        let encoding = try Encoding(.angle(rotation: .y, scale: 1), featureCount: 2)
        let kernel = try execution.kernel(for: encoding, threads: 1)
        let qasm = execution.compilation(of: kernel.template, kernelInputs: encoding.circuit.inputCount).qasm
        #expect(qasm.contains("// variable rz angles, in order (u0 … u1 the encoded inputs of x, u2 … u3 those of x′): "), "\(qasm)")
        #expect(!qasm.contains("θ"))
    }

    /// On a device without noise the kernel entries are the exact ones up to rounding, so the
    /// printed accuracies are those of the kernel without a device.
    @Test func idealDeviceReproducesTheExactKernel() throws {
        let exact = DeviceBlockTests().run(DeviceExperimentTests.ideal + Self.experiment(execution: "{engine: auto}"))
        let device = DeviceBlockTests().run(DeviceExperimentTests.ideal + Self.experiment(execution: "{device: ideal}"))
        #expect(exact.error == nil && device.error == nil, "\(exact.error ?? "") \(device.error ?? "")")
        let columns = { (row: String) in row.split(separator: "|").dropFirst(2).dropLast().map(String.init) }
        let exactRow = Self.kernelRow(exact.text), deviceRow = Self.kernelRow(device.text)
        #expect(!exactRow.isEmpty && !deviceRow.isEmpty)
        #expect(columns(exactRow).prefix(2) == columns(deviceRow).prefix(2), "\(exactRow)\n\(deviceRow)")
    }

    /// A kernel whose density matrices are over the memory limit is refused at `model`, exit 2,
    /// the document untouched; the same kernel without a device fits (one worker: 8,392 bytes on
    /// the device, 7,936 without).
    @Test func tooLargeDeviceKernelIsLocated() throws {
        var options = RunOptions()
        options.limits.memoryBytes = 8_200
        let exact = DeviceBlockTests().run(DeviceBlockTests.line + Self.experiment(execution: "{engine: auto}"), options: options)
        #expect(exact.error == nil, "\(exact.error ?? "")")
        let device = DeviceBlockTests().run(DeviceBlockTests.line + Self.experiment(execution: "{device: line}"), options: options)
        #expect(device.error?.contains("paper.md:14:8: error: the quantum kernel") == true, "\(device.error ?? "")")
        #expect(device.error?.contains("a density matrix of up to 3 qubits per worker") == true)
        #expect(device.untouched)
    }

    /// The device kernel costs one density evaluation per entry and no states: 16 training and 8
    /// test rows are 16·17/2 + 8·16 = 264 evaluations (the exact kernel 24 states more), so 264
    /// runs it and 263 refuses it.
    @Test func deviceKernelEvaluationsAreCounted() throws {
        func run(_ execution: String, limit: Int) -> (text: String, error: String?, untouched: Bool) {
            var options = RunOptions()
            options.limits.circuitEvaluations = limit
            return DeviceBlockTests().run(DeviceBlockTests.line + Self.experiment(execution: execution), options: options)
        }
        #expect(run("{device: line}", limit: 264).error == nil)
        let refused = run("{device: line}", limit: 263)
        #expect(refused.error?.contains("would need about 264 circuit evaluations") == true, "\(refused.error ?? "")")
        #expect(refused.untouched)
        #expect(run("{engine: auto}", limit: 264).error?.contains("would need about 288 circuit evaluations") == true)
    }
}
