import Foundation
import QuireCore
import QuireSimulator
import QuireTestSupport
import Testing

@testable import Quire

/// One memory budget for the whole run: `--jobs` never multiplies `--max-memory-gib`.
struct MemoryBudgetTests {
    /// Units of 60% of the limit never overlap, whatever the threads; units of 30% may run three at
    /// once; every byte is returned.
    @Test(arguments: [(600, 1), (300, 3)])
    func reservationsStayWithinTheLimit(bytes: Int, most: Int) {
        let memory = MemoryBudget(limit: 1000)
        let gauge = ConcurrencyGauge()
        let results = ParallelMap.map(count: 12, budget: JobBudget(jobs: 4)) { index in
            memory.holding(bytes) {
                gauge.enter()
                defer { gauge.leave() }
                #expect(memory.inUse <= 1000)
                Thread.sleep(forTimeInterval: 0.003)
                return index
            }
        }
        #expect(results == Array(0..<12))
        #expect(gauge.peak <= most)
        #expect(memory.inUse == 0)
    }

    /// A unit asking for more than the limit holds the whole of it (it was checked against the limit
    /// on its own) instead of waiting forever.
    @Test func anOversizedUnitTakesTheWholeLimit() {
        let memory = MemoryBudget(limit: 100)
        #expect(memory.holding(1 << 40) { memory.inUse } == 100)
        #expect(memory.inUse == 0)
    }

    /// Two circuit blocks of 16 qubits (1 MiB of amplitudes each) under a 1.5 MiB limit and two
    /// jobs: they run one after the other and the document equals the one-job run.
    @Test func blocksThatTogetherExceedTheLimitTakeTurns() throws {
        let circuit = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[16];\nh q;\n"
        let document = (1...2).map { "```circuit id=c\($0) shots=0\n\(circuit)```\n\n" }.joined()
        var options = RunOptions()
        options.limits.memoryBytes = 3 << 19
        options.jobs = 2
        let parallel = try Notebook.evaluate(bytes: Array(document.utf8), file: "p.md", options: options)
        options.jobs = 1
        let serial = try Notebook.evaluate(bytes: Array(document.utf8), file: "p.md", options: options)
        #expect(parallel.failures.isEmpty && parallel.document == serial.document)
    }

    @Test func mayBranchReservesTheWholeLimit() throws {
        var options = SimulationOptions()
        options.memoryLimitBytes = 1 << 30
        let straight = try QASMReader.read("OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[3];\ncreg c[3];\nh q;\nmeasure q -> c;\n")
        let branching = try QASMReader.read("OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[3];\ncreg c[3];\nmeasure q[0] -> c[0];\nh q;\n")
        #expect(Simulator.reservedBytes(straight, options: options) < 1 << 20)
        #expect(Simulator.reservedBytes(branching, options: options) == 1 << 30)
    }
}
