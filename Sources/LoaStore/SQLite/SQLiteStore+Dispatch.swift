import Foundation
import GRDB
import LoaCore

extension SQLiteStore {
    public func dispatchRound(
        recording outcomes: [DispatchOutcome], worker: String, claiming request: ClaimRequest?
    ) async throws -> [DispatchJob] {
        try await pool.write { db in
            for outcome in outcomes {
                try Self.record(outcome, worker: worker, db)
            }
            guard let request, request.limit > 0 else { return [] }
            return try DispatchClaimer(db: db, request: request).claim()
        }
    }

    public func expireDue(now: Date) async throws -> Int {
        try await pool.write { db in
            try db.execute(
                sql: """
                    UPDATE messages
                    SET state = CASE WHEN state IN ('queued', 'sending') THEN 'expired' ELSE state END,
                        next_at = NULL, await_receipt = 0, updated_at = ?
                    WHERE next_at IS NOT NULL AND expires_at IS NOT NULL AND expires_at <= ?
                      AND (lease_until IS NULL OR lease_until < ?)
                    """, arguments: [now.millis, now.millis, now.millis])
            return db.changesCount
        }
    }

    public func dispatchBacklog(now: Date) async throws -> DispatchBacklog {
        try await pool.read { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT
                      COALESCE(SUM(next_at <= :now AND (lease_until IS NULL OR lease_until < :now)), 0) AS due,
                      COALESCE(SUM(next_at > :now AND state <> 'queued'
                                   AND (lease_until IS NULL OR lease_until < :now)), 0) AS started,
                      COALESCE(SUM(lease_until >= :now), 0) AS in_flight,
                      COALESCE(SUM(next_at > :now AND state = 'queued'), 0) AS scheduled,
                      MIN(CASE WHEN next_at > :now THEN next_at END) AS next
                    FROM messages WHERE next_at IS NOT NULL
                    """, arguments: ["now": now.millis])
            let next: Int64? = row?["next"]
            return DispatchBacklog(
                due: row?["due"] ?? 0, started: row?["started"] ?? 0, inFlight: row?["in_flight"] ?? 0,
                scheduled: row?["scheduled"] ?? 0, nextAt: next.map(Date.init(millis:)))
        }
    }

    public func attemptSummary(notice: String) async throws -> [String: [String: Int]] {
        try await pool.read { db in
            var summary: [String: [String: Int]] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT a.channel, COALESCE(a.outcome, 'in flight') AS outcome, COUNT(*) AS n
                    FROM attempts a JOIN messages m ON m.id = a.message_id
                    WHERE m.notice_id = ? GROUP BY 1, 2
                    """, arguments: [notice])
            {
                summary[row["channel"], default: [:]][row["outcome"]] = row["n"]
            }
            return summary
        }
    }

    public func attempts(message: Int64) async throws -> [AttemptRecord] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM attempts WHERE message_id = ? ORDER BY id", arguments: [message])
                .map { row in
                    AttemptRecord(
                        channel: row["channel"], idempotencyKey: row["idempotency_key"],
                        startedAt: Date(millis: row["started_at"]),
                        finishedAt: (row["finished_at"] as Int64?).map(Date.init(millis:)),
                        outcome: row["outcome"], gatewayRef: row["gateway_ref"], error: row["error"])
                }
        }
    }

    /// Writes one finished attempt. The message's schedule changes only while this worker still holds
    /// its lease, and never revives a cancelled or expired message or one whose notice was cancelled
    /// while the request was on the wire; the ladder move is monotonic.
    ///
    /// One UPDATE of the attempt and, while the lease holds, one UPDATE of the message that makes the
    /// ladder move and the schedule change together (SET expressions all read the row as it was).
    static func record(_ outcome: DispatchOutcome, worker: String, _ db: Database) throws {
        let finished = outcome.finishedAt.millis
        // Attempt rows start with no gateway reference: leaving the column out when there is none
        // spares the two indexes on it.
        if let gatewayRef = outcome.gatewayRef {
            try db.cachedStatement(sql: """
                UPDATE attempts SET finished_at = ?, outcome = ?, gateway_ref = ?, error = ?, segments = ?
                WHERE id = ?
                """
            ).execute(arguments: [
                finished, outcome.attemptOutcome, gatewayRef, outcome.error, outcome.segments, outcome.attemptID,
            ])
        } else {
            try db.cachedStatement(sql: """
                UPDATE attempts SET finished_at = ?, outcome = ?, error = ?, segments = ? WHERE id = ?
                """
            ).execute(arguments: [finished, outcome.attemptOutcome, outcome.error, outcome.segments, outcome.attemptID])
        }
        if outcome.state == .sending {
            // Not a move the planner makes; kept exact by moving first, as a separate statement.
            _ = try advance(db, message: outcome.messageID, to: .sending, at: outcome.finishedAt, error: nil)
        }
        let target = outcome.state == .sending ? nil : outcome.state
        let move = RecordMove.for(target)
        var arguments: StatementArguments = [outcome.nextAt?.millis]
        if let target {
            arguments += StatementArguments(move.sources)
            arguments += [target.rawValue]
        }
        let accepted = outcome.attemptOutcome == MessageState.accepted.rawValue
        arguments += [
            outcome.channelStep, outcome.attemptCount, outcome.awaitReceipt, outcome.error, finished,
            accepted ? outcome.attemptID : nil, accepted ? outcome.segments ?? 0 : 0, outcome.messageID, worker,
        ]
        try db.cachedStatement(sql: move.sql).execute(arguments: arguments)
        guard db.changesCount == 0, let target else { return }
        // The lease was lost (taken over after it expired): the schedule is the new holder's, but
        // what the gateway said still moves the ladder.
        if target == .failed {
            try db.cachedStatement(
                sql: "UPDATE messages SET state = 'failed' WHERE id = ? AND state IN ('queued', 'sending')"
            ).execute(arguments: [outcome.messageID])
        } else {
            _ = try advance(db, message: outcome.messageID, to: target, at: outcome.finishedAt, error: nil)
        }
    }
}

