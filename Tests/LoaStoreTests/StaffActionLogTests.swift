import Foundation
import LoaStore
import Testing

/// Store contract for staff actions audited without a row of their own (the channels page's test send).
@Suite("Store contract: staff action log")
struct StaffActionLogTests {
    @Test(arguments: StoreBackend.available)
    func aStaffActionIsAuditedAsGiven(backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        let at = Date(timeIntervalSince1970: 1_800_000_000)
        try await store.recordStaffAction(
            actor: "account:+84912000111", action: "channel.test", subject: "sms", detail: "sent to +84912000111", at: at)
        let entry = try #require(try await store.auditLog(limit: 1).first)
        #expect(entry.at == at && entry.actor == "account:+84912000111" && entry.action == "channel.test")
        #expect(entry.subject == "sms" && entry.detail == "sent to +84912000111")
    }
}
