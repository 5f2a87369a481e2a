import Foundation
import GRDB
import LoaCore

extension SQLiteStore {
    public func applyTracking(_ events: [TrackingEvent], channel: String, receivedAt: Date) async throws -> [TrackingResult] {
        try await applyTracking([TrackingBatch(events: events, channel: channel, receivedAt: receivedAt)])[0]
    }

    public func applyTracking(_ batches: [TrackingBatch]) async throws -> [[TrackingResult]] {
        // One transaction (one WAL commit and fsync) for every callback of the batch.
        try await pool.write { db in
            try batches.map { batch in
                try batch.events.map { event in try Self.apply(event, channel: batch.channel, receivedAt: batch.receivedAt, db) }
            }
        }
    }

    static func apply(_ event: TrackingEvent, channel: String, receivedAt: Date, _ db: Database) throws -> TrackingResult {
        let message = try findMessage(event.subject, channel: channel, db)
        let reference: String? = if case .gatewayRef(let ref, _) = event.subject { ref } else { nil }
        try db.cachedStatement(sql: """
            INSERT INTO events (message_id, channel, kind, state, gateway_ref, dedupe_key, occurred_at, received_at, detail)
            VALUES (?, ?, 'receipt', ?, ?, ?, ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING
            """
        ).execute(arguments: [
            message, channel, event.state.rawValue, reference, channel + ":" + event.dedupeKey,
            (event.occurredAt ?? receivedAt).millis, receivedAt.millis, event.detail,
        ])
        guard db.changesCount > 0 else { return .duplicate }
        guard let message else { return .unknownMessage }
        let time = event.occurredAt ?? receivedAt
        switch event.state {
        case .failed:
            // A channel that took the message but could not deliver it: the next channel of a
            // fallback chain goes now instead of after the receipt timeout.
            try db.cachedStatement(sql: """
                UPDATE messages SET next_at = ?, last_error = ? WHERE id = ? AND await_receipt = 1
                  AND state IN ('accepted', 'sending')
                """
            ).execute(arguments: [receivedAt.millis, event.detail ?? "not delivered", message])
            if db.changesCount > 0 { return .applied(message: message, moved: false) }
            return .applied(message: message, moved: try advance(db, message: message, to: .failed, at: time, error: event.detail ?? "not delivered"))
        default:
            let moved = try advance(db, message: message, to: event.state, at: time, error: nil)
            if event.state.rank >= MessageState.delivered.rank {
                try db.cachedStatement(sql: "UPDATE messages SET await_receipt = 0, next_at = NULL WHERE id = ? AND await_receipt = 1")
                    .execute(arguments: [message])
            }
            if event.state == .opened {
                try db.cachedStatement(sql: "UPDATE messages SET opened_at = COALESCE(opened_at, ?) WHERE id = ?")
                    .execute(arguments: [time.millis, message])
            }
            return .applied(message: message, moved: moved)
        }
    }

    /// The message an attempt on `channel` sent under this key or gateway reference: a callback
    /// on one channel never finds another channel's message (SPEC §5). The key and reference
    /// indexes find the few attempts; the channel filters them.
    static func findMessage(_ subject: TrackingEvent.Subject, channel: String, _ db: Database) throws -> Int64? {
        switch subject {
        case .key(let key):
            return try Int64.fetchOne(
                db.cachedStatement(sql: """
                    SELECT message_id FROM attempts
                    WHERE idempotency_key = ? AND channel = ? ORDER BY id DESC LIMIT 1
                    """), arguments: [key, channel])
        case .gatewayRef(let ref, nil):
            return try Int64.fetchOne(
                db.cachedStatement(sql: """
                    SELECT message_id FROM attempts
                    WHERE gateway_ref = ? AND channel = ? ORDER BY id DESC LIMIT 1
                    """), arguments: [ref, channel])
        case .gatewayRef(let ref, let phone?):
            // One gateway id may cover several numbers (SpeedSMS sends a batch under one tranId).
            return try Int64.fetchOne(
                db.cachedStatement(sql: """
                    SELECT a.message_id FROM attempts a
                    JOIN messages m ON m.id = a.message_id JOIN residents r ON r.id = m.resident_id
                    WHERE a.gateway_ref = ? AND a.channel = ? AND r.phone = ? ORDER BY a.id DESC LIMIT 1
                    """), arguments: [ref, channel, phone])
        }
    }

    public func linkToken(message: Int64) async throws -> String? {
        try await pool.read { db in
            try String.fetchOne(db, sql: "SELECT link_token FROM messages WHERE id = ?", arguments: [message])
        }
    }

