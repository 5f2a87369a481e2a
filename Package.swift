// swift-tools-version: 6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Loa",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "loa", targets: ["loa"]),
        .executable(name: "loa-bench", targets: ["LoaBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .target(name: "LoaCore", swiftSettings: swiftSettings),
        .target(name: "LoaHTTP", dependencies: ["CCurl"], swiftSettings: swiftSettings),
        .target(
            name: "LoaConfig",
            dependencies: ["LoaCore", .product(name: "TOMLKit", package: "TOMLKit")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "LoaStore",
            dependencies: ["LoaCore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .target(name: "LoaTesting", swiftSettings: swiftSettings),
        .executableTarget(
            name: "loa",
            dependencies: [
                "LoaCore", "LoaConfig", "LoaStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "LoaBench",
            dependencies: [
                "LoaCore", "LoaHTTP", "LoaStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "LoaCoreTests", dependencies: ["LoaCore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "LoaHTTPTests",
            dependencies: ["LoaHTTP", "LoaTesting"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LoaStoreTests",
            dependencies: ["LoaStore", "LoaCore", "LoaTesting"],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "LoaConfigTests", dependencies: ["LoaConfig"], swiftSettings: swiftSettings),
        .testTarget(
            name: "LoaCLITests",
            dependencies: ["LoaCore", "LoaTesting"],
            resources: [.copy("Data")],
            swiftSettings: swiftSettings
        ),
    ]
)
