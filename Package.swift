// swift-tools-version:6.1
// Quire: reproducible quantum machine learning papers. Layout and dependency rules: ../shared/DESIGN.md §1–2.
import PackageDescription

let package = Package(
    name: "Quire",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "quire", targets: ["quire"]),
        .library(name: "Quire", targets: ["Quire"]),
        .library(name: "QuireMarkdown", targets: ["QuireMarkdown"]),
        .library(name: "QuireSimulator", targets: ["QuireSimulator"]),
        .library(name: "QuireLearning", targets: ["QuireLearning"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .target(
            name: "QuireCore",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        .target(
            name: "QuireMarkdown",
            dependencies: ["CCmarkGFM", "QuireCore"]),
        // Header-only: the compiler's prefetch builtin for the mid-stride one-qubit kernels.
        .systemLibrary(name: "CQuirePrefetch"),
        // The fused-gate kernel compiled twice (portable and AVX2, chosen at run time): C, because Swift
        // cannot give one function two instruction sets.
        .target(name: "CQuireKernels"),
        .target(name: "QuireKernels", dependencies: ["CQuirePrefetch", "CQuireKernels"]),
        .target(
            name: "QuireSimulator",
            dependencies: ["QuireKernels", "QuireCore", .product(name: "Numerics", package: "swift-numerics")]),
        .target(
            name: "QuireLearning",
            dependencies: ["QuireCore", "QuireSimulator", "CQuireKernels"]),
        .target(
            name: "QuireReport",
            dependencies: ["QuireCore", .product(name: "OrderedCollections", package: "swift-collections")]),
        .target(
            name: "QuireTemplates", path: "Templates",
            resources: [.copy("article.mustache"), .copy("report.mustache"), .copy("quire.css")]),
        .target(
            name: "Quire",
            dependencies: [
                "QuireCore", "QuireMarkdown", "QuireSimulator", "QuireLearning", "QuireReport", "QuireTemplates",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
                // HMAC-SHA256 of cache entries (CacheKey).
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]),
        .executableTarget(
            name: "quire",
            dependencies: ["Quire", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .target(name: "QuireTestSupport", dependencies: ["QuireCore"], path: "Sources/QuireTestSupport"),
        .target(name: "QuireCircuitTestSupport", dependencies: ["QuireSimulator"], path: "Sources/QuireCircuitTestSupport"),
        .testTarget(name: "QuireCoreTests", dependencies: ["QuireCore", "QuireTestSupport"], exclude: ["Reference"]),
        .testTarget(name: "QuireMarkdownTests", dependencies: ["QuireMarkdown", "QuireTestSupport"]),
        .testTarget(name: "QuireKernelsTests", dependencies: ["QuireKernels", "CQuireKernels", "QuireTestSupport"]),
        .testTarget(
            name: "QuireSimulatorTests", dependencies: ["QuireSimulator", "QuireTestSupport", "QuireCircuitTestSupport"], exclude: ["Reference"]),
        .testTarget(
            name: "QuireLearningTests", dependencies: ["QuireLearning", "QuireKernels", "QuireTestSupport", "QuireCircuitTestSupport"],
            exclude: ["Reference"]),
        .testTarget(name: "QuireReportTests", dependencies: ["QuireReport", "QuireTestSupport"], exclude: ["Golden"]),
        .testTarget(name: "QuireTests", dependencies: ["Quire", "QuireTestSupport"], exclude: ["Golden", "Fixtures"]),
        .testTarget(name: "quireTests", dependencies: ["quire", "Quire", "QuireTestSupport"], exclude: ["libm-shim"]),
    ]
)
