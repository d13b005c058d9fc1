import Foundation

/// Where tests keep the secret that authenticates cache entries: a folder of this test process
/// under the temporary folder, so no test reads or creates the user's own `~/.cache/quire/key`.
public enum TestCacheKey {
    /// The key file's path (created by Quire on first use); pass it as `RunOptions.cacheKeyPath`
    /// or as `QUIRE_CACHE_KEY` to the `quire` executable.
    public static let path = FileManager.default.temporaryDirectory.appendingPathComponent("quire-test-key-\(getpid())/key").path
}
