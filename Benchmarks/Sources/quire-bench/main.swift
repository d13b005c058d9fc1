/// `quire-bench [markdown] [qml] [small] [elementary] [baselines [CSV]] | block [THREADS] | mlp-fit [INDEX] | compile [FILE]`: runs the named benchmarks (all Swift-only ones when
/// none is named).
let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "block" {
    try BlockBenchmark.run(threads: arguments.dropFirst().first.flatMap { Int($0) } ?? 1)
} else if arguments.first == "mlp-fit" {
    try MLPFitBenchmark.run(index: arguments.dropFirst().first.flatMap { Int($0) })
} else if arguments.first == "compile" {
    try CompileBenchmark.run(writing: arguments.dropFirst().first)
} else {
    if arguments.isEmpty || arguments.contains("markdown") { try MarkdownBenchmark.run() }
    if arguments.isEmpty || arguments.contains("qml") { try LearningBenchmark.run() }
    if arguments.isEmpty || arguments.contains("small") { try SmallCircuitBenchmark.run() }
    if arguments.isEmpty || arguments.contains("elementary") { ElementaryBenchmark.run() }
    if arguments.isEmpty || arguments.contains("baselines") {
        try BaselineBenchmark.run(csv: arguments.drop { $0 != "baselines" }.dropFirst().first)
    }
}
