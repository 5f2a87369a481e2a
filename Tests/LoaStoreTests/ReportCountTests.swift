import Foundation
import GRDB
import LoaCore
import LoaStore
import Testing

/// SQLite's reports read `report_counts`, which a trigger keeps as messages change; the table must
/// equal a recount of the messages after every kind of change the dispatcher and tracking make.
@Suite("SQLite report counters")
struct ReportCountTests {
    static let t0 = Date(timeIntervalSince1970: 1_900_000_000)

    @Test("report_counts equals a recount of the messages after every kind of recorded outcome")
    func countersMatchARecount() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("loa-counts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("loa.db").path
        let store = try SQLiteStore(path: path)
        _ = try await store.importResidents(Sample.rows, columns: .all, actor: "test")
        let notice = try await store.createNotice(Sample.draft([.all], sendAt: Self.t0))
        let other = try await store.createNotice(Sample.draft([.hamlet("Đồng Tâm")], sendAt: Self.t0))
        func claim(at time: Date, worker: String = "w1") async throws -> [DispatchJob] {
            try await store.claimDue(ClaimRequest(now: time, limit: 100, worker: worker, lease: .seconds(60)))
        }
        func outcome(_ job: DispatchJob, _ attempt: String, _ state: MessageState?, next: Date? = nil, step: Int? = nil,
                     attempts: Int = 0, segments: Int? = nil, receipt: Bool = false, at time: Date = Self.t0) -> DispatchOutcome {
            DispatchOutcome(
                messageID: job.messageID, attemptID: job.attemptID, attemptOutcome: attempt,
                gatewayRef: "ref-\(job.messageID)-\(job.channelStep)", segments: segments, error: state == nil ? "503" : nil,
                state: state, nextAt: next, channelStep: step ?? job.channelStep, attemptCount: attempts,
                awaitReceipt: receipt, finishedAt: time)
        }

        try expectRecount(path, "after creating two notices")
        let jobs = try await claim(at: Self.t0).sorted { $0.messageID < $1.messageID }
        #expect(jobs.count == 6)
        try expectRecount(path, "after the first claim")

        // One round with one outcome of each kind the planner makes.
        try await store.record([
            outcome(jobs[0], "accepted", .accepted, segments: 2),
            outcome(jobs[1], "delivered", .delivered),
            outcome(jobs[2], "unreachable", nil, next: Self.t0, step: 1),
            outcome(jobs[3], "retry", nil, next: Self.t0.addingTimeInterval(30), attempts: 1),
            outcome(jobs[4], "failed", .failed),
            outcome(jobs[5], "accepted", .accepted, next: Self.t0.addingTimeInterval(600), segments: 1, receipt: true),
        ], worker: "w1")
        try expectRecount(path, "after a round of mixed outcomes")

        // The fallback goes out on SMS: the message changes channel as it is accepted.
        let fallback = try #require(try await claim(at: Self.t0).first)
        #expect(fallback.messageID == jobs[2].messageID && fallback.channelStep == 1)
        try await store.record([outcome(fallback, "accepted", .accepted, segments: 3)], worker: "w1")
        try expectRecount(path, "after a fallback was accepted on another channel")

        // A worker loses its lease: the late report moves the ladder outside the recorder's sums.
        let retry = try #require(try await claim(at: Self.t0.addingTimeInterval(30)).first)
        let retaken = try #require(try await claim(at: Self.t0.addingTimeInterval(91), worker: "w2").first)
        #expect(retaken.messageID == retry.messageID)
        try await store.record([outcome(retry, "accepted", .accepted, segments: 1, at: Self.t0.addingTimeInterval(92))], worker: "w1")
        try expectRecount(path, "after a report from a worker that lost its lease")
        try await store.record([outcome(retaken, "delivered", .delivered, at: Self.t0.addingTimeInterval(93))], worker: "w2")
        try expectRecount(path, "after the new holder's report")

        // A notice cancelled while its request is on the wire: the recorder turns it cancelled.
        let cancelled = try await store.createNotice(Sample.draft([.hamlet("Thông Nhất")], sendAt: Self.t0))
        let wire = try await claim(at: Self.t0.addingTimeInterval(100)).filter { $0.noticeID == cancelled.id }
        #expect(wire.count == 2)
        _ = try await store.cancelNotice(id: cancelled.id, actor: "test")
        try expectRecount(path, "after cancelling a notice on the wire")
        try await store.record(wire.map { outcome($0, "retry", nil, next: Self.t0.addingTimeInterval(130), attempts: 1) }, worker: "w1")
        try expectRecount(path, "after the cancelled notice's requests came back")

        // Receipts and opens arrive through tracking, which the trigger counts.
        _ = try await store.applyTracking(
            [TrackingEvent(subject: .key(jobs[5].idempotencyKey), state: .delivered, dedupeKey: "d1"),
             TrackingEvent(subject: .key(jobs[0].idempotencyKey), state: .opened, dedupeKey: "o1")],
            channel: "zalo", receivedAt: Self.t0.addingTimeInterval(200))
        try expectRecount(path, "after a receipt and an open")
        #expect(try await store.messageCounts(notice: notice.id)[.opened] == 1)
        #expect(try await store.messageCounts(notice: other.id).values.reduce(0, +) == 2)
    }

    /// Compares the non-zero rows of `report_counts` with the same figures counted from `messages`.
    private func expectRecount(_ path: String, _ label: Comment) throws {
        let queue = try DatabaseQueue(path: path)
        let (counted, recounted) = try queue.read { db in
            let kept = try Row.fetchAll(db, sql: """
                SELECT notice_id, hamlet_id, channel, state, unreachable, n, opened, segments FROM report_counts
                WHERE n <> 0 OR opened <> 0 OR segments <> 0 ORDER BY 1, 2, 3, 4, 5
                """)
            let recount = try Row.fetchAll(db, sql: """
                SELECT notice_id, COALESCE(hamlet_id, 0), COALESCE(channel, ''),
                       CASE state WHEN 'sending' THEN 'queued' ELSE state END, unreachable,
                       COUNT(*), COUNT(opened_at), SUM(segments)
                FROM messages GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
                """)
            return (kept.map(Self.line), recount.map(Self.line))
        }
        #expect(counted == recounted, label)
        #expect(!recounted.isEmpty)
    }

    private static func line(_ row: Row) -> String {
        row.databaseValues.map(\.description).joined(separator: "|")
    }
}
