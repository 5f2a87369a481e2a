import Foundation
import LoaCore
import LoaStore
import Testing

/// Store contract for the replies page (issue 19): unmatched replies are listed until staff attach
/// or dismiss them, attaching acknowledges, and both are kept and audited; on both backends.
@Suite("Store contract: reply triage")
struct ReplyTriageTests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    @Test(arguments: StoreBackend.available)
    func unmatchedRepliesAreListedWithTheirResidentNewestFirst(backend: StoreBackend) async throws {
        let store = try await backend.seededStore()
        let notice = try await store.createNotice(Sample.draft([.all], kind: .convocation, sendAt: Self.t0))
        let at = Self.t0.addingTimeInterval(60)
        let matched = try await store.recordReply(
            channel: "sms", sender: "+84912345678", text: "OK", reading: .acknowledgement(shortCode: nil), dedupeKey: "a", at: at)
        #expect(matched.outcome == "acknowledged \(notice.id)" && matched.matched)
        let question = try await store.recordReply(
            channel: "sms", sender: "+84987654321", text: "Mấy giờ họp?", reading: .other, dedupeKey: "b", at: at)
        let stranger = try await store.recordReply(
            channel: "sms", sender: "+84399999999", text: "OK", reading: .acknowledgement(shortCode: nil), dedupeKey: "c",
            at: at.addingTimeInterval(1))
        #expect(question.id != nil && question.residentID != nil && stranger.residentID == nil)

        let open = try await store.unhandledReplies(limit: 10)
        #expect(open.map(\.reply.id) == [stranger.id, question.id], "newest first, the acknowledgement left out")
        #expect(open.map(\.residentName) == [nil, "Trần Thị Bình"])
        #expect(open.map(\.hamlet) == [nil, "Thông Nhất"])
        #expect(try await store.handledReplies(limit: 10).isEmpty)
        #expect(try await store.noticesTargeting(resident: try #require(question.residentID)) == [notice.id])
    }

    @Test(arguments: StoreBackend.available)
    func attachingAcknowledgesTheResidentsMessageOnceAndIsAudited(backend: StoreBackend) async throws {
        let store = try await backend.seededStore()
        let notice = try await store.createNotice(Sample.draft([.all], kind: .convocation, sendAt: Self.t0))
        let other = try await store.createNotice(Sample.draft([.hamlet("Đồng Tâm")], kind: .convocation, sendAt: Self.t0))
        let at = Self.t0.addingTimeInterval(60)
        let reply = try await store.recordReply(
            channel: "sms", sender: "+84987654321", text: "Vâng, tôi sẽ đến", reading: .other, dedupeKey: "b", at: at)
        let id = try #require(reply.id)

        #expect(try await store.attachReply(id: id, notice: other.id, actor: "token:admin", at: at) == .notTargeted)
        #expect(try await store.attachReply(id: 9_999, notice: notice.id, actor: "token:admin", at: at) == .notFound)
        #expect(try await store.unhandledReplies(limit: 10).count == 1, "a refusal changes nothing")

        let outcome = try await store.attachReply(id: id, notice: notice.id, actor: "token:admin", at: at.addingTimeInterval(5))
        guard case .handled(let handled, let now) = outcome else { Issue.record("not handled: \(outcome)"); return }
        #expect(now)
        #expect(handled.handling == "attached \(notice.id)" && handled.handledBy == "token:admin")
        #expect(handled.handledAt == at.addingTimeInterval(5))
        let message = try #require(try await store.messages(notice: notice.id).first { $0.id == handled.message })
        #expect(message.state == .acknowledged)
        #expect(try await store.events(message: message.id).contains { $0.detail == "reply by token:admin" })
        #expect(try await store.report(notice: notice.id, by: nil, reachTarget: 0.8).totals.acknowledged == 1)

        #expect(try await store.unhandledReplies(limit: 10).isEmpty)
        let listed = try await store.handledReplies(limit: 10)
        #expect(listed.map(\.reply) == [handled], "kept as handled with who, when and what")
        guard case .alreadyHandled = try await store.attachReply(id: id, notice: notice.id, actor: "token:other", at: at) else {
            Issue.record("a second attach must change nothing"); return
        }
        let audit = try await store.auditLog(limit: 10).filter { $0.action.hasPrefix("reply.") }
        #expect(audit.count == 1)
        #expect(audit.first?.actor == "token:admin" && audit.first?.subject == notice.id)
        #expect(audit.first?.detail?.contains("+84987654321") == true)
    }

    @Test(arguments: StoreBackend.available)
    func dismissingKeepsWhoAndWhenAndAcknowledgesNothing(backend: StoreBackend) async throws {
        let store = try await backend.seededStore()
        let notice = try await store.createNotice(Sample.draft([.all], kind: .convocation, sendAt: Self.t0))
        let at = Self.t0.addingTimeInterval(60)
        let reply = try await store.recordReply(
            channel: "zalo", sender: "+84399999999", text: "quảng cáo", reading: .other, dedupeKey: "z", at: at)
        let id = try #require(reply.id)
        #expect(try await store.attachReply(id: id, notice: notice.id, actor: "token:admin", at: at) == .notTargeted,
                "an unknown sender cannot be attached")
        guard case .handled(let handled, _) = try await store.dismissReply(id: id, actor: "account:+84912000111", at: at) else {
            Issue.record("not dismissed"); return
        }
        #expect(handled.handling == "dismissed" && handled.handledBy == "account:+84912000111")
        #expect(try await store.unhandledReplies(limit: 10).isEmpty)
        #expect(try await store.handledReplies(limit: 10).first?.reply.handling == "dismissed")
        #expect(try await store.report(notice: notice.id, by: nil, reachTarget: 0.8).totals.acknowledged == 0)
        let audit = try #require(try await store.auditLog(limit: 5).first)
        #expect(audit.action == "reply.dismiss" && audit.actor == "account:+84912000111" && audit.subject == "reply \(id)")
        #expect(try await store.dismissReply(id: id, actor: "x", at: at) == .alreadyHandled(handled))
    }

    @Test(arguments: StoreBackend.available)
    func aCancelledNoticeRefusesTheAttachment(backend: StoreBackend) async throws {
        let store = try await backend.seededStore()
        let notice = try await store.createNotice(Sample.draft([.all], kind: .convocation, sendAt: Self.t0))
        _ = try await store.cancelNotice(id: notice.id, actor: "test")
        let reply = try await store.recordReply(
            channel: "sms", sender: "+84987654321", text: "có", reading: .other, dedupeKey: "b", at: Self.t0)
        let outcome = try await store.attachReply(id: try #require(reply.id), notice: notice.id, actor: "token:admin", at: Self.t0)
        #expect(outcome == .closed(.cancelled))
        #expect(try await store.unhandledReplies(limit: 10).count == 1, "still waiting for staff")
        #expect(try await store.auditLog(limit: 10).allSatisfy { !$0.action.hasPrefix("reply.") })
    }
}
