import Foundation
import QuireCore

/// An experiment's units as separate work: the units of a document that are not cached yet, as
/// task files for workers elsewhere (`quire run --executor slurm`), and one unit computed from its
/// task file (`quire worker`). Assembling the document is then an ordinary run, all cache hits.
public enum PointWork {
    /// Writes a task file `<key>.task` into the document's cache folder for every unit of an
    /// experiment block of the document at `path` that neither the block's cached result nor the
    /// point cache holds, and returns their paths in document order.
    ///
    /// - Throws: what a run would throw before computing: a structural error of the document,
    ///   a block that cannot be prepared (unless `keepGoing`), an unusable cache key or folder.
    public static func writePendingTasks(path: String, options: RunOptions) throws -> [String] {
        let document = URL(fileURLWithPath: path).standardizedFileURL.path
        let (plan, options, cache) = try planned(path: document, options: options)
        var tasks: [String] = []
        for (_, prepared) in plan.blocks {
            // A block that cannot be prepared fails here as the run would, or is left to the run under --keep-going.
            guard let ready = options.keepGoing ? try? prepared.get() : try prepared.get(), !ready.units.isEmpty,
                cache.load(BlockCache.key(ready.record, settings: plan.settings), record: ready.record) == nil
            else {
                continue
            }
            for unit in ready.units where !PointCache(cache: cache).contains(unit) {
                let task = PointTask(unit: unit, document: document, limits: options.limits, secret: cache.secret)
                let file = cache.folder + "/" + unit.key + ".task"
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
                try AtomicFile.createFolder(cache.folder, named: "the cache folder", hint: "check that the document's folder is writable")
                try AtomicFile.write([UInt8](try encoder.encode(task)), to: file, keepingMode: false, faults: options.writeFaults)
                tasks.append(file)
            }
        }
        return tasks
    }

    /// Whether the unit of the task file at `path` has its result in the cache (`false` when the
    /// file cannot be read).
    public static func isDone(taskPath path: String, options: RunOptions) -> Bool {
        guard let secret = try? CacheKey(path: options.cacheKeyPath ?? CacheKey.defaultPath()),
            let task = try? PointTask.read(path, secret: secret), let cache = try? NotebookFile.located(options, task.document).cache
        else { return false }
        return PointCache(cache: cache).load(key: task.key) != nil
    }

    /// Computes the unit of the task file at `taskPath` and stores it in the document's cache:
    /// plans the document (nothing runs but the unit), finds the unit by block, point and repeat,
    /// and refuses it unless its key is still the task's. Does nothing when the result is already
    /// there (a retried task whose first attempt finished).
    ///
    /// - Throws: a `LocatedError` when the task cannot be read, the document changed since the task
    ///   was written, the block fails to prepare, the unit fails, or its result cannot be stored.
    public static func compute(taskPath: String, jobs: Int, options: RunOptions) throws {
        let task = try PointTask.read(taskPath, secret: try CacheKey(path: options.cacheKeyPath ?? CacheKey.defaultPath()))
        var options = options
        options.limits = task.limits
        let (plan, _, cache) = try planned(path: task.document, options: options)
        guard let prepared = plan.blocks.first(where: { $0.block.id == task.block })?.prepared else {
            throw changed(task, "it has no block '\(task.block)'")
        }
        let ready = try prepared.get()
        guard let index = ready.units.firstIndex(where: { $0.point == task.point && $0.repeatIndex == task.repeatIndex }),
            ready.units[index].key == task.key, let compute = ready.computeUnit
        else { throw changed(task, "block '\(task.block)' no longer computes this unit") }
        let points = PointCache(cache: cache)
        if points.contains(ready.units[index]) { return }
        try compute(index, BlockExecution(budget: JobBudget(jobs: jobs), points: points) { _ in })
    }

    /// The error for a task whose document no longer matches it.
    private static func changed(_ task: PointTask, _ reason: String) -> LocatedError {
        LocatedError(
            nil, "\(task.document) changed since its point task was written: \(reason)",
            hint: "run quire run --executor slurm again, which plans the document anew")
    }

    /// The plan of the document at `path` with the options of a cached run, and its cache.
    private static func planned(path: String, options: RunOptions) throws -> (Notebook.Plan, RunOptions, BlockCache) {
        var options = options
        options.useCache = true
        options.warning = nil
        // Results only come back through the cache: a key that cannot be used is an error here, with its reason.
        _ = try CacheKey(path: options.cacheKeyPath ?? CacheKey.defaultPath())
        options = try NotebookFile.located(options, path)
        guard let cache = options.cache else {
            throw LocatedError(
                nil, "the cache key \(options.cacheKeyPath ?? CacheKey.defaultPath()) cannot be used, so results cannot be shared",
                hint: "check the key file's permissions (600, owned by you), or set QUIRE_CACHE_KEY to a key file on the shared filesystem")
        }
        let bytes = try NotebookFile.read(path)
        return (try Notebook.plan(bytes: bytes, file: path, options: options), options, cache)
    }
}
