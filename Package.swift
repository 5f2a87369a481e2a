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
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/CoreOffice/XMLCoder", from: "0.18.2"),
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
            name: "LoaSheets",
            dependencies: [
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "XMLCoder", package: "XMLCoder"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "LoaStore",
            dependencies: [
                "LoaCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "LoaChannels",
            dependencies: ["LoaCore", "LoaConfig", "LoaHTTP", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "LoaSimulator",
            dependencies: [
                "LoaCore", "LoaHTTP",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "LoaScheduler",
            dependencies: [
                "LoaCore", "LoaConfig", "LoaStore", "LoaChannels", "LoaHTTP",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "LoaServer",
            dependencies: [
                "LoaCore", "LoaConfig", "LoaStore", "LoaChannels", "LoaSheets",
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // The dashboard's page templates are read at run time (PageTemplates), not compiled.
            exclude: ["Templates"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "LoaTesting",
            dependencies: ["LoaCore", "LoaConfig", "LoaHTTP", "LoaChannels"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "loa",
            dependencies: [
                "LoaCore", "LoaConfig", "LoaStore", "LoaHTTP", "LoaChannels", "LoaScheduler", "LoaSimulator",
                "LoaServer", "LoaSheets",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
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
            dependencies: ["LoaStore", "LoaCore", "LoaTesting", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "LoaConfigTests", dependencies: ["LoaConfig"], swiftSettings: swiftSettings),
        .testTarget(
            name: "LoaSheetsTests",
            dependencies: ["LoaSheets", "LoaTesting", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LoaChannelsTests",
            dependencies: ["LoaChannels", "LoaTesting"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LoaSimulatorTests",
            dependencies: ["LoaSimulator", "LoaHTTP", "LoaTesting"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LoaSchedulerTests",
            dependencies: ["LoaScheduler", "LoaStore", "LoaChannels", "LoaConfig", "LoaCore", "LoaHTTP", "LoaTesting"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LoaServerTests",
            dependencies: [
                "LoaServer", "LoaStore", "LoaCore", "LoaConfig", "LoaChannels", "LoaHTTP", "LoaSimulator",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LoaCLITests",
            dependencies: ["LoaCore", "LoaStore", "LoaTesting", "LoaSimulator", "LoaServer", "LoaHTTP", "LoaChannels", "LoaSheets"],
            resources: [.copy("Data")],
            swiftSettings: swiftSettings
        ),
    ]
)
