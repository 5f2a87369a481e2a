import Foundation
import GRDB
import LoaCore
@testable import LoaStore
import Testing

/// Store contract for tokens and dashboard sessions (issue 18), on both backends.
@Suite("Store contract: token lifetimes and sessions")
struct SessionStoreTests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    static func token(_ label: String?, role: TokenRecord.Role = .sender, expires: Date? = nil) -> TokenRecord {
        TokenRecord(
            hash: String(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(32)) + String(repeating: "0", count: 32),
            role: role, scopes: role == .sender ? [.hamlet("Thông Nhất")] : [], label: label, createdAt: t0, expiresAt: expires)
    }

    @Test(arguments: StoreBackend.available)
    func aLabelNamesOneTokenHolder(backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        let first = try await store.createToken(Self.token("truong-thon"), actor: "test")
        let audit = try await store.auditLog(limit: 100).count
        for clash in ["truong-thon", "Truong-Thon", "TRUONG-THON"] {
            await #expect(throws: StoreError.self, "\(clash)") { try await store.createToken(Self.token(clash), actor: "test") }
        }
        _ = try await store.revokeToken(id: try #require(first.id), actor: "test", at: Self.t0)
        await #expect(throws: StoreError.self, "a revoked token's label stays taken") {
            try await store.createToken(Self.token("truong-thon"), actor: "test")
        }
        #expect(try await store.tokens().count == 1, "nothing was stored")
        #expect(try await store.auditLog(limit: 100).count == audit + 1, "only the revocation was audited")
        _ = try await store.createToken(Self.token(nil), actor: "test")
        _ = try await store.createToken(Self.token(nil), actor: "test")
        #expect(try await store.tokens().count == 3, "tokens without a label do not clash")
    }

    @Test(arguments: StoreBackend.available)
    func anExpiredOrRevokedTokenStopsWorkingAndItsSessionsEnd(backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        let expiring = try await store.createToken(Self.token("tam-thoi", expires: Self.t0 + 3600), actor: "test")
        #expect(try await store.token(hash: expiring.hash, at: Self.t0 + 3599)?.id == expiring.id)
        #expect(try await store.token(hash: expiring.hash, at: Self.t0 + 3600) == nil)
        let kept = try await store.createToken(Self.token("chu-tich", role: .admin), actor: "test")
        let id = try #require(kept.id)
        let session = SessionRecord(hash: "s1", tokenID: id, createdAt: Self.t0, expiresAt: Self.t0 + 43_200)
        try await store.createSession(session)
        #expect(try await store.session(hash: "s1", at: Self.t0 + 10, idle: 7200)?.token.id == id)

        let revoked = try #require(try await store.revokeToken(id: id, actor: "test", at: Self.t0 + 20))
        #expect(revoked.revokedAt == Self.t0 + 20)
        #expect(try await store.token(hash: kept.hash, at: Self.t0 + 21) == nil, "revoked: stops at once")
        #expect(try await store.session(hash: "s1", at: Self.t0 + 21, idle: 7200) == nil, "its sessions end")
        let again = try await store.revokeToken(id: id, actor: "test", at: Self.t0 + 99)
        #expect(again?.revokedAt == Self.t0 + 20, "a second revocation keeps the first time")
        #expect(try await store.revokeToken(id: 9_999, actor: "test", at: Self.t0) == nil)
        let listed = try await store.tokens()
        #expect(listed.map(\.label) == ["tam-thoi", "chu-tich"])
        #expect(listed.map(\.expiresAt) == [Self.t0 + 3600, nil])
        #expect(listed.map(\.revokedAt) == [nil, Self.t0 + 20])
        let audit = try await store.auditLog(limit: 10)
        #expect(audit.filter { $0.action == "token.revoke" }.count == 1)
        #expect(!audit.contains { ($0.detail ?? "").contains(kept.hash) }, "no token hash in the audit log")
    }

    @Test(arguments: StoreBackend.available)
    func sessionsEndWhenIdleAtTheirAbsoluteEndAndAtSignOut(backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        let id = try #require(try await store.createToken(Self.token("kiem-tra", role: .auditor), actor: "test").id)
        let end = Self.t0 + 43_200
        for name in ["idle", "busy", "out"] {
            try await store.createSession(SessionRecord(hash: name, tokenID: id, createdAt: Self.t0, expiresAt: end))
        }
        #expect(try await store.session(hash: "idle", at: Self.t0 + 30, idle: 7200)?.session.seenAt == Self.t0, "seen a moment ago: no write")
        #expect(try await store.session(hash: "idle", at: Self.t0 + 7200, idle: 7200) == nil, "idle too long")
        #expect(try await store.session(hash: "idle", at: Self.t0 + 1, idle: 7200) == nil, "and gone for good")
        var now = Self.t0
        while now + 3600 < end {
            now += 3600
            #expect(try await store.session(hash: "busy", at: now, idle: 7200)?.session.seenAt == now)
        }
        #expect(try await store.session(hash: "busy", at: end, idle: 7200) == nil, "the absolute end holds however busy")
        #expect(try await store.deleteSession(hash: "out"))
        #expect(try await store.session(hash: "out", at: Self.t0 + 1, idle: 7200) == nil)
        #expect(try await store.deleteSession(hash: "out") == false)
        #expect(try await store.session(hash: "nope", at: Self.t0, idle: 7200) == nil)
    }

    @Test(arguments: StoreBackend.available)
    func aNoticeKeepsTheIdOfTheTokenThatCreatedIt(backend: StoreBackend) async throws {
        let store = try await backend.seededStore()
        let id = try #require(try await store.createToken(Self.token("hoi-nong-dan"), actor: "test").id)
        var draft = Sample.draft([.hamlet("Thông Nhất")])
        draft.createdBy = "token:hoi-nong-dan"
        draft.createdByToken = id
        let notice = try await store.createNotice(draft)
        #expect(notice.draft.createdByToken == id)
        #expect(try await store.notice(id: notice.id)?.draft.createdByToken == id)
        #expect(try await store.createNotice(Sample.draft([.all])).draft.createdByToken == nil)
    }
}

