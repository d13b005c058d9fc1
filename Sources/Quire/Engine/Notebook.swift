import OrderedCollections
import QuireCore
import QuireMarkdown
import QuireSimulator

/// How `quire run` treats a document.
public struct RunOptions: Sendable {
    /// Overwrite output regions edited by hand instead of refusing.
    public var force = false
    /// Run the other blocks when one fails, writing the error into the failing block's region.
    public var keepGoing = false
    /// Resource limits.
    public var limits = Limits()
    /// The folder of the document on disk, inside which `dataset` blocks read their files; `nil`
    /// for a document that is not a file (its dataset blocks then fail with a clear error).
    public var projectFolder: String?
    /// Where block results are cached; `nil` runs everything.
    public var cache: BlockCache?
    /// Told each problem that does not stop `NotebookFile.run` (a result that could not be cached),
    /// before anything is written, so it is reported even when a write then fails; `nil` drops them.
    public var warning: (@Sendable (Diagnostic) -> Void)?
    /// Failures injected into every file a run writes: the document, figures, cache entries (tests
    /// simulate a full disk or a read-only folder with it); `.none` in normal use.
    public var writeFaults = WriteFaults.none
    /// Threads working at once (`--jobs`, default: the number of cores), over blocks and over an
    /// experiment's sweep points and repeats; results never depend on it.
    public var jobs = 1
    /// For files: cache results in `.quire/cache/` beside the document (`quire run` without
    /// `--no-cache`); `quire check` never uses the cache.
    public var useCache = false
    /// The file holding the secret that authenticates cache entries (`CacheKey`); `nil` for the
    /// default, `CacheKey.defaultPath()`. Tests point it away from the user's home.
    public var cacheKeyPath: String?
    /// Seconds `quire run` waits for another run of the same document to release its lock (`--lock-timeout`).
    public var lockTimeout: Double = 60
    /// Told when each block starts and finishes, and when an experiment finishes an epoch or a
    /// repeat, from the thread doing the work (`--jobs` > 1: from several threads at once); `nil`
    /// reports nothing. Never affects the result.
    public var progress: (@Sendable (BlockProgress) -> Void)?

    /// Default options.
    public init() {}
}

/// The outcome of evaluating a document: its new bytes and figures, and the failures tolerated
/// under `--keep-going`. Nothing has been written yet.
public struct Evaluation: Sendable {
    /// The rewritten document.
    public var document: [UInt8]
    /// Figure files by path relative to the document's folder.
    public var figures: OrderedDictionary<String, [UInt8]>
    /// The document's settings (its figures folder, where the front matter sets it).
    public var settings: DocumentSettings
    /// Figure paths the previous run recorded that this run no longer produces.
    public var staleFigures: [String]
    /// Blocks that failed (only with `keepGoing`; otherwise the first failure is thrown).
    public var failures: [any InputError]
    /// Per-block provenance records, in document order.
    public var records: [BlockRecord]
    /// Blocks whose result came from the cache instead of being computed.
    public var cacheHits: Int
    /// Problems that did not stop the run: invalid UTF-8 that hides nothing (`QuireDocument.warnings`),
    /// report sections that cannot be drawn, results that could not be written to the cache.
    public var warnings: [Diagnostic]
}

/// The notebook engine: executes every runnable block of a document and rewrites it.
///
/// A pure function of the document's bytes and the options: no clock, no environment, no file
/// system. `NotebookFile` does the reading and the atomic writing.
public enum Notebook {
    /// A parsed document with every block prepared (spec decoded, inputs resolved), nothing run.
    struct Plan {
        /// The parsed document.
        var document: QuireDocument
        /// Its settings.
        var settings: DocumentSettings
        /// Each block, prepared or with the error preparing it raised, in document order.
        var blocks: [(block: RunnableBlock, prepared: Result<PreparedBlock, any Error>)]
    }

    /// Parses the document `bytes` named `file` and prepares every block without executing any.
    ///
    /// - Throws: structural errors (malformed front matter, duplicate ids, unclosed regions).
    static func plan(bytes: [UInt8], file: String, options: RunOptions) throws -> Plan {
        planCount?.add()
        let document = try QuireDocument(bytes: bytes, file: file)
        let settings = try DocumentSettings(frontMatter: document.frontMatter, file: file)
        var profiles: [String: Result<NoiseProfile, any Error>] = [:]
        for block in document.blocks where block.kind == .noise {
            profiles[block.id] = Result { try NoiseBlock.profile(block) }
        }
        var context = BlockContext(settings: settings, noiseProfiles: profiles, datasets: [:], limits: options.limits)
        for block in document.blocks where block.kind == .dataset {
            context.datasets[block.id] = Result { [context] in try DatasetBlock.load(block, folder: options.projectFolder, context: context) }
        }
        for block in document.blocks where block.kind == .device {
            context.devices[block.id] = Result { try DeviceBlock.load(block, folder: options.projectFolder) }
        }
        return Plan(
            document: document, settings: settings,
            blocks: document.blocks.map { block in (block, Result { try prepare(block, context: context) }) })
    }

    /// Evaluates the document `bytes` named `file`.
    ///
    /// - Throws: the first `InputError` of any block unless `options.keepGoing`; structural errors
    ///   (duplicate ids, malformed front matter, a region edited by hand) always.
    public static func evaluate(bytes: [UInt8], file: String, options: RunOptions) throws -> Evaluation {
        try evaluate(try plan(bytes: bytes, file: file, options: options), options: options).evaluation
    }

