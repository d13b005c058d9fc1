// swift-tools-version:6.1
// Quire's performance harness, kept out of the product: `make bench` from the repository root.
import PackageDescription

let package = Package(
    name: "QuireBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Quire", path: "..")],
    targets: [
        .executableTarget(
            name: "quire-bench",
            dependencies: [
                .product(name: "QuireMarkdown", package: "Quire"),
                .product(name: "QuireLearning", package: "Quire"),
                .product(name: "QuireSimulator", package: "Quire"),
            ],
            swiftSettings: [.unsafeFlags(["-Ounchecked"])])
    ]
)
