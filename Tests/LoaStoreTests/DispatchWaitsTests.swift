import Foundation
import LoaCore
import LoaStore
import Testing

/// `dispatchWaits`: what begun work waits for, as `loa run --until-idle` says it.
@Suite("Store contract: what dispatch waits for")
struct DispatchWaitsTests {
    static let t0 = Date(timeIntervalSince1970: 1_900_000_000)

    func outcome(_ job: DispatchJob, _ word: String, next: Date, receipt: Bool) -> DispatchOutcome {
        DispatchOutcome(
            messageID: job.messageID, attemptID: job.attemptID, attemptOutcome: word, gatewayRef: receipt ? "z-\(job.messageID)" : nil,
            state: receipt ? .accepted : nil, nextAt: next, channelStep: 0, attemptCount: receipt ? 0 : 1,
            awaitReceipt: receipt, finishedAt: Self.t0)
    }

    @Test(arguments: StoreBackend.available)
    func receiptsRetriesAndClaimsAreToldApart(backend: StoreBackend) async throws {
        let store = try await backend.seededStore()
        _ = try await store.createNotice(Sample.draft([.all], sendAt: Self.t0))
        #expect(try await store.dispatchWaits(now: Self.t0) == DispatchWaits(), "queued work due now is no wait")
        let jobs = try await store.claimDue(
            ClaimRequest(now: Self.t0, limit: 10, worker: "w1", lease: .seconds(60)))
        #expect(jobs.count == 4)
        let claimed = try await store.dispatchWaits(now: Self.t0)
        #expect(claimed.claimed == 4 && claimed.claimedUntil == Self.t0.addingTimeInterval(60))
        #expect(claimed.receipts == 0 && claimed.retries == 0)

        let (early, late) = (Self.t0.addingTimeInterval(600), Self.t0.addingTimeInterval(1800))
        try await store.record([
            outcome(jobs[0], "accepted", next: early, receipt: true),
            outcome(jobs[1], "accepted", next: late, receipt: true),
            outcome(jobs[2], "retry", next: Self.t0.addingTimeInterval(30), receipt: false),
            outcome(jobs[3], "retry", next: Self.t0.addingTimeInterval(5), receipt: false),
        ], worker: "w1")
        let waits = try await store.dispatchWaits(now: Self.t0)
        #expect(waits == DispatchWaits(
            receipts: 2, receiptsUntil: late, retries: 2, nextRetry: Self.t0.addingTimeInterval(5)))

        // Past a deadline or a retry time the message is due: no longer a wait.
        let later = try await store.dispatchWaits(now: Self.t0.addingTimeInterval(700))
        #expect(later == DispatchWaits(receipts: 1, receiptsUntil: late), "\(later)")
    }
}
