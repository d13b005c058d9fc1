import QuireSimulator
import QuireTestSupport
import Testing

@testable import QuireLearning

/// The device kernel against independent truth: Qiskit Aer running the same compiled QASM with
/// `NoiseModel.from_backend` on the manila snapshot (device_circuits.json, cases manila-kernel-*,
/// from make_device_reference.py).
struct DeviceKernelAerTests {
    /// K(x, y) = P(00) of the compiled compute-uncompute circuit, diagonal and both off-diagonal
    /// orders, equals Aer's to 1e-9, and the circuit Quire evaluates is the reference's QASM.
    @Test func kernelEntriesOnManilaMatchAer() throws {
        let device = try Device.qiskit(
            configuration: Array(DeviceReference.snapshot("conf_manila.json")), properties: Array(DeviceReference.snapshot("props_manila.json")))
        let kernel = try DeviceFidelityKernel(
            encoding: try Encoding(.angle(rotation: .y, scale: 1), featureCount: 2, qubitCount: 2), device: device,
            options: CompileOptions(routingSeed: 3))
        #expect(kernel.template.activeQubits == [0, 1] && kernel.template.readQubits == [0, 1])
        let x = [[0.3, 1.2], [2.5, 0.7]]
        for (a, b) in [(0, 0), (0, 1), (1, 0)] {
            let entry = DeviceReference.named("manila-kernel-\(a)-\(b)")
            let inputs = try kernel.encoding.inputs(for: x[a]) + kernel.encoding.inputs(for: x[b])
            let qasm = kernel.template.circuit.bind(parameters: [], inputs: inputs).qasm()
            let measured = qasm.replacingOccurrences(of: "qreg q[2];\n", with: "qreg q[2];\ncreg c[2];\n") + "measure q -> c;\n"
            #expect(measured == entry.qasm, "\(qasm)")
            let value = try kernel.cross(Matrix(rows: 1, columns: 2, elements: x[a]), Matrix(rows: 1, columns: 2, elements: x[b])).elements[0]
            #expect(abs(value - entry.probabilities[0]) <= 1e-9, "\(a)-\(b): \(value) vs \(entry.probabilities[0])")
        }
    }
}
