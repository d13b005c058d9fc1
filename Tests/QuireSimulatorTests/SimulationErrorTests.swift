import QuireSimulator
import Testing

/// The one error enum of the simulator: a circuit error names its statement's line and column in
/// its message, unless the caller locates it in a document of its own.
struct SimulationErrorTests {
    @Test func aCircuitErrorNamesItsStatementUnlessTheCallerLocatesIt() throws {
        let error = SimulationError.notCoupled(line: 4, column: 2, gate: .cx, qubits: [0, 2], device: "ibmq_manila")
        let position = try #require(error.circuitPosition)
        #expect(position == (4, 2))
        #expect(error.positionFreeDiagnostic.message == "cx on physical qubits 0, 2: device 'ibmq_manila' has no coupling 0 → 2")
        #expect(error.diagnostic.message == "line 4, column 2: " + error.positionFreeDiagnostic.message)
        #expect(error.diagnostic.hint == error.positionFreeDiagnostic.hint)
    }

    @Test func anErrorWithoutAStatementHasNoPosition() {
        let error = SimulationError.probabilityOutOfRange(path: "readout.prob_meas1_prep0", value: 2)
        #expect(error.circuitPosition == nil && error.diagnostic == error.positionFreeDiagnostic)
        #expect(error.diagnostic.message == "'readout.prob_meas1_prep0' is 2.0, outside 0…1")
        #expect(error.movedUp(lines: 1) == error)
    }

    @Test func movingUpShiftsOnlyTheLine() {
        let error = SimulationError.invalidQASM(line: 3, column: 7, message: "m", hint: "h")
        #expect(error.movedUp(lines: 1) == .invalidQASM(line: 2, column: 7, message: "m", hint: "h"))
    }
}
