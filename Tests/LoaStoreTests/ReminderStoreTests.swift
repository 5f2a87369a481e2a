import Foundation
import LoaCore
import LoaStore
import Testing

/// Reminders on a test clock (SPEC §3 `--remind`): each offset before the meeting, only to
/// residents who have not acknowledged, never after expiry, counted as sends of their own.
@Suite("Store contract: reminders")
struct ReminderStoreTests {
    static let t0 = Date(timeIntervalSince1970: 1_900_000_000)
    static let hour: TimeInterval = 3600

    func convocation(_ store: any Store, reminders: [Duration]) async throws -> Notice {
        var draft = Sample.draft([.all], kind: .convocation, sendAt: Self.t0)
        draft.meetingAt = Self.t0.addingTimeInterval(48 * Self.hour)
        draft.expiresAt = draft.meetingAt
        draft.reminders = reminders
        return try await store.createNotice(draft)
    }

    func claim(_ store: any Store, at time: Date) async throws -> [DispatchJob] {
        try await store.claimDue(ClaimRequest(now: time, limit: 100, worker: "w", lease: .seconds(60)))
    }

    func accept(_ store: any Store, _ jobs: [DispatchJob], at time: Date) async throws {
        try await store.record(
            jobs.map { job in
                DispatchOutcome(
                    messageID: job.messageID, attemptID: job.attemptID, attemptOutcome: "accepted", gatewayRef: "G\(job.attemptID)",
                    state: .accepted, nextAt: nil, channelStep: job.channelStep, attemptCount: 0, finishedAt: time)
            }, worker: "w")
    }

    @Test(arguments: StoreBackend.available)
    func remindersGoAtEachOffsetOnlyToThoseWhoHaveNotConfirmed(backend: StoreBackend) async throws {
        let store = try await backend.seededStore()
        let notice = try await convocation(store, reminders: [.seconds(24 * 3600), .seconds(2 * 3600)])
        let first = try await claim(store, at: Self.t0)
        #expect(first.count == 4 && first.allSatisfy { $0.round == 0 })
        try await accept(store, first, at: Self.t0)
        // One resident confirms on their page before the first reminder.
        let confirmed = try #require(first.first)
        let token = try #require(try await store.linkToken(message: confirmed.messageID))
        #expect(try await store.acknowledge(token: token, at: Self.t0.addingTimeInterval(Self.hour)) == .recorded(message: confirmed.messageID))

        let justBefore = Self.t0.addingTimeInterval(24 * Self.hour - 1)
        #expect(try await store.scheduleReminders(now: justBefore) == 0)
        #expect(try await claim(store, at: justBefore).isEmpty)

        let dayBefore = Self.t0.addingTimeInterval(24 * Self.hour)
        #expect(try await store.scheduleReminders(now: dayBefore) == 3)
        #expect(try await store.scheduleReminders(now: dayBefore) == 0, "a round goes once")
        let round1 = try await claim(store, at: dayBefore)
        #expect(round1.count == 3)
        #expect(!round1.contains { $0.messageID == confirmed.messageID })
        #expect(round1.allSatisfy { $0.round == 1 && $0.channelStep == 0 && $0.idempotencyKey.hasSuffix("R1") })
        let firstKeys = Dictionary(uniqueKeysWithValues: first.map { ($0.messageID, $0.idempotencyKey) })
        #expect(round1.allSatisfy { firstKeys[$0.messageID] != $0.idempotencyKey }, "eSMS refuses a RequestId reused that day")
        try await accept(store, round1, at: dayBefore)

        // A second resident replies OK between the rounds.
        let replied = try #require(round1.first)
        _ = try await store.acknowledge(
            notice: notice.id, phone: try #require(replied.recipient.phone), via: "phone-call", actor: "test", at: dayBefore)
        let twoHoursBefore = Self.t0.addingTimeInterval(46 * Self.hour)
        #expect(try await store.scheduleReminders(now: twoHoursBefore) == 2)
        let round2 = try await claim(store, at: twoHoursBefore)
        #expect(round2.count == 2 && round2.allSatisfy { $0.round == 2 })
        try await accept(store, round2, at: twoHoursBefore)

        let report = try await store.report(notice: notice.id, by: nil, reachTarget: 0.8)
        #expect(report.reminderSends == 5)
        #expect(report.totals.accepted == 4, "reminders do not count residents twice")
        let states = try await store.messageCounts(notice: notice.id)
        #expect(states[.acknowledged] == 2 && states[.accepted] == 2)
    }

    @Test(arguments: StoreBackend.available)
    func nothingIsRemindedAfterExpiryOrForACancelledNotice(backend: StoreBackend) async throws {
        let store = try await backend.seededStore()
        _ = try await convocation(store, reminders: [.seconds(2 * 3600)])
        try await accept(store, try await claim(store, at: Self.t0), at: Self.t0)
        // Loa was down from the reminder's time until after the meeting.
        #expect(try await store.scheduleReminders(now: Self.t0.addingTimeInterval(49 * Self.hour)) == 0)
        #expect(try await claim(store, at: Self.t0.addingTimeInterval(49 * Self.hour)).isEmpty)

        let cancelled = try await convocation(store, reminders: [.seconds(24 * 3600)])
        try await accept(store, try await claim(store, at: Self.t0), at: Self.t0)
        _ = try await store.cancelNotice(id: cancelled.id, actor: "test")
        #expect(try await store.scheduleReminders(now: Self.t0.addingTimeInterval(24 * Self.hour)) == 0)
    }

    @Test(arguments: StoreBackend.available)
    func offsetsBeforeTheSendTimeAreDropped(backend: StoreBackend) async throws {
        let store = try await backend.seededStore()
        _ = try await convocation(store, reminders: [.seconds(72 * 3600), .seconds(3600)])
        try await accept(store, try await claim(store, at: Self.t0), at: Self.t0)
        #expect(try await store.scheduleReminders(now: Self.t0.addingTimeInterval(47 * Self.hour)) == 4, "only the 1 h reminder")
        let jobs = try await claim(store, at: Self.t0.addingTimeInterval(47 * Self.hour))
        #expect(jobs.allSatisfy { $0.round == 1 })
    }
}
