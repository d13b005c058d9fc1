import Dispatch

/// Wall-clock timing for benchmarks: the median of repeated runs, after one warm-up.
enum Stopwatch {
    /// Runs `body` once to warm up, then `repeats` times, and returns the median seconds.
    static func median(repeats: Int, _ body: () throws -> Void) rethrows -> Double {
        try body()
        var samples: [Double] = []
        for _ in 0..<repeats {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        samples.sort()
        return samples[samples.count / 2]
    }
}
