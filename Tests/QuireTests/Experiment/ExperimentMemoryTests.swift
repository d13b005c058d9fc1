import Foundation
import QuireCore
import QuireKernels
import Testing

@testable import Quire

/// The memory a repeat is estimated to hold (`ExperimentSpec.estimatedRepeatBytes`) against what it
/// allocates, counted at the allocation sites (`AllocationGauge`: amplitude buffers and adjoint
/// snapshots), and what follows from it: refusals located in the document, and the threads a repeat runs on.
struct ExperimentMemoryTests {
    /// An inline depolarizing profile.
    static let noise = "noise: {depolarizing: {one_qubit: 0.01, two_qubit: 0.02}}"

    /// A spec on 16 moons samples with `model`, `execution` and `train` and no baselines.
    static func spec(model: String, execution: String, train: String?, dataset: String = "{name: moons, samples: 16, noise: 0.1}") throws
        -> ExperimentSpec
    {
        try ExperimentReportTests.spec(
            "dataset: \(dataset)\nmodel: \(model)\n" + (train.map { "train: \($0)\n" } ?? "") + "execution: \(execution)\nbaselines: []\n")
    }

    /// The most bytes repeat 1 of `spec` holds at once on one thread (every buffer is then
    /// allocated on the measuring thread).
    static func measuredPeak(_ spec: ExperimentSpec) throws -> Int {
        let runner = ExperimentRunner(spec: spec, seed: 7, memoryLimit: .max, threads: 1)
        return try AllocationGauge.measuring { try runner.runRepeat(0) }.peak
    }

    /// One case per path a repeat's buffers take: statevector adjoint; density-matrix adjoint with
    /// its snapshots; shots drawn from the density matrix (snapshots of the shifted values);
    /// trajectories on the engine with parameter shift; the softmax readout's evaluator per class;
    /// the kernel's states.
    static let cases: [(model: String, execution: String, train: String?, dataset: String?)] = [
        ("{kind: variational, qubits: 3, layers: 2}", "{engine: auto}", "{epochs: 1, batch_size: 8}", nil),
        ("{kind: variational, qubits: 4, layers: 2}", "{engine: density-matrix, \(noise)}", "{epochs: 1, batch_size: 8}", nil),
        (
            "{kind: variational, qubits: 3, layers: 1}", "{engine: auto, shots: 100, \(noise)}",
            "{epochs: 1, batch_size: 8, gradient: parameter-shift}", nil
        ),
        (
            "{kind: variational, qubits: 3, layers: 1}", "{engine: trajectories, shots: 50, \(noise)}",
            "{epochs: 1, batch_size: 8, gradient: parameter-shift}", nil
        ),
        (
            "{kind: variational, qubits: 3, layers: 1}", "{engine: density-matrix, \(noise)}", "{epochs: 1, batch_size: 8}",
            "{name: blobs, samples: 18, centers: 3}"
        ),
        ("{kind: kernel}", "{engine: auto}", nil, nil),
    ]

    /// Each case's estimate on one thread is at least what its repeat allocates at the peak.
    @Test(arguments: cases.indices)
    func theEstimateCoversWhatARepeatAllocates(index: Int) throws {
        let item = Self.cases[index]
        let spec = try Self.spec(
            model: item.model, execution: item.execution, train: item.train, dataset: item.dataset ?? "{name: moons, samples: 16, noise: 0.1}")
        let peak = try Self.measuredPeak(spec)
        #expect(peak > 0)
        #expect(Double(peak) <= spec.estimatedRepeatBytes(threads: 1), "\(item.model) \(item.execution): \(peak) bytes")
    }

    /// 4 noisy qubits, 2 strongly entangling layers: 24 trainable gates, so the adjoint pass keeps
    /// 24 snapshots of ρ (4 KiB each) beside ρ and its adjoint, about 104 KiB. The estimate before
    /// counted four density matrices (16 KiB) and checked nothing before the run; at a 64 KiB limit
    /// the block is now refused at `model`, exit 2, the document untouched, and the repeat measured
    /// without the limit does hold more than 64 KiB.
    @Test func adjointSnapshotsOverTheLimitAreRefusedAtTheModel() throws {
        let model = "{kind: variational, qubits: 4, layers: 2}", execution = "{engine: density-matrix, \(Self.noise)}"
        let train = "{epochs: 1, batch_size: 8}"
        let limit = 64 << 10
        let spec = try Self.spec(model: model, execution: execution, train: train)
        #expect(4 * 16 * 256 + 3 * 8 * 16 * 2 < limit)  // the old estimate
        #expect(try Self.measuredPeak(spec) > limit)
        let document = """
            ```experiment id=e
            dataset: {name: moons, samples: 16, noise: 0.1}
            model: \(model)
            train: \(train)
            execution: \(execution)
            baselines: []
            ```

            """
        var options = RunOptions()
        options.limits.memoryBytes = limit
        let run = DeviceBlockTests().run(document, options: options)
        #expect(run.error?.contains("paper.md:3:8: error: the variational model (density matrices of 4 qubits") == true, "\(run.error ?? "")")
        #expect(run.error?.contains("--max-memory-gib") == true)
        #expect(run.untouched)
    }

    /// A device kernel's memory grows by one worker's density matrix and adjoint (2 · 16 · 4³ bytes
    /// and a snapshot double on the 3-qubit line) per thread, up to the training samples, not by
    /// min(train, 1024) workers whatever `--jobs`: under a limit that one worker fits and two do
    /// not, the block runs with two jobs, on one thread, and prints what one job prints.
    @Test func theDeviceKernelCountsTheThreadsThatRun() throws {
        let document = DeviceBlockTests.line + DeviceKernelExperimentTests.experiment(execution: "{device: line}")
        var options = RunOptions()
        options.limits.memoryBytes = 10_000
        let one = DeviceBlockTests().run(document, options: options)
        options.jobs = 2
        let two = DeviceBlockTests().run(document, options: options)
        #expect(one.error == nil && two.error == nil, "\(one.error ?? "") \(two.error ?? "")")
        #expect(!DeviceKernelExperimentTests.kernelRow(one.text).isEmpty && one.text == two.text)
    }

    /// Per thread, the estimate adds one worker's buffers until every training sample has a worker;
    /// `repeatThreads` keeps the most threads whose estimate fits the limit.
    @Test func threadsAreCountedAndCappedByTheLimit() throws {
        let spec = try Self.spec(model: "{kind: kernel}", execution: "{engine: auto}", train: nil)
        let train = spec.splitSizes.train, state = 16.0 * 4  // two qubits
        let bytes = (1...(train + 2)).map { spec.estimatedRepeatBytes(threads: $0) }
        #expect(bytes[1] - bytes[0] == 2 * state && bytes[train - 1] - bytes[train - 2] == 2 * state)
        #expect(bytes[train] == bytes[train - 1] && bytes[train + 1] == bytes[train - 1])
        #expect(spec.repeatThreads(upTo: 8, limit: Int(bytes[2])) == 3)
        #expect(spec.repeatThreads(upTo: 8, limit: 0) == 1)
    }
}
