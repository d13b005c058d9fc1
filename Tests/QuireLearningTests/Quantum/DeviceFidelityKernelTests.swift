import QuireSimulator
import Testing

@testable import QuireLearning

/// The fidelity kernel on a device (compute-uncompute, exact density matrix with the device's noise).
struct DeviceFidelityKernelTests {
    /// A 5-qubit line with `nativeGates`; `noisy` calibrates every native gate but rz (error, duration)
    /// and gives asymmetric readout errors.
    static func line(_ nativeGates: [StandardGate], noisy: Bool) -> Device {
        let edges = (0..<4).map { Device.Edge($0, $0 + 1) }
        let readout = NoiseProfile.Readout(probMeas1Prep0: noisy ? 0.02 : 0, probMeas0Prep1: noisy ? 0.05 : 0)
        var gates: [Device.GateCalibration] = []
        for gate in nativeGates where noisy && gate != .rz {
            let sites = gate.qubitCount == 2 ? edges.map { [$0.first, $0.second] } : (0..<5).map { [$0] }
            gates += sites.map { Device.GateCalibration(gate: gate, qubits: $0, error: gate.qubitCount == 2 ? 0.02 : 0.002, durationNanoseconds: 40) }
        }
        return Device(
            name: "line", nativeGates: nativeGates, couplingMap: edges,
            qubits: (0..<5).map { Device.Qubit(t1Microseconds: 90 + Double($0), t2Microseconds: 70, readout: readout) }, gates: gates)
    }

    /// Six 3-feature samples in [0, π).
    static let features = Matrix(
        (0..<6).map { (i: Int) -> [Double] in (0..<3).map { (j: Int) -> Double in 0.28 * Double((i * 7 + j * 3) % 11) } })

    /// On a noise-free device, for IQP (needs SWAPs on a line: rzz between non-neighbours) and angle
    /// encodings on IBM, IonQ-like and u3 bases, the training and cross matrices equal the logical
    /// exact fidelity kernel's to 1e-10.
    @Test(arguments: [[StandardGate.rz, .sx, .x, .cx], [.rz, .sx, .x, .ecr], [.gpi, .gpi2, .ms], [.u3, .cx]])
    func noiseFreeDeviceKernelEqualsTheExactKernel(nativeGates: [StandardGate]) throws {
        for kind in [Encoding.Kind.iqp(reps: 2), .angle(rotation: .y, scale: 1)] {
            let encoding = try Encoding(kind, featureCount: 3)
            let exact = FidelityKernel(encoding: encoding)
            let device = try DeviceFidelityKernel(
                encoding: encoding, device: Self.line(nativeGates, noisy: false),
                options: CompileOptions(layout: .trivial, routingSeed: 3, optimizationLevel: 1),
                threads: 2)
            let gram = try device.gram(Self.features)
            let expected = exact.gram(try exact.states(Self.features))
            let test = Self.features.selectingRows([1, 4])
            let cross = try device.cross(test, Self.features)
            let expectedCross = exact.cross(try exact.states(test), try exact.states(Self.features))
            let values: [Double] = gram.elements + cross.elements
            let truths: [Double] = expected.elements + expectedCross.elements
            for (value, truth) in zip(values, truths) {
                #expect(Swift.abs(value - truth) <= 1e-10, "\(value) vs \(truth)")
            }
        }
    }

    /// On a noisy device the training matrix is symmetric with a diagonal below 1, and it does not
    /// depend on the thread count.
    @Test func noisyDeviceKernelIsSymmetricAndThreadIndependent() throws {
        let encoding = try Encoding(.iqp(reps: 1), featureCount: 3)
        let device = Self.line([.rz, .sx, .x, .ecr], noisy: true)
        let one = try DeviceFidelityKernel(encoding: encoding, device: device, options: CompileOptions(), threads: 1).gram(Self.features)
        let three = try DeviceFidelityKernel(encoding: encoding, device: device, options: CompileOptions(), threads: 3).gram(Self.features)
        #expect(one.elements == three.elements)
        for i in 0..<one.rows {
            #expect(one[i, i] < 0.99 && one[i, i] > 0.5)
            for j in 0..<one.columns { #expect(one[i, j] == one[j, i]) }
        }
    }
}
