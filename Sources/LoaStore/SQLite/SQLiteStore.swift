import Foundation
import GRDB
import LoaCore

/// The embedded backend: one SQLite file in WAL mode through GRDB.
public final class SQLiteStore: Store {
    let pool: DatabasePool

    /// Opens (creating if needed) the database file at `path` and applies pending migrations; a
    /// database that a newer `loa` migrated is refused (``StoreError/Kind/newerSchema``), unchanged.
    public init(path: String) throws {
        var configuration = Configuration()
        // Several `loa` processes may share one file: wait for the writer instead of failing at once.
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
        let migrator = SQLiteMigrations.migrator
        try Self.refuseNewerSchema(path: path, migrator: migrator)
        pool = try DatabasePool(path: path, configuration: configuration)
        try SchemaCheck.refuseNewer(applied: pool.read(migrator.appliedIdentifiers), known: migrator.migrations)
        try migrator.migrate(pool)
    }

    /// The names of the migrations applied to this database, in order.
    public func appliedMigrations() throws -> [String] {
        try pool.read { db in try SQLiteMigrations.migrator.appliedIdentifiers(db) }.sorted()
    }

    /// `column = ? OR column = ? …` for `count` bound values, in parentheses. SQLite builds a
    /// temporary b-tree on every run of a statement for `column IN (?, ?, ?)` with more than two
    /// constants; on the dispatch path that was a b-tree opened and closed per message.
    static func oneOf(_ column: String, count: Int) -> String {
        "(" + Array(repeating: "\(column) = ?", count: count).joined(separator: " OR ") + ")"
    }

    static func audit(
        _ db: Database, actor: String, action: String, subject: String, detail: String?, at: Date = Date()
    ) throws {
        try db.execute(
            sql: "INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)",
            arguments: [at.millis, actor, action, subject, detail])
    }

    public func auditLog(limit: Int) async throws -> [AuditEntry] {
        try await pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT at, actor, action, subject, detail FROM audit_log ORDER BY id DESC LIMIT ?",
                arguments: [limit]
            ).map { row in
                AuditEntry(
                    at: Date(millis: row["at"]), actor: row["actor"], action: row["action"],
                    subject: row["subject"], detail: row["detail"])
            }
        }
    }
}
