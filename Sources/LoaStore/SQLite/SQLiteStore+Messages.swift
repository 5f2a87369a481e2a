import Foundation
import GRDB
import LoaCore

extension SQLiteStore {
    public func messageCounts(notice: String) async throws -> [MessageState: Int] {
        // report_counts counts `sending` as `queued`; messages_sending holds just the former.
        try await pool.read { db in
            var counts: [MessageState: Int] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT state, SUM(n) AS n FROM report_counts WHERE notice_id = ? GROUP BY state HAVING SUM(n) > 0",
                arguments: [notice])
            {
                if let state = MessageState(rawValue: row["state"]) { counts[state] = row["n"] }
            }
            let sending = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM messages WHERE notice_id = ? AND state = 'sending'", arguments: [notice]) ?? 0
            if sending > 0 {
                counts[.sending] = sending
                counts[.queued] = (counts[.queued] ?? 0) - sending
                if counts[.queued] == 0 { counts[.queued] = nil }
            }
            return counts
        }
    }

    public func messages(notice: String) async throws -> [Message] {
        try await pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, notice_id, resident_id, state, next_at, last_error, unreachable, updated_at
                    FROM messages WHERE notice_id = ? ORDER BY resident_id
                    """, arguments: [notice]
            ).map { row in
                Message(
                    id: row["id"], notice: row["notice_id"], resident: row["resident_id"],
                    state: MessageState(rawValue: row["state"]) ?? .failed, nextAt: (row["next_at"] as Int64?).map(Date.init(millis:)),
                    lastError: row["last_error"], unreachable: row["unreachable"],
                    updatedAt: Date(millis: row["updated_at"]))
            }
        }
    }

    public func advance(message: Int64, to state: MessageState, at time: Date, error: String?) async throws -> Bool {
        try await pool.write { db in try Self.advance(db, message: message, to: state, at: time, error: error) }
    }

    public func recordEvent(_ event: MessageEvent) async throws -> Bool {
        try await pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO events (message_id, channel, kind, state, gateway_ref, dedupe_key,
                        occurred_at, received_at, detail)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING
                    """,
                arguments: [
                    event.message, event.channel, event.kind, event.state?.rawValue, event.gatewayRef,
                    event.dedupeKey, event.occurredAt.millis, Date().millis, event.detail,
                ])
            guard db.changesCount > 0 else { return false }
            if let message = event.message, let state = event.state {
                _ = try Self.advance(db, message: message, to: state, at: event.occurredAt, error: nil)
            }
            return true
        }
    }

    public func events(message: Int64) async throws -> [MessageEvent] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM events WHERE message_id = ? ORDER BY occurred_at, id", arguments: [message])
                .map { row in
                    MessageEvent(
                        message: row["message_id"], channel: row["channel"], kind: row["kind"],
                        state: (row["state"] as String?).flatMap(MessageState.init(rawValue:)),
                        gatewayRef: row["gateway_ref"], dedupeKey: row["dedupe_key"],
                        occurredAt: Date(millis: row["occurred_at"]), detail: row["detail"])
                }
        }
    }

    /// The ladder rule as one conditional UPDATE, so concurrent events cannot move a message down.
    @discardableResult
    static func advance(_ db: Database, message: Int64, to state: MessageState, at time: Date, error: String?) throws -> Bool {
        let sources = MessageState.sources(for: state).map(\.rawValue)
        guard !sources.isEmpty else { return false }
        // One SQL text per target state, so the prepared statement is reused.
        try db.cachedStatement(sql: """
            UPDATE messages SET state = ?, updated_at = ?, last_error = COALESCE(?, last_error)
            WHERE id = ? AND \(oneOf("state", count: sources.count))
            """
        ).execute(
            arguments: [state.rawValue, time.millis, error, message]
                + StatementArguments(sources.map { $0 as (any DatabaseValueConvertible)? }))
        return db.changesCount > 0
    }
}