    /// Evaluates the planned document, returning with the evaluation the rewritten document as
    /// parsed when it was checked (`quire check` compares its regions; nothing parses it again).
    ///
    /// - Throws: as `evaluate(bytes:file:options:)`.
    static func evaluate(_ plan: Plan, options: RunOptions) throws -> (evaluation: Evaluation, document: QuireDocument) {
        let file = plan.document.file
        let figuresFolder = plan.settings.figures
        var failures: [any InputError] = []
        var outputs: [String: String] = [:]
        var figures: OrderedDictionary<String, [UInt8]> = [:]
        var records: [BlockRecord] = []
        let settings = plan.settings
        let cache = options.cache
        let blocks = plan.blocks
        // Every block is a pure function of its prepared inputs, so they may run in any order;
        // results are folded in document order below.
        let progress = options.progress
        let budget = JobBudget(jobs: options.jobs)
        let memory = MemoryBudget(limit: options.limits.memoryBytes)
        let computed = ParallelMap.map(count: blocks.count, budget: budget) { index -> Result<(BlockResult, Bool, Diagnostic?), any Error> in
            let block = blocks[index].block
            let report: @Sendable (BlockProgress.Event) -> Void = { event in
                progress?(BlockProgress(id: block.id, kind: block.kind.rawValue, index: index + 1, count: blocks.count, event: event))
            }
            report(.started)
            let outcome = Result { () throws -> (BlockResult, Bool, Diagnostic?) in
                let ready = try blocks[index].prepared.get()
                let key = BlockCache.key(ready.record, settings: settings)
                if let cached = cache?.load(key, record: ready.record) { return (cached, true, nil) }
                let result = try ready.execute(
                    BlockExecution(budget: budget, memory: memory, points: cache.map(PointCache.init), report: report))
                do {
                    try cache?.store(key, result: result)
                } catch {
                    let reason = (error as? any InputError)?.diagnostic.message ?? "\(error)"
                    return (
                        result, false,
                        Diagnostic(
                            location: nil, message: "the result of block '\(block.id)' was not cached: \(reason)",
                            hint: "the run is unaffected; free disk space, make .quire/cache writable, or pass --no-cache")
                    )
                }
                return (result, false, nil)
            }
            switch outcome {
            case .success(let (_, cached, _)): report(.finished(cached: cached))
            case .failure: report(.failed)
            }
            return outcome
        }
        var cacheHits = 0
        var warnings = plan.document.warnings
        for ((block, prepared), outcome) in zip(blocks, computed) {
            if case .success(let ready) = prepared { warnings += ready.warnings }
            do {
                var (result, hit, warning) = try outcome.get()
                if hit { cacheHits += 1 }
                if let warning { warnings.append(warning) }
                let paths = result.figures.map { figuresFolder + "/" + $0.fileName }
                for (path, figure) in zip(paths, result.figures) { figures[path] = Array(figure.svg.utf8) }
                result.record.resultSHA256 = Hashing.sha256Hex(Array(result.markdown.utf8) + result.figures.flatMap { Array($0.svg.utf8) })
                result.record.figures = paths
                outputs[block.id] = result.markdown
                records.append(result.record)
            } catch let error as any InputError where options.keepGoing {
                failures.append(error)
                outputs[block.id] = ErrorNote.markdown(for: error)
            }
        }
        let previous = RecordedProvenance(plan.document).figures(inside: figuresFolder)
        let appendix = plan.document.blocks.isEmpty ? nil : ProvenanceAppendix.markdown(file: file, settings: plan.settings, records: records)
        let rewritten = try DocumentSplicer.spliced(plan.document, outputs: outputs, appendix: appendix, force: options.force)
        let evaluation = Evaluation(
            document: rewritten.source.bytes, figures: figures, settings: settings,
            staleFigures: previous.filter { figures[$0] == nil }, failures: failures, records: records, cacheHits: cacheHits,
            warnings: warnings)
        return (evaluation, rewritten)
    }

    private static func prepare(_ block: RunnableBlock, context: BlockContext) throws -> PreparedBlock {
        switch block.kind {
        case .noise:
            return try NoiseBlock.prepare(block, profile: try context.profile(ofNoiseBlock: block.id), context: context)
        case .circuit:
            return try CircuitBlock.prepare(block, context: context)
        case .experiment:
            return try ExperimentBlock.prepare(block, context: context)
        case .dataset:
            return try DatasetBlock.prepare(block, loaded: try context.dataset(ofBlock: block.id), context: context)
        case .device:
            return try DeviceBlock.prepare(block, loaded: try context.device(ofBlock: block.id), context: context)
        }
    }
}

/// The Markdown written into a failing block's region under `--keep-going`.
enum ErrorNote {
    /// A block quote naming the error, its location and hint. Message and hint quote the user's
    /// text (a YAML key, a file name), so they are escaped (`MarkdownText.escaped`): a forged region
    /// marker or `<script>` in them shows as text and stays on its line.
    static func markdown(for error: any InputError) -> String {
        let diagnostic = error.diagnostic
        var text = "> **Quire error**: \(MarkdownText.escaped(diagnostic.message))"
        if let location = diagnostic.location { text += " (line \(location.line), column \(location.column))" }
        if let hint = diagnostic.hint { text += "\n>\n> Hint: \(MarkdownText.escaped(hint))" }
        return text + "\n"
    }
}
