import Foundation

/// The memory roofline for a statevector of n qubits: the bandwidth of copying 2ⁿ complex128
/// values (16 · 2ⁿ bytes read and written), best of several runs. Prints `copy: n qubits: X GB/s`.
enum CopyBenchmark {
    /// Copies a 2ⁿ-amplitude buffer and prints the achieved read+write bandwidth.
    static func run(qubits: Int) {
        let bytes = 16 << qubits
        let source = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 64)
        let target = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 64)
        defer {
            source.deallocate()
            target.deallocate()
        }
        memset(source, 1, bytes)
        memset(target, 0, bytes)
        var best = Double.infinity
        for _ in 0..<7 {
            let start = DispatchTime.now().uptimeNanoseconds
            memcpy(target, source, bytes)
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        print("copy: \(qubits) qubits: \(String(format: "%.2f", 2 * Double(bytes) / best / 1e9)) GB/s")
    }
}
