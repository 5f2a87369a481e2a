import Foundation
import LoaCore
import LoaStore
import Testing

@Suite("Store contract: notices and messages")
struct NoticeStoreTests {
    @Test(arguments: StoreBackend.available)
    func creatingANoticeQueuesOneMessagePerTargetedResident(backend: StoreBackend) async throws {
        let store = try await backend.seededStore()
        let notice = try await store.createNotice(
            Sample.draft([.hamlet("Thông Nhất"), .group("Đoàn Thanh niên"), .phone(Sample.rows[0].phone)]))
        #expect(notice.id.hasPrefix("N-") && notice.id.count == 8)
        #expect(notice.messageCount == 3, "selectors are a union: An is named twice but gets one message")
        #expect(try await store.messageCounts(notice: notice.id) == [.queued: 3])
        let messages = try await store.messages(notice: notice.id)
        #expect(Set(messages.map(\.state)) == [.queued])
        let stored = try #require(try await store.notice(id: notice.id))
        #expect(stored == notice)
        #expect(try await store.countAudience([.all]) == AudienceCount(targeted: 4, unreachable: 0))
    }

    @Test(arguments: StoreBackend.available)
    func aConvocationExpiresAtItsMeetingAndAsksForAcknowledgement(backend: StoreBackend) async throws {
        let store = try await backend.seededStore()
        let notice = try await store.createNotice(Sample.draft([.all], kind: .convocation))
        let stored = try #require(try await store.notice(id: notice.id))
        #expect(stored.draft.ackRequired)
        #expect(stored.draft.expiresAt == stored.draft.meetingAt)
        #expect(stored.draft.expiresAt != nil)
    }

