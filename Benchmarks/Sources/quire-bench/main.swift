/// `quire-bench [markdown]`: runs the named benchmarks (all when none is named).
let selected = Set(CommandLine.arguments.dropFirst())
if selected.isEmpty || selected.contains("markdown") { try MarkdownBenchmark.run() }
