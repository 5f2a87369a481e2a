import Foundation
import LoaCore
import PostgresNIO

extension PostgresStore {
    public func dispatchRound(
        recording outcomes: [DispatchOutcome], worker: String, claiming request: ClaimRequest?
    ) async throws -> [DispatchJob] {
        guard !outcomes.isEmpty || (request?.limit ?? 0) > 0 else { return [] }
        return try await write { db in
            if !outcomes.isEmpty { try await PostgresRecorder(db: db, worker: worker).record(outcomes) }
            guard let request, request.limit > 0 else { return [] }
            return try await PostgresClaimer(db: db, request: request).claim()
        }
    }

    public func expireDue(now: Date) async throws -> Int {
        try await write { db in
            try await db.run("""
                UPDATE messages
                SET state = CASE WHEN state IN ('queued', 'sending') THEN 'expired' ELSE state END,
                    next_at = NULL, await_receipt = false, updated_at = \(now.millis)
                WHERE next_at IS NOT NULL AND expires_at IS NOT NULL AND expires_at <= \(now.millis)
                  AND (lease_until IS NULL OR lease_until < \(now.millis))
                RETURNING 1
                """)
        }
    }

    public func dispatchBacklog(now: Date) async throws -> DispatchBacklog {
        try await read { db in
            let now = now.millis
            guard let row = try await db.rows("""
                SELECT
                  COUNT(*) FILTER (WHERE next_at <= \(now) AND (lease_until IS NULL OR lease_until < \(now))) AS due,
                  COUNT(*) FILTER (WHERE next_at > \(now) AND state <> 'queued'
                                   AND (lease_until IS NULL OR lease_until < \(now))) AS started,
                  COUNT(*) FILTER (WHERE lease_until >= \(now)) AS in_flight,
                  COUNT(*) FILTER (WHERE next_at > \(now) AND state = 'queued') AS scheduled,
                  MIN(next_at) FILTER (WHERE next_at > \(now)) AS next
                FROM messages WHERE next_at IS NOT NULL
                """).first
            else { return DispatchBacklog(due: 0, started: 0, inFlight: 0, scheduled: 0, nextAt: nil) }
            let next: Int64? = try row["next"]
            return DispatchBacklog(
                due: try row["due"], started: try row["started"], inFlight: try row["in_flight"],
                scheduled: try row["scheduled"], nextAt: next.map(Date.init(millis:)))
        }
    }

    public func attemptSummary(notice: String) async throws -> [String: [String: Int]] {
        try await read { db in
            var summary: [String: [String: Int]] = [:]
            for row in try await db.rows("""
                SELECT a.channel, COALESCE(a.outcome, 'in flight') AS outcome, COUNT(*) AS n
                FROM attempts a JOIN messages m ON m.id = a.message_id
                WHERE m.notice_id = \(notice) GROUP BY 1, 2
                """)
            {
                summary[try row["channel"], default: [:]][try row["outcome"]] = try row["n"]
            }
            return summary
        }
    }

    public func attempts(message: Int64) async throws -> [AttemptRecord] {
        try await read { db in
            try await db.rows("SELECT * FROM attempts WHERE message_id = \(message) ORDER BY id").map { row in
                AttemptRecord(
                    channel: try row["channel"], idempotencyKey: try row["idempotency_key"],
                    startedAt: Date(millis: try row["started_at"]),
                    finishedAt: (try row["finished_at"] as Int64?).map(Date.init(millis:)),
                    outcome: try row["outcome"], gatewayRef: try row["gateway_ref"], error: try row["error"])
            }
        }
    }
}