    @Test(arguments: StoreBackend.available)
    func anUnknownSelectorStoresNothing(backend: StoreBackend) async throws {
        let store = try await backend.seededStore()
        await #expect(throws: StoreError.self) {
            try await store.createNotice(Sample.draft([.all, .hamlet("Nowhere")]))
        }
        await #expect(throws: StoreError.self) {
            try await store.createNotice(Sample.draft([.phone(Sample.phone("0399999999"))]))
        }
        #expect(try await store.notices().isEmpty)
        #expect(try await store.auditLog(limit: 10).map(\.action) == ["residents.import"])
    }

    @Test(arguments: StoreBackend.available)
    func cancellingStopsOnlyMessagesNotYetSent(backend: StoreBackend) async throws {
        let store = try await backend.seededStore()
        let notice = try await store.createNotice(Sample.draft([.all]))
        let messages = try await store.messages(notice: notice.id)
        #expect(try await store.advance(message: messages[0].id, to: .sending, at: Date(), error: nil))
        #expect(try await store.advance(message: messages[1].id, to: .accepted, at: Date(), error: nil))
        let outcome = try await store.cancelNotice(id: notice.id, actor: "test")
        #expect(outcome.cancelledMessages == 3, "a `sending` message not on the wire (no lease) is stopped too")
        #expect(outcome.notice.status == .cancelled)
        #expect(try await store.messageCounts(notice: notice.id) == [.accepted: 1, .cancelled: 3])
        let again = try await store.cancelNotice(id: notice.id, actor: "test")
        #expect(again.cancelledMessages == 0)
        #expect(try await store.auditLog(limit: 10).filter { $0.action == "notice.cancel" }.count == 1)
        await #expect(throws: StoreError.self) { try await store.cancelNotice(id: "N-NOPE00", actor: "test") }
    }

    @Test(arguments: StoreBackend.available)
    func theLadderNeverMovesDown(backend: StoreBackend) async throws {
        let store = try await backend.seededStore()
        let notice = try await store.createNotice(Sample.draft([.phone(Sample.rows[0].phone)]))
        let id = try #require(try await store.messages(notice: notice.id).first?.id)
        let now = Date()
        #expect(try await store.advance(message: id, to: .sending, at: now, error: nil))
        #expect(try await store.advance(message: id, to: .delivered, at: now, error: nil))
        #expect(try await store.advance(message: id, to: .accepted, at: now, error: nil) == false)
        #expect(try await store.advance(message: id, to: .failed, at: now, error: "late failure") == false)
        #expect(try await store.advance(message: id, to: .cancelled, at: now, error: nil) == false)
        #expect(try await store.advance(message: id, to: .acknowledged, at: now, error: nil))
        #expect(try await store.advance(message: id, to: .opened, at: now, error: nil) == false)
        let message = try #require(try await store.messages(notice: notice.id).first)
        #expect(message.state == .acknowledged)
        #expect(message.lastError == nil)
    }

    @Test(arguments: StoreBackend.available)
    func aReceiptLiftsAFailureButNothingMovesACancelledMessage(backend: StoreBackend) async throws {
        let store = try await backend.seededStore()
        let notice = try await store.createNotice(Sample.draft([.hamlet("Thông Nhất")]))
        let messages = try await store.messages(notice: notice.id)
        #expect(try await store.advance(message: messages[0].id, to: .failed, at: Date(), error: "timeout"))
        #expect(try await store.advance(message: messages[0].id, to: .delivered, at: Date(), error: nil))
        #expect(try await store.advance(message: messages[1].id, to: .cancelled, at: Date(), error: nil))
        for state in MessageState.allCases {
            #expect(try await store.advance(message: messages[1].id, to: state, at: Date(), error: nil) == false)
        }
        let after = try await store.messages(notice: notice.id)
        #expect(after.map(\.state) == [.delivered, .cancelled])
        #expect(after[0].lastError == "timeout", "history of the failure stays readable")
    }

    @Test(arguments: StoreBackend.available)
    func duplicateEventsAreRecordedOnce(backend: StoreBackend) async throws {
        let store = try await backend.seededStore()
        let notice = try await store.createNotice(Sample.draft([.phone(Sample.rows[0].phone)]))
        let id = try #require(try await store.messages(notice: notice.id).first?.id)
        let delivered = MessageEvent(
            message: id, channel: "zalo", kind: "delivered", state: .delivered, gatewayRef: "msg-1",
            dedupeKey: "zalo:msg-1:delivered", occurredAt: Date(timeIntervalSince1970: 1_800_000_000))
        #expect(try await store.recordEvent(delivered))
        #expect(try await store.recordEvent(delivered) == false)
        let late = MessageEvent(
            message: id, channel: "zalo", kind: "accepted", state: .accepted, gatewayRef: "msg-1",
            dedupeKey: "zalo:msg-1:accepted", occurredAt: Date(timeIntervalSince1970: 1_799_999_999))
        #expect(try await store.recordEvent(late), "a late event is kept as history")
        #expect(try await store.messages(notice: notice.id).first?.state == .delivered)
        let history = try await store.events(message: id)
        #expect(history.map(\.kind) == ["accepted", "delivered"])
        #expect(history.map(\.gatewayRef) == ["msg-1", "msg-1"])
    }

    @Test(arguments: StoreBackend.available)
    func largeAudiencesAreMaterialisedInOneStatement(backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        let rows = (0..<20_000).map { index in
            ResidentInput(
                name: "Cư dân \(index)", phone: Sample.phone(String(format: "09123%05d", index)),
                hamlet: "Thôn \(index % 7)", groups: index % 3 == 0 ? ["Hội Nông dân"] : [])
        }
        #expect(try await store.importResidents(rows, columns: .all, actor: "test").added == 20_000)
        let notice = try await store.createNotice(Sample.draft([.group("Hội Nông dân"), .hamlet("Thôn 1")]))
        let expected = rows.indices.filter { $0 % 3 == 0 || $0 % 7 == 1 }.count
        #expect(notice.messageCount == expected)
        #expect(try await store.messageCounts(notice: notice.id) == [.queued: expected])
    }
}
