import Foundation
import GRDB
import LoaCore

extension SQLiteStore {
    public func dispatchRound(
        recording outcomes: [DispatchOutcome], worker: String, claiming request: ClaimRequest?
    ) async throws -> [DispatchJob] {
        try await pool.write { db in
            var recorder = DispatchRecorder(db: db, worker: worker)
            for outcome in outcomes {
                try recorder.record(outcome)
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
}
