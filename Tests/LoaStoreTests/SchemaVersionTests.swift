import Foundation
import GRDB
import Testing

@testable import LoaStore

/// An older `loa` meeting a database that a newer one migrated: one clear error, the database unchanged.
@Suite("Store contract: a newer schema is refused")
struct SchemaVersionTests {
    static let future = "9999_from_a_newer_loa"
    static let message = "database schema is newer than this loa (unknown migration \(future)); upgrade loa"

    /// `wal` as `loa run` leaves a database, `delete` as `loa db backup` writes a copy (opening it
    /// through the pool would already turn it into WAL mode).
    @Test(arguments: ["wal", "delete"])
    func sqliteRefusesAnUnknownMigrationAndLeavesTheFileAsItWas(journalMode: String) async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("loa-\(UUID().uuidString).db").path
        do {
            let store = try SQLiteStore(path: path)
            _ = try await store.importResidents(Sample.rows, columns: .all, actor: "test")
        }
        // The newer loa's migration: a table and its name in GRDB's list.
        do {
            let queue = try DatabaseQueue(path: path)
            try await queue.write { db in
                try db.execute(sql: "CREATE TABLE from_the_future (id INTEGER PRIMARY KEY)")
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [Self.future])
            }
            // Everything into the main file, so that its bytes show any later write.
            try await queue.writeWithoutTransaction { db in
                try db.checkpoint(.truncate)
                try db.execute(sql: "PRAGMA journal_mode = \(journalMode)")
            }
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: StoreError(.newerSchema, Self.message)) { try SQLiteStore(path: path) }
        await #expect(throws: StoreError(.newerSchema, Self.message)) {
            try await StoreLocation.sqlite(path: path).open()
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "the database file is byte-identical")
    }

    @Test(.enabled(if: StoreBackend.available.contains(.postgres)))
    func postgresRefusesAnUnknownMigrationAndChangesNothing() async throws {
        let url = try #require(StoreBackend.newPostgresURL())
        #expect(try await PostgresStore.createDatabase(at: url))
        // The store that migrated it stays open to look at the database afterwards.
        let store = try #require(try await StoreLocation.postgres(url: url).open() as? PostgresStore)
        _ = try await store.importResidents(Sample.rows, columns: .all, actor: "test")
        try await store.write { db in
            _ = try await db.run("CREATE TABLE from_the_future (id BIGINT PRIMARY KEY)")
            _ = try await db.run("INSERT INTO schema_migrations (name, applied_at) VALUES (\(Self.future), 0)")
        }
        let before = try await Self.snapshot(store)
        await #expect(throws: StoreError(.newerSchema, Self.message)) {
            try await StoreLocation.postgres(url: url).open()
        }
        #expect(try await Self.snapshot(store) == before)
        #expect(before.contains("\(Self.future) 0"))
    }

    /// The applied migrations with their times, the tables, and the residents' phones.
    static func snapshot(_ store: PostgresStore) async throws -> [String] {
        try await store.read { db in
            let migrations = try await db.rows("SELECT name, applied_at FROM schema_migrations ORDER BY name")
                .map { "\(try $0.text("name")) \(try $0.integer("applied_at"))" }
            let tables = try await db.rows("""
                SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1
                """).map { try $0.text("table_name") }
            let phones = try await db.rows("SELECT phone FROM residents ORDER BY phone").map { try $0.text("phone") }
            return migrations + tables + phones
        }
    }

    @Test
    func severalUnknownMigrationsAreCountedInTheSameLine() throws {
        #expect(throws: StoreError(
            .newerSchema, "database schema is newer than this loa (unknown migration 0098_a and 1 more); upgrade loa")
        ) {
            try SchemaCheck.refuseNewer(applied: ["0001_residents", "0099_b", "0098_a"], known: ["0001_residents"])
        }
        try SchemaCheck.refuseNewer(applied: ["0001_residents"], known: ["0001_residents", "0002_notices_messages"])
    }
}

extension StoreBackend {
    /// The URL of a new database on the test server, not yet created; nil without a server.
    static func newPostgresURL() -> String? {
        guard let server = postgresServer, var url = URLComponents(string: server) else { return nil }
        url.path = "/loa_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        return url.string
    }
}