/// Migration 0010 on a database written before it: old notices get an owner only by a label that
/// named exactly one token.
@Suite("SQLite migration 0010_sessions")
struct SessionsMigrationTests {
    @Test
    func oldNoticesGetAnOwnerOnlyWhereTheirLabelWasUnique() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("loa-\(UUID().uuidString).db").path
        let pool = try DatabasePool(path: path)
        try SQLiteMigrations.migrator.migrate(pool, upTo: "0009_dispatch_indexes")
        try pool.write { db in
            for (id, label) in [(1, "truong-thon"), (2, "truong-thon"), (3, "hoi-nong-dan"), (4, nil)] as [(Int, String?)] {
                try db.execute(
                    sql: "INSERT INTO tokens (id, hash, role, label, created_at) VALUES (?, ?, 'sender', ?, 0)",
                    arguments: [id, String(repeating: "\(id)", count: 64), label])
            }
            for (id, by) in [("N-AAAAAA", "token:truong-thon"), ("N-BBBBBB", "token:hoi-nong-dan"), ("N-CCCCCC", "token:44444444"), ("N-DDDDDD", "cli")] {
                try db.execute(
                    sql: """
                        INSERT INTO notices (id, kind, title, body, audience, channels, send_at, ack_required, priority, status, created_by, created_at)
                        VALUES (?, 'notice', 't', 'b', 'all', 'sms', 0, 0, 'normal', 'active', ?, 0)
                        """, arguments: [id, by])
            }
        }
        try pool.close()
        let store = try SQLiteStore(path: path)
        let owners = try store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, created_by_token FROM notices ORDER BY id").map { "\($0["id"] as String)=\(($0["created_by_token"] as Int64?).map(String.init) ?? "-")" }
        }
        #expect(owners == ["N-AAAAAA=-", "N-BBBBBB=3", "N-CCCCCC=4", "N-DDDDDD=-"], "two tokens were 'truong-thon': that notice is the admins' alone")
    }
}
