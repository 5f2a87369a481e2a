import Foundation
import LoaCore
import PostgresNIO

extension PostgresStore {
    public func messageCounts(notice: String) async throws -> [MessageState: Int] {
        try await read { db in
            var counts: [MessageState: Int] = [:]
            for row in try await db.rows("SELECT state, COUNT(*) AS n FROM messages WHERE notice_id = \(notice) GROUP BY state") {
                if let state = MessageState(rawValue: try row["state"]) { counts[state] = try row["n"] }
            }
            return counts
        }
    }

    public func messages(notice: String) async throws -> [Message] {
        try await read { db in
            try await db.rows("""
                SELECT id, notice_id, resident_id, state, next_at, last_error, unreachable, updated_at
                FROM messages WHERE notice_id = \(notice) ORDER BY resident_id
                """
            ).map { row in
                Message(
                    id: try row["id"], notice: try row["notice_id"], resident: try row["resident_id"],
                    state: MessageState(rawValue: try row["state"]) ?? .failed,
                    nextAt: (try row["next_at"] as Int64?).map(Date.init(millis:)),
                    lastError: try row["last_error"], unreachable: try row["unreachable"],
                    updatedAt: Date(millis: try row["updated_at"]))
            }
        }
    }

    public func advance(message: Int64, to state: MessageState, at time: Date, error: String?) async throws -> Bool {
        try await write { db in try await Self.advance(db, message: message, to: state, at: time, error: error) }
    }

    public func recordEvent(_ event: MessageEvent) async throws -> Bool {
        try await write { db in
            let inserted = try await db.run("""
                INSERT INTO events (message_id, channel, kind, state, gateway_ref, dedupe_key, occurred_at, received_at, detail)
                VALUES (\(event.message), \(event.channel), \(event.kind), \(event.state?.rawValue), \(event.gatewayRef),
                        \(event.dedupeKey), \(event.occurredAt.millis), \(Date().millis), \(event.detail))
                ON CONFLICT (dedupe_key) DO NOTHING RETURNING 1
                """)
            guard inserted > 0 else { return false }
            if let message = event.message, let state = event.state {
                _ = try await Self.advance(db, message: message, to: state, at: event.occurredAt, error: nil)
            }
            return true
        }
    }

    public func events(message: Int64) async throws -> [MessageEvent] {
        try await read { db in
            try await db.rows("SELECT * FROM events WHERE message_id = \(message) ORDER BY occurred_at, id").map { row in
                MessageEvent(
                    message: try row["message_id"], channel: try row["channel"], kind: try row["kind"],
                    state: (try row["state"] as String?).flatMap(MessageState.init(rawValue:)),
                    gatewayRef: try row["gateway_ref"], dedupeKey: try row["dedupe_key"],
                    occurredAt: Date(millis: try row["occurred_at"]), detail: try row["detail"])
            }
        }
    }

    /// The ladder rule as one conditional UPDATE, so concurrent events cannot move a message down.
    @discardableResult
    static func advance(
        _ db: PostgresConnection, message: Int64, to state: MessageState, at time: Date, error: String?
    ) async throws -> Bool {
        let sources = MessageState.sources(for: state).map(\.rawValue)
        guard !sources.isEmpty else { return false }
        return try await db.run("""
            UPDATE messages SET state = \(state.rawValue), updated_at = \(time.millis),
                last_error = COALESCE(\(error), last_error)
            WHERE id = \(message) AND state = ANY(\(sources)) RETURNING 1
            """) > 0
    }
}
