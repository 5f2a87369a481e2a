import Foundation
import LoaCore
import PostgresNIO

/// Writes finished attempts set-wise: one UPDATE of their attempt rows, then one UPDATE of their
/// messages per ladder target, with the rules of SQLite's `record`: the schedule changes only while
/// this worker still holds the lease, a cancelled or expired message is never revived, and the
/// ladder move is monotonic.
///
/// Arrays cannot carry NULLs through the driver, so absent values travel as `has_…` flags (texts)
/// or -1 (numbers).
struct PostgresRecorder {
    let db: PostgresConnection
    let worker: String

    func record(_ outcomes: [DispatchOutcome]) async throws {
        try await db.run("""
            UPDATE attempts a
            SET finished_at = u.finished, outcome = u.outcome,
                gateway_ref = CASE WHEN u.has_ref THEN u.ref ELSE a.gateway_ref END,
                error = CASE WHEN u.has_error THEN u.error END, segments = NULLIF(u.segments, -1)
            FROM unnest(\(outcomes.map(\.attemptID))::bigint[], \(outcomes.map { $0.finishedAt.millis })::bigint[],
                        \(outcomes.map(\.attemptOutcome))::text[], \(outcomes.map { $0.gatewayRef != nil })::bool[],
                        \(outcomes.map { $0.gatewayRef ?? "" })::text[], \(outcomes.map { $0.error != nil })::bool[],
                        \(outcomes.map { $0.error ?? "" })::text[], \(outcomes.map { Int64($0.segments ?? -1) })::bigint[])
                 AS u(id, finished, outcome, has_ref, ref, has_error, error, segments)
            WHERE a.id = u.id
            """)
        for outcome in outcomes where outcome.state == .sending {
            // Not a move the planner makes; kept exact by moving first, as a separate statement.
            _ = try await PostgresStore.advance(db, message: outcome.messageID, to: .sending, at: outcome.finishedAt, error: nil)
        }
        let groups = Dictionary(grouping: outcomes) { $0.state == .sending ? nil : $0.state }
        for (target, group) in groups {
            let moved = Set(try await move(group, to: target))
            guard let target else { continue }
            for outcome in group where !moved.contains(outcome.messageID) {
                // The lease was lost (taken over after it expired): the schedule is the new holder's,
                // but what the gateway said still moves the ladder.
                if target == .failed {
                    try await db.run("""
                        UPDATE messages SET state = 'failed' WHERE id = \(outcome.messageID) AND state IN ('queued', 'sending')
                        """)
                } else {
                    _ = try await PostgresStore.advance(db, message: outcome.messageID, to: target, at: outcome.finishedAt, error: nil)
                }
            }
        }
    }

    /// One UPDATE for the outcomes sharing a ladder target; returns the messages it changed.
    private func move(_ outcomes: [DispatchOutcome], to target: MessageState?) async throws -> [Int64] {
        let sources = target.map { ClaimPlan.recordSources(for: $0).map(\.rawValue) } ?? []
        let accepted = MessageState.accepted.rawValue
        // A move comes before the cancelled-notice rule: a message a gateway took stays taken.
        return try await db.rows("""
            UPDATE messages m
            SET next_at = CASE WHEN m.state IN ('cancelled', 'expired') OR n.status = 'cancelled' THEN NULL
                               ELSE NULLIF(u.next_at, -1) END,
                state = CASE WHEN m.state = ANY(\(sources)) THEN \(target?.rawValue ?? "")
                             WHEN m.state = 'sending' AND n.status = 'cancelled' THEN 'cancelled'
                             ELSE m.state END,
                channel_step = u.step, attempt_count = u.attempts, await_receipt = u.await_receipt,
                last_error = CASE WHEN u.has_error THEN u.error END,
                lease_owner = NULL, lease_until = NULL, updated_at = u.finished,
                channel = COALESCE((SELECT a.channel FROM attempts a WHERE a.id = u.accepted_attempt), m.channel),
                segments = m.segments + u.segments
            FROM unnest(\(outcomes.map(\.messageID))::bigint[], \(outcomes.map { $0.nextAt?.millis ?? -1 })::bigint[],
                        \(outcomes.map { Int64($0.channelStep) })::bigint[], \(outcomes.map { Int64($0.attemptCount) })::bigint[],
                        \(outcomes.map(\.awaitReceipt))::bool[], \(outcomes.map { $0.error != nil })::bool[],
                        \(outcomes.map { $0.error ?? "" })::text[], \(outcomes.map { $0.finishedAt.millis })::bigint[],
                        \(outcomes.map { $0.attemptOutcome == accepted ? $0.attemptID : 0 })::bigint[],
                        \(outcomes.map { Int64($0.attemptOutcome == accepted ? $0.segments ?? 0 : 0) })::bigint[])
                 AS u(id, next_at, step, attempts, await_receipt, has_error, error, finished, accepted_attempt, segments),
                 notices n
            WHERE m.id = u.id AND n.id = m.notice_id AND m.lease_owner = \(worker)
            RETURNING m.id
            """
        ).map { try $0["id"] as Int64 }
    }
}
