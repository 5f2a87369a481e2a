import Foundation
import LoaCore
import LoaStore
import Testing

@Suite("Store contract: claiming and recording dispatch")
struct DispatchStoreTests {
    static let t0 = Date(timeIntervalSince1970: 1_900_000_000)

    func claim(_ store: any Store, at time: Date, limit: Int = 100, worker: String = "w1", urgentOnly: Bool = false)
        async throws -> [DispatchJob]
    {
        try await store.claimDue(
            ClaimRequest(now: time, limit: limit, worker: worker, lease: .seconds(60), urgentOnly: urgentOnly))
    }

    @Test(arguments: StoreBackend.available)
    func messagesAreClaimedWhenDueAndOnlyOnce(backend: StoreBackend) async throws {
        let store = try await backend.seededStore()
        let notice = try await store.createNotice(Sample.draft([.all], sendAt: Self.t0))
        #expect(try await claim(store, at: Self.t0.addingTimeInterval(-1)).isEmpty, "not before send_at")
        let first = try await claim(store, at: Self.t0, limit: 3)
        #expect(first.count == 3)
        #expect(Set(first.map(\.idempotencyKey)).count == 3)
        #expect(first.allSatisfy { !$0.isResend && $0.channelStep == 0 })
        #expect(first.allSatisfy { $0.idempotencyKey.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } })
        #expect(try await store.messageCounts(notice: notice.id) == [.sending: 3, .queued: 1])
        let second = try await claim(store, at: Self.t0, worker: "w2")
        #expect(second.count == 1, "another worker gets only what is left")
        #expect(Set(first.map(\.messageID)).isDisjoint(with: second.map(\.messageID)))
        #expect(try await store.messageCounts(notice: notice.id) == [.sending: 4])
        let backlog = try await store.dispatchBacklog(now: Self.t0)
        #expect(backlog.inFlight == 4 && backlog.due == 0)
    }

    @Test(arguments: StoreBackend.available)
    func workersClaimingAtOnceNeverShareAMessage(backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        let rows = (0..<400).map { index in
            ResidentInput(name: "Cư dân \(index)", phone: Sample.phone("09\(10_000_000 + index)"), hamlet: "Thôn \(index % 4)")
        }
        _ = try await store.importResidents(rows, columns: .all, actor: "test")
        _ = try await store.createNotice(Sample.draft([.all], sendAt: Self.t0))
        // Four workers claim side by side in rounds of 25 until nothing is left.
        let claims = try await withThrowingTaskGroup(of: [Int64].self) { group in
            for worker in 1...4 {
                group.addTask {
                    var mine: [Int64] = []
                    while true {
                        let jobs = try await self.claim(store, at: Self.t0, limit: 25, worker: "w\(worker)")
                        if jobs.isEmpty { return mine }
                        mine += jobs.map(\.messageID)
                    }
                }
            }
            return try await group.reduce(into: [[Int64]]()) { $0.append($1) }
        }
        let all = claims.flatMap { $0 }
        #expect(all.count == 400)
        #expect(Set(all).count == 400, "no message claimed by two workers")
    }

