import Foundation
import LoaCore
import Logging
import PostgresNIO

/// The scale-out backend: one PostgreSQL database shared by several `loa run` workers, through a
/// postgres-nio connection pool.
///
/// Every statement binds its values (`PostgresQuery` interpolation); message claiming takes rows
/// with `FOR UPDATE SKIP LOCKED` under the same leases as SQLite; reports are computed by the server.
public final class PostgresStore: Store {
    let client: PostgresClient
    private let runner: Task<Void, Never>
    static let logger = Logger(label: "loa.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    /// Connects to `url` (`postgres://user:password@host:port/database?sslmode=…&pool=N`) and applies
    /// pending migrations.
    public init(url: String) async throws {
        let settings = try PostgresSettings(url: url)
        // One direct connection first: a server that is down or refuses the login is reported at
        // once (the pool would keep retrying it for a minute).
        do {
            let probe = try await PostgresConnection.connect(configuration: settings.probe, id: 0, logger: Self.logger)
            try await probe.close()
        } catch {
            throw Self.describe(error, url: settings.redacted)
        }
        let client = PostgresClient(configuration: settings.configuration)
        self.client = client
        runner = Task { await client.run() }
        do {
            try await PostgresMigrations.migrate(self)
        } catch {
            runner.cancel()
            throw Self.describe(error, url: settings.redacted)
        }
    }

    deinit {
        runner.cancel()
    }

    /// The names of the migrations applied to this database, in order.
    public func appliedMigrations() async throws -> [String] {
        try await read { db in
            try await db.rows("SELECT name FROM schema_migrations ORDER BY name").map { try $0["name"] as String }
        }
    }

    /// Runs `body` in one transaction on a pooled connection, committing when it returns. A
    /// transaction the server aborts for a deadlock or a serialization failure runs again (up to
    /// five times): workers that claim and record side by side may meet on the same rows.
    func write<Result: Sendable>(_ body: (PostgresConnection) async throws -> Result) async throws -> Result {
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try await client.withConnection { connection in
                    try await connection.query("BEGIN", logger: Self.logger)
                    do {
                        let result = try await body(connection)
                        try await connection.query("COMMIT", logger: Self.logger)
                        return result
                    } catch {
                        _ = try? await connection.query("ROLLBACK", logger: Self.logger)
                        throw error
                    }
                }
            } catch let error as PSQLError where attempt < 5 && Self.isTransient(error) {
                try await Task.sleep(for: .milliseconds(Int.random(in: 1...20) * attempt))
            } catch let error as PSQLError {
                throw PostgresFailure(error)
            }
        }
    }

    /// Runs `body` on a pooled connection outside any explicit transaction (each statement alone).
    func read<Result: Sendable>(_ body: (PostgresConnection) async throws -> Result) async throws -> Result {
        do {
            return try await client.withConnection { connection in try await body(connection) }
        } catch let error as PSQLError {
            throw PostgresFailure(error)
        }
    }

    private static func isTransient(_ error: PSQLError) -> Bool {
        guard let state = error.serverInfo?[.sqlState] else { return false }
        return state == "40001" || state == "40P01"
    }

    /// A connection failure as a one-line message naming the server (never its password).
    static func describe(_ error: any Error, url: String) -> any Error {
        if error is StoreError { return error }
        guard let error = error as? PSQLError else {
            return StoreError(.unsupportedURL, "cannot use PostgreSQL at \(url): \(error)")
        }
        if let message = error.serverInfo?[.message] {
            return StoreError(.unsupportedURL, "PostgreSQL at \(url): \(message)")
        }
        let cause = error.underlying.map { "\($0)" } ?? "\(error.code)"
        return StoreError(.unsupportedURL, "cannot reach PostgreSQL at \(url): \(cause)")
    }

    static func audit(
        _ db: PostgresConnection, actor: String, action: String, subject: String, detail: String?, at: Date = Date()
    ) async throws {
        try await db.run("""
            INSERT INTO audit_log (at, actor, action, subject, detail)
            VALUES (\(at.millis), \(actor), \(action), \(subject), \(detail))
            """)
    }

    public func auditLog(limit: Int) async throws -> [AuditEntry] {
        try await read { db in
            try await db.rows("SELECT at, actor, action, subject, detail FROM audit_log ORDER BY id DESC LIMIT \(limit)")
                .map { row in
                    AuditEntry(
                        at: Date(millis: try row["at"]), actor: try row["actor"], action: try row["action"],
                        subject: try row["subject"], detail: try row["detail"])
                }
        }
    }
}
