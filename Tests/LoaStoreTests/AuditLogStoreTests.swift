import Foundation
import LoaCore
import LoaStore
import Testing

/// Store contract for reading the audit log by actor, action and page, on both backends.
@Suite("Store contract: audit log filters and pages")
struct AuditLogStoreTests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    static func token(_ label: String) -> TokenRecord {
        TokenRecord(
            hash: String(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(32)) + String(repeating: "0", count: 32),
            role: .auditor, scopes: [], label: label, createdAt: t0)
    }

    @Test(arguments: StoreBackend.available)
    func entriesFilterByActorAndActionNewestFirstPageByPage(backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        for index in 0..<7 { _ = try await store.createToken(Self.token("tk-\(index)"), actor: index < 5 ? "Chủ tịch" : "văn thư") }
        let revoked = try await store.createToken(Self.token("tk-revoke"), actor: "văn thư")
        _ = try await store.revokeToken(id: try #require(revoked.id), actor: "Chủ tịch", at: Self.t0)
        let everything = try await store.auditLog(limit: 100)

        let names = try await store.auditNames()
        #expect(names.actors == ["Chủ tịch", "văn thư"])
        #expect(Set(names.actions).isSuperset(of: ["token.revoke"]) && names.actions == names.actions.sorted())

        #expect(try await store.auditLog(AuditQuery(limit: 100)) == everything, "no filter: the whole log, newest first")
        let chairman = try await store.auditLog(AuditQuery(actor: "Chủ tịch", limit: 100))
        #expect(chairman.count == everything.filter { $0.actor == "Chủ tịch" }.count && chairman.allSatisfy { $0.actor == "Chủ tịch" })
        #expect(chairman.first?.action == "token.revoke", "newest first")
        let revocations = try await store.auditLog(AuditQuery(actor: "Chủ tịch", action: "token.revoke", limit: 100))
        #expect(revocations.map(\.subject).count == 1 && revocations.first?.action == "token.revoke")
        #expect(try await store.auditLog(AuditQuery(actor: "chủ tịch", limit: 100)).isEmpty, "an actor is matched exactly")
        #expect(try await store.auditLog(AuditQuery(action: "token", limit: 100)).isEmpty, "an action is matched exactly")

        let first = try await store.auditLog(AuditQuery(actor: "Chủ tịch", offset: 0, limit: 4))
        let second = try await store.auditLog(AuditQuery(actor: "Chủ tịch", offset: 4, limit: 4))
        #expect(first.count == 4 && first + second == chairman, "pages follow one another without gaps or repeats")
        #expect(try await store.auditLog(AuditQuery(actor: "Chủ tịch", offset: 100, limit: 4)).isEmpty)
    }
}
