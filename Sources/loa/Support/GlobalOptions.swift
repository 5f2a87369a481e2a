import ArgumentParser
import Foundation
import LoaConfig
import LoaStore

/// `--db` and `--config`, shared by every command that touches data (SPEC §3).
struct GlobalOptions: ParsableArguments {
    @Option(help: "Database: sqlite:PATH or postgres://… (env LOA_DB; default sqlite:loa.db).")
    var db: String?

    @Option(help: "Configuration file (env LOA_CONFIG; default loa.toml if present).")
    var config: String?

    /// The configuration named by `--config`/`LOA_CONFIG`, else `loa.toml` when present, else defaults.
    func configuration() throws -> LoaConfiguration {
        guard let path = configurationPath else { return LoaConfiguration() }
        return try LoaConfiguration.load(path: path)
    }

    /// `--config`, else `LOA_CONFIG`, else `loa.toml` when it exists; nil for the built-in defaults.
    var configurationPath: String? {
        if let path = config ?? ProcessInfo.processInfo.environment["LOA_CONFIG"].flatMap({ $0.isEmpty ? nil : $0 }) {
            return path
        }
        return FileManager.default.fileExists(atPath: "loa.toml") ? "loa.toml" : nil
    }

    /// Opens the database named by `--db`/`LOA_DB` (default `sqlite:loa.db`).
    func store() async throws -> any Store {
        let url = db ?? ProcessInfo.processInfo.environment["LOA_DB"].flatMap { $0.isEmpty ? nil : $0 }
        let location = try StoreLocation(parsing: url ?? "sqlite:loa.db")
        let store = try await location.open()
        FileModes.restrict(location)
        return store
    }
}

/// `--format text|json|csv` for listings and reports.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv
}

struct FormatOption: ParsableArguments {
    @Option(help: "Output format: text (default), json or csv.")
    var format: OutputFormat = .text
}