    @Test(arguments: StoreBackend.available)
    func aCrashedWorkersClaimsAreRetakenWithTheSameKey(backend: StoreBackend) async throws {
        let store = try await backend.seededStore()
        _ = try await store.createNotice(Sample.draft([.phone(Sample.rows[0].phone)], sendAt: Self.t0))
        let claimed = try #require(try await claim(store, at: Self.t0).first)
        #expect(try await claim(store, at: Self.t0.addingTimeInterval(59), worker: "w2").isEmpty, "lease holds")
        #expect(
            try await claim(store, at: Self.t0.addingTimeInterval(61)).isEmpty,
            "a live worker never retakes its own job: it may still be on the wire")
        let retaken = try #require(try await claim(store, at: Self.t0.addingTimeInterval(61), worker: "w2").first)
        #expect(retaken.messageID == claimed.messageID)
        #expect(retaken.idempotencyKey == claimed.idempotencyKey)
        #expect(retaken.isResend)
        // The crashed worker's late report must not change the schedule the new owner holds.
        try await store.record(
            [DispatchOutcome(
                messageID: claimed.messageID, attemptID: claimed.attemptID, attemptOutcome: "retry", error: "late",
                state: nil, nextAt: Self.t0.addingTimeInterval(9_999), channelStep: 0, attemptCount: 1,
                finishedAt: Self.t0.addingTimeInterval(62))], worker: "w1")
        #expect(try await store.dispatchBacklog(now: Self.t0.addingTimeInterval(62)).inFlight == 1)
        let attempts = try await store.attempts(message: claimed.messageID)
        #expect(attempts.map(\.outcome) == ["retry", nil], "history keeps both attempts")
        #expect(Set(attempts.map(\.idempotencyKey)).count == 1)
    }

    @Test(arguments: StoreBackend.available)
    func urgentGoesFirstAndAloneInQuietHours(backend: StoreBackend) async throws {
        let store = try await backend.seededStore()
        _ = try await store.createNotice(Sample.draft([.all], sendAt: Self.t0))
        var urgent = Sample.draft([.hamlet("Đồng Tâm")], sendAt: Self.t0.addingTimeInterval(5))
        urgent.priority = .urgent
        let alert = try await store.createNotice(urgent)
        let night = try await claim(store, at: Self.t0.addingTimeInterval(10), urgentOnly: true)
        #expect(night.count == 2 && night.allSatisfy { $0.noticeID == alert.id })
        let day = try await claim(store, at: Self.t0.addingTimeInterval(10), limit: 1)
        #expect(day.count == 1 && day[0].noticeID != alert.id)
    }

    @Test(arguments: StoreBackend.available)
    func expiredMessagesAreNeverSentLate(backend: StoreBackend) async throws {
        let store = try await backend.seededStore()
        let notice = try await store.createNotice(Sample.draft([.all], kind: .convocation, sendAt: Self.t0))
        let meeting = try #require(notice.draft.expiresAt)
        #expect(try await claim(store, at: meeting).isEmpty)
        #expect(try await store.expireDue(now: meeting) == 4)
        #expect(try await store.messageCounts(notice: notice.id) == [.expired: 4])
        let backlog = try await store.dispatchBacklog(now: meeting)
        #expect(backlog == DispatchBacklog(due: 0, started: 0, inFlight: 0, scheduled: 0, nextAt: nil))
    }

    @Test(arguments: StoreBackend.available)
    func aReceiptFallbackMovesOnOnlyWithoutAReceipt(backend: StoreBackend) async throws {
        let store = try await backend.seededStore()
        let notice = try await store.createNotice(Sample.draft([.hamlet("Thông Nhất")], sendAt: Self.t0))
        let jobs = try await claim(store, at: Self.t0)
        #expect(jobs.count == 2)
        let later = Self.t0.addingTimeInterval(1800)
        try await store.record(jobs.map { job in
            DispatchOutcome(
                messageID: job.messageID, attemptID: job.attemptID, attemptOutcome: "accepted", gatewayRef: "z-\(job.messageID)",
                state: .accepted, nextAt: later, channelStep: 0, attemptCount: 0, awaitReceipt: true,
                finishedAt: Self.t0)
        }, worker: "w1")
        #expect(try await store.messageCounts(notice: notice.id) == [.accepted: 2])
        #expect(try await store.dispatchBacklog(now: Self.t0).started == 2)
        #expect(try await store.advance(message: jobs[0].messageID, to: .delivered, at: later, error: nil))
        let fallbacks = try await claim(store, at: later)
        #expect(fallbacks.map(\.messageID) == [jobs[1].messageID])
        #expect(fallbacks[0].channelStep == 1)
        #expect(fallbacks[0].idempotencyKey != jobs[1].idempotencyKey, "each channel has its own key")
        #expect(try await store.dispatchBacklog(now: later).due == 0, "the delivered one needs nothing more")
    }

    @Test(arguments: StoreBackend.available)
    func runningOutOfChannelsDoesNotFailAMessageAnotherChannelTook(backend: StoreBackend) async throws {
        let store = try await backend.seededStore()
        _ = try await store.createNotice(Sample.draft([.phone(Sample.rows[0].phone)], sendAt: Self.t0))
        let job = try #require(try await claim(store, at: Self.t0).first)
        try await store.record([DispatchOutcome(
            messageID: job.messageID, attemptID: job.attemptID, attemptOutcome: "accepted", state: .accepted,
            nextAt: Self.t0, channelStep: 1, attemptCount: 0, finishedAt: Self.t0)], worker: "w1")
        let second = try #require(try await claim(store, at: Self.t0).first)
        try await store.record([DispatchOutcome(
            messageID: second.messageID, attemptID: second.attemptID, attemptOutcome: "failed", error: "refused",
            state: .failed, nextAt: nil, channelStep: 1, attemptCount: 0, finishedAt: Self.t0)], worker: "w1")
        let message = try #require(try await store.messages(notice: job.noticeID).first)
        #expect(message.state == .accepted)
        #expect(message.nextAt == nil)
    }

    @Test(arguments: StoreBackend.available)
    func cancellingStopsRetriesButNotRequestsOnTheWire(backend: StoreBackend) async throws {
        let store = try await backend.seededStore()
        let notice = try await store.createNotice(Sample.draft([.hamlet("Thông Nhất")], sendAt: Date()))
        let jobs = try await store.claimDue(ClaimRequest(now: Date(), limit: 1, worker: "w1", lease: .seconds(60)))
        let outcome = try await store.cancelNotice(id: notice.id, actor: "test")
        #expect(outcome.cancelledMessages == 1, "the leased one is on the wire and finishes")
        try await store.record([DispatchOutcome(
            messageID: jobs[0].messageID, attemptID: jobs[0].attemptID, attemptOutcome: "retry", error: "503",
            state: nil, nextAt: Date(), channelStep: 0, attemptCount: 1, finishedAt: Date())], worker: "w1")
        let later = ClaimRequest(now: Date().addingTimeInterval(1), limit: 10, worker: "w1", lease: .seconds(60))
        #expect(try await store.claimDue(later).isEmpty, "a failed request of a cancelled notice is not retried")
        #expect(try await store.messageCounts(notice: notice.id) == [.cancelled: 2])
    }
}
