import Foundation

/// Where the data lives, from `--db` / `LOA_DB` (SPEC §3).
public enum StoreLocation: Sendable, Equatable {
    case sqlite(path: String)
    case postgres(url: String)

    /// Parses `sqlite:PATH`, `sqlite://PATH`, a bare file path, or `postgres://…`/`postgresql://…`.
    public init(parsing text: String) throws(StoreError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("postgres://") || trimmed.hasPrefix("postgresql://") {
            self = .postgres(url: trimmed)
        } else if trimmed.hasPrefix("sqlite://") {
            self = .sqlite(path: String(trimmed.dropFirst("sqlite://".count)))
        } else if trimmed.hasPrefix("sqlite:") {
            self = .sqlite(path: String(trimmed.dropFirst("sqlite:".count)))
        } else if trimmed.contains("://") {
            throw StoreError(.unsupportedURL, "unsupported database URL '\(trimmed)': use sqlite:PATH or postgres://…")
        } else {
            self = .sqlite(path: trimmed)
        }
        if case .sqlite(let path) = self, path.isEmpty {
            throw StoreError(.unsupportedURL, "the sqlite: database URL needs a file path")
        }
    }

    /// Opens the store at this location, creating and migrating it as needed.
    public func open() async throws -> any Store {
        switch self {
        case .sqlite(let path):
            return try SQLiteStore(path: path)
        case .postgres(let url):
            return try await PostgresStore(url: url)
        }
    }
}