/// The message UPDATE of `record` for one ladder target: the states it moves from and its SQL text,
/// built once per target.
private struct RecordMove {
    let sources: [String]
    let sql: String

    private static let all: [String: RecordMove] = {
        var moves = ["": RecordMove(target: nil)]
        for state in MessageState.allCases { moves[state.rawValue] = RecordMove(target: state) }
        return moves
    }()

    static func `for`(_ target: MessageState?) -> RecordMove {
        all[target?.rawValue ?? ""]!
    }

    private init(target: MessageState?) {
        sources = target.map { ClaimPlan.recordSources(for: $0).map(\.rawValue) } ?? []
        let ladder = target == nil
            ? ""
            : "WHEN \(SQLiteStore.oneOf("state", count: sources.count)) THEN ?"
        // No move leads into or out of `cancelled`/`expired`, and none leads to `sending`, so the
        // tests on `state` read the same whether they see the state before the move or after it.
        // A move comes before the cancelled-notice rule: a message a gateway took stays taken.
        sql = """
            UPDATE messages
            SET next_at = CASE
                    WHEN state IN ('cancelled', 'expired')
                      OR (SELECT status FROM notices WHERE id = messages.notice_id) = 'cancelled' THEN NULL
                    ELSE ? END,
                state = CASE \(ladder)
                    WHEN state = 'sending' AND (SELECT status FROM notices WHERE id = messages.notice_id) = 'cancelled'
                    THEN 'cancelled' ELSE state END,
                channel_step = ?, attempt_count = ?, await_receipt = ?, last_error = ?,
                lease_owner = NULL, lease_until = NULL, updated_at = ?,
                channel = COALESCE((SELECT channel FROM attempts WHERE id = ?), channel),
                segments = segments + ?
            WHERE id = ? AND lease_owner = ?
            """
    }
}
