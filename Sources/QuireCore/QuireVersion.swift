/// The version of Quire, recorded in every provenance appendix and part of every cache key.
public enum QuireVersion {
    /// Semantic version of this build.
    public static let current = "0.1.0"
}
