import QuireSimulator
import QuireTestSupport
import Testing

/// Readout confusion applied to probability vectors. Tolerance 1e-15: a few products of exact decimals.
@Suite struct ReadoutTests {
    @Test func fieldsMeanWhatAerMeans() {
        // Aer's ReadoutError.probabilities[i][j] = P(read j | prepared i); one qubit prepared in |i⟩.
        for entry in NoiseReference.shared.readout {
            let noise = NoiseModel(
                profile: NoiseProfile(
                    readout: .init(
                        probMeas1Prep0: entry.probMeas1Prep0,
                        probMeas0Prep1: entry.probMeas0Prep1)))
            for prepared in 0..<2 {
                var probabilities = [0.0, 0.0]
                probabilities[prepared] = 1
                noise.applyReadout(to: &probabilities, qubitCount: 1)
                #expect(allClose(probabilities, entry.probabilities[prepared], tolerance: 1e-15))
            }
        }
    }

    @Test func twoQubitsByHand() {
        // Qubit 0: p(1|0) = 0.02, p(0|1) = 0.05; qubit 1: p(1|0) = 0.1, p(0|1) = 0.25. Prepared
        // P(00, 01, 10, 11) = (0.1, 0.2, 0.3, 0.4), index bit 0 = qubit 0.
        // After qubit 0: (0.98·0.1 + 0.05·0.2, 0.02·0.1 + 0.95·0.2, 0.98·0.3 + 0.05·0.4, 0.02·0.3 + 0.95·0.4)
        //              = (0.108, 0.192, 0.314, 0.386)
        // After qubit 1: (0.9·0.108 + 0.25·0.314, 0.9·0.192 + 0.25·0.386, 0.1·0.108 + 0.75·0.314, 0.1·0.192 + 0.75·0.386)
        //              = (0.1757, 0.2693, 0.2463, 0.3087)
        let noise = NoiseModel(
            profile: NoiseProfile(
                readout: .init(probMeas1Prep0: 0.02, probMeas0Prep1: 0.05),
                qubits: [1: .init(readout: .init(probMeas1Prep0: 0.1, probMeas0Prep1: 0.25))]))
        var probabilities = [0.1, 0.2, 0.3, 0.4]
        noise.applyReadout(to: &probabilities, qubitCount: 2)
        #expect(allClose(probabilities, [0.1757, 0.2693, 0.2463, 0.3087], tolerance: 1e-15))
        // The same numbers from numpy with Aer's assignment matrices (kron(M1, M0)).
        let reference = NoiseReference.shared.readoutTwoQubits
        #expect(reference.prepared == [0.1, 0.2, 0.3, 0.4])
        #expect(allClose(probabilities, reference.read, tolerance: 1e-15))
    }

    @Test func qubitsWithoutErrorAreUntouched() {
        let noise = NoiseModel(profile: NoiseProfile(qubits: [1: .init(readout: .init(probMeas1Prep0: 0.5, probMeas0Prep1: 0))]))
        var probabilities = [0.5, 0.25, 0, 0, 0, 0, 0.25, 0]  // three qubits
        noise.applyReadout(to: &probabilities, qubitCount: 3)
        // Qubit 1 prepared 0 reads 1 half the time; qubits 0 and 2 unchanged.
        #expect(probabilities == [0.25, 0.125, 0.25, 0.125, 0, 0, 0.25, 0])
        var ideal = [0.5, 0.5]
        NoiseModel(profile: NoiseProfile()).applyReadout(to: &ideal, qubitCount: 1)
        #expect(ideal == [0.5, 0.5])
    }
}
