import Foundation
import LoaCore
import LoaStore
import Testing

@Suite("Store contract: tokens, audit and locations")
struct TokenStoreTests {
    @Test(arguments: StoreBackend.available)
    func tokensAreFoundByHashWithTheirScopes(backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        let token = TokenRecord(
            hash: String(repeating: "ab", count: 32), role: .sender,
            scopes: [.group("Hội Nông dân"), .hamlet("Thông Nhất")], label: "chi hội",
            createdAt: Date(timeIntervalSince1970: 1_800_000_000))
        let stored = try await store.createToken(token, actor: "test")
        #expect(stored.id != nil)
        var expected = token
        expected.id = stored.id
        #expect(try await store.token(hash: token.hash) == expected)
        #expect(try await store.token(hash: String(repeating: "cd", count: 32)) == nil)
        let audit = try #require(try await store.auditLog(limit: 5).first)
        #expect(audit.action == "token.create")
        #expect(!(audit.detail ?? "").contains(token.hash), "the audit log never holds a token hash")
    }

    @Test
    func sqliteAppliesTheMigrationsInOrder() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("loa-\(UUID().uuidString).db").path
        let store = try SQLiteStore(path: path)
        #expect(try store.appliedMigrations() == ["0001_residents", "0002_notices_messages", "0003_tokens_audit", "0004_tracking", "0005_reminders", "0006_report_counts", "0007_unread_list", "0008_attempt_ref_index", "0009_dispatch_indexes", "0010_sessions", "0011_channel_quota", "0012_accounts"])
        _ = try SQLiteStore(path: path)
    }

    @Test(.enabled(if: StoreBackend.available.contains(.postgres)))
    func postgresAppliesTheSameMigrationsOnceEvenWhenWorkersStartTogether() async throws {
        let store = try #require(try await StoreBackend.freshPostgresStore() as? PostgresStore)
        let expected = ["0001_residents", "0002_notices_messages", "0003_tokens_audit", "0004_tracking", "0005_reminders", "0006_report_counts", "0007_unread_list", "0008_attempt_ref_index", "0009_dispatch_indexes", "0010_sessions", "0011_channel_quota", "0012_accounts"]
        #expect(try await store.appliedMigrations() == expected)
        #expect(try SQLiteStore(path: FileManager.default.temporaryDirectory
            .appendingPathComponent("loa-\(UUID().uuidString).db").path).appliedMigrations() == expected)
    }

    @Test
    func postgresURLsKeepTheirPasswordOutOfMessages() async throws {
        // Nothing listens on port 9 (discard): the error names the server but never the password.
        do {
            _ = try await StoreLocation.postgres(url: "postgres://loa:s3cr3t-pw@127.0.0.1:9/loa?sslmode=disable").open()
            Issue.record("a server on port 9 answered")
        } catch {
            #expect(!"\(error)".contains("s3cr3t-pw"))
            #expect("\(error)".contains("127.0.0.1:9"))
        }
        await #expect(throws: StoreError.self) {
            _ = try await StoreLocation.postgres(url: "postgres://loa@127.0.0.1/loa?sslmode=sometimes").open()
        }
        await #expect(throws: StoreError.self) {
            _ = try await StoreLocation.postgres(url: "postgres://loa@127.0.0.1/loa?pool=0").open()
        }
    }

    @Test(arguments: [
        ("sqlite:loa.db", StoreLocation.sqlite(path: "loa.db")),
        ("sqlite:///var/lib/loa/loa.db", .sqlite(path: "/var/lib/loa/loa.db")),
        ("data/loa.db", .sqlite(path: "data/loa.db")),
        ("postgres://loa@127.0.0.1/loa", .postgres(url: "postgres://loa@127.0.0.1/loa")),
    ])
    func databaseURLsAreParsed(text: String, expected: StoreLocation) throws {
        #expect(try StoreLocation(parsing: text) == expected)
    }

    @Test(arguments: ["mysql://x", "sqlite:"])
    func unsupportedDatabaseURLsAreRefused(text: String) {
        #expect(throws: StoreError.self) { try StoreLocation(parsing: text) }
    }
}
