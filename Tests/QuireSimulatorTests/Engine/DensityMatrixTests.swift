import Testing

@testable import QuireSimulator

/// The density-matrix engine against the statevector engine and Qiskit Aer's density_matrix method.
struct DensityMatrixTests {
    static func probabilities(_ circuit: Circuit, noise: NoiseProfile? = nil, threads: Int = 1) throws -> [Double] {
        try Simulator.run(circuit, options: SimulationOptions(method: .densityMatrix, threads: threads, noise: noise)).probabilities
    }

    /// Noiseless: the diagonal of ρ equals |ψ|² of the statevector engine (1e-12: rounding only).
    @Test(arguments: ReferenceData.circuits["statevector"]!.filter { $0.circuit.qubitCount <= 7 })
    func agreesWithStatevector(_ reference: ReferenceData.CircuitCase) throws {
        let pure = try Simulator.run(reference.circuit, options: SimulationOptions(method: .statevector)).probabilities
        #expect(maxDifference(try Self.probabilities(reference.circuit), pure) <= 1e-12)
    }

    /// Aer's depolarizing_error(λ, k) after every one- and two-qubit gate, to 1e-9.
    @Test(arguments: ReferenceData.circuits["depolarizing"]!)
    func depolarizingMatchesAer(_ reference: ReferenceData.CircuitCase) throws {
        let noise = NoiseProfile(depolarizing: .init(oneQubit: reference.lambdas.0, twoQubit: reference.lambdas.1))
        let p = try Self.probabilities(reference.circuit, noise: noise)
        #expect(maxDifference(p, reference.probabilities) <= 1e-9)
        #expect(try Self.probabilities(reference.circuit, noise: noise, threads: 2) == p)
        // And the noise matters at this tolerance: the ideal result is far away.
        #expect(maxDifference(try Self.probabilities(reference.circuit), reference.probabilities) > 1e-4)
    }

    @Test(arguments: ReferenceData.circuits["midcircuit"]!)
    func midCircuitMatchesAer(_ reference: ReferenceData.CircuitCase) throws {
        #expect(maxDifference(try Self.probabilities(reference.circuit), reference.probabilities) <= 1e-10)
    }

    /// X then depolarizing λ on one qubit: ⟨Z⟩ = −(1 − λ) exactly; ⟨X⟩ = 0.
    @Test func depolarizedExpectation() throws {
        let lambda = 0.1
        let circuit = makeCircuit(qubits: 1, [gate(.x, 0)])
        let rho = try DensityMatrix(circuit: circuit, options: SimulationOptions(noise: NoiseProfile(depolarizing: .init(oneQubit: lambda))))
        #expect(abs(try rho.expectation(of: PauliString("Z")) + (1 - lambda)) <= 1e-15)
        #expect(abs(try rho.expectation(of: PauliString("X"))) <= 1e-15)
        #expect(abs(rho.probabilities()[1] - (1 - lambda / 2)) <= 1e-15)
    }
}