    public func linkTarget(token: String) async throws -> LinkTarget? {
        try await pool.read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT n.*, m.id AS message_id, m.state AS message_state, m.acknowledged_at, r.name AS resident_name,
                          EXISTS (SELECT 1 FROM events e WHERE e.message_id = m.id AND e.kind = 'visit') AS page_served
                        FROM messages m JOIN residents r ON r.id = m.resident_id JOIN notices n ON n.id = m.notice_id
                        WHERE m.link_token = ?
                        """, arguments: [token])
            else { return nil }
            return LinkTarget(
                messageID: row["message_id"], notice: try NoticeColumns.notice(from: row), residentName: row["resident_name"],
                state: MessageState(rawValue: row["message_state"]) ?? .queued,
                acknowledgedAt: (row["acknowledged_at"] as Int64?).map(Date.init(millis:)), pageServed: row["page_served"])
        }
    }

    public func recordVisit(token: String, at time: Date, detail: String?) async throws -> Bool {
        try await pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO events (message_id, kind, occurred_at, received_at, detail)
                    SELECT m.id, 'visit', ?, ?, ? FROM messages m WHERE m.link_token = ?
                      AND (SELECT COUNT(*) FROM events e WHERE e.message_id = m.id AND e.kind = 'visit') < ?
                    """, arguments: [time.millis, time.millis, detail, token, Self.visitsKept])
            return db.changesCount > 0
        }
    }

    public func recordOpen(token: String, at time: Date, detail: String?) async throws -> Bool {
        try await pool.write { db in
            try db.execute(
                sql: "UPDATE messages SET opened_at = ? WHERE link_token = ? AND opened_at IS NULL",
                arguments: [time.millis, token])
            guard db.changesCount > 0,
                let id = try Int64.fetchOne(db, sql: "SELECT id FROM messages WHERE link_token = ?", arguments: [token])
            else { return false }
            try db.execute(
                sql: "INSERT INTO events (message_id, kind, state, occurred_at, received_at, detail) VALUES (?, 'open', 'opened', ?, ?, ?)",
                arguments: [id, time.millis, time.millis, detail])
            return try Self.advance(db, message: id, to: .opened, at: time, error: nil)
        }
    }

    public func acknowledge(token: String, at time: Date) async throws -> AckResult? {
        try await pool.write { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM messages WHERE link_token = ?", arguments: [token])
            else { return nil }
            return try Self.acknowledge(db, message: id, via: "link", actor: nil, at: time)
        }
    }

    public func acknowledge(notice: String, phone: PhoneNumber, via: String, actor: String, at time: Date) async throws -> AckResult? {
        try await pool.write { db in
            guard
                let id = try Int64.fetchOne(
                    db,
                    sql: "SELECT m.id FROM messages m JOIN residents r ON r.id = m.resident_id WHERE m.notice_id = ? AND r.phone = ?",
                    arguments: [notice, phone.e164])
            else { return nil }
            let result = try Self.acknowledge(db, message: id, via: via, actor: actor, at: time)
            if case .recorded = result {
                try Self.audit(db, actor: actor, action: "ack.manual", subject: notice, detail: "\(phone.e164) via \(via)", at: time)
            }
            return result
        }
    }

    /// The one acknowledgement rule: idempotent, never on a cancelled or expired message.
    static func acknowledge(_ db: Database, message id: Int64, via: String, actor: String?, at time: Date) throws -> AckResult {
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT m.state, m.acknowledged_at, n.status FROM messages m JOIN notices n ON n.id = m.notice_id
                    WHERE m.id = ?
                    """, arguments: [id])
        else { return .closed(message: id, state: .cancelled) }
        let state = MessageState(rawValue: row["state"]) ?? .queued
        if let at = row["acknowledged_at"] as Int64? { return .already(message: id, at: Date(millis: at)) }
        if state == .acknowledged { return .already(message: id, at: nil) }
        guard state != .cancelled, state != .expired, (row["status"] as String) != "cancelled" else {
            return .closed(message: id, state: state)
        }
        try db.execute(
            sql: "UPDATE messages SET acknowledged_at = ?, ack_via = ? WHERE id = ?", arguments: [time.millis, via, id])
        try db.execute(
            sql: "INSERT INTO events (message_id, kind, state, occurred_at, received_at, detail) VALUES (?, 'ack', 'acknowledged', ?, ?, ?)",
            arguments: [id, time.millis, time.millis, actor.map { "\(via) by \($0)" } ?? via])
        // A resident can confirm a message whose ladder stalled (no receipt, or queued again):
        // the ladder accepts acknowledged from any live state.
        _ = try advance(db, message: id, to: .acknowledged, at: time, error: nil)
        // Nothing more needs sending to someone who confirmed (no fallback, no reminder).
        try db.execute(
            sql: "UPDATE messages SET next_at = NULL, await_receipt = 0 WHERE id = ? AND lease_owner IS NULL", arguments: [id])
        return .recorded(message: id)
    }
}
