import Foundation
import LoaCore
import PostgresNIO

extension PostgresStore {
    public func applyTracking(_ events: [TrackingEvent], channel: String, receivedAt: Date) async throws -> [TrackingResult] {
        try await applyTracking([TrackingBatch(events: events, channel: channel, receivedAt: receivedAt)])[0]
    }

    public func applyTracking(_ batches: [TrackingBatch]) async throws -> [[TrackingResult]] {
        try await write { db in
            var results: [[TrackingResult]] = []
            for batch in batches {
                var batchResults: [TrackingResult] = []
                for event in batch.events {
                    batchResults.append(try await Self.apply(event, channel: batch.channel, receivedAt: batch.receivedAt, db))
                }
                results.append(batchResults)
            }
            return results
        }
    }

    static func apply(
        _ event: TrackingEvent, channel: String, receivedAt: Date, _ db: PostgresConnection
    ) async throws -> TrackingResult {
        let message = try await findMessage(event.subject, channel: channel, db)
        let reference: String? = if case .gatewayRef(let ref, _) = event.subject { ref } else { nil }
        let inserted = try await db.run("""
            INSERT INTO events (message_id, channel, kind, state, gateway_ref, dedupe_key, occurred_at, received_at, detail)
            VALUES (\(message), \(channel), 'receipt', \(event.state.rawValue), \(reference), \(channel + ":" + event.dedupeKey),
                    \((event.occurredAt ?? receivedAt).millis), \(receivedAt.millis), \(event.detail))
            ON CONFLICT (dedupe_key) DO NOTHING RETURNING 1
            """)
        guard inserted > 0 else { return .duplicate }
        guard let message else { return .unknownMessage }
        let time = event.occurredAt ?? receivedAt
        switch event.state {
        case .failed:
            // A channel that took the message but could not deliver it: the next channel of a
            // fallback chain goes now instead of after the receipt timeout.
            let rescheduled = try await db.run("""
                UPDATE messages SET next_at = \(receivedAt.millis), last_error = \(event.detail ?? "not delivered")
                WHERE id = \(message) AND await_receipt AND state IN ('accepted', 'sending') RETURNING 1
                """)
            if rescheduled > 0 { return .applied(message: message, moved: false) }
            let moved = try await advance(db, message: message, to: .failed, at: time, error: event.detail ?? "not delivered")
            return .applied(message: message, moved: moved)
        default:
            let moved = try await advance(db, message: message, to: event.state, at: time, error: nil)
            if event.state.rank >= MessageState.delivered.rank {
                try await db.run("UPDATE messages SET await_receipt = false, next_at = NULL WHERE id = \(message) AND await_receipt")
            }
            if event.state == .opened {
                try await db.run("UPDATE messages SET opened_at = COALESCE(opened_at, \(time.millis)) WHERE id = \(message)")
            }
            return .applied(message: message, moved: moved)
        }
    }

    /// The message an attempt on `channel` sent under this key or gateway reference: a callback
    /// on one channel never finds another channel's message (SPEC §5). The key and reference
    /// indexes find the few attempts; the channel filters them.
    static func findMessage(_ subject: TrackingEvent.Subject, channel: String, _ db: PostgresConnection) async throws -> Int64? {
        switch subject {
        case .key(let key):
            return try await db.value(
                "SELECT message_id FROM attempts WHERE idempotency_key = \(key) AND channel = \(channel) ORDER BY id DESC LIMIT 1",
                as: Int64.self)
        case .gatewayRef(let ref, nil):
            return try await db.value(
                "SELECT message_id FROM attempts WHERE gateway_ref = \(ref) AND channel = \(channel) ORDER BY id DESC LIMIT 1",
                as: Int64.self)
        case .gatewayRef(let ref, let phone?):
            // One gateway id may cover several numbers (SpeedSMS sends a batch under one tranId).
            return try await db.value("""
                SELECT a.message_id FROM attempts a
                JOIN messages m ON m.id = a.message_id JOIN residents r ON r.id = m.resident_id
                WHERE a.gateway_ref = \(ref) AND a.channel = \(channel) AND r.phone = \(phone) ORDER BY a.id DESC LIMIT 1
                """, as: Int64.self)
        }
    }

    public func linkToken(message: Int64) async throws -> String? {
        try await read { db in
            try await db.value("SELECT link_token FROM messages WHERE id = \(message)", as: String?.self) ?? nil
        }
    }

    public func linkTarget(token: String) async throws -> LinkTarget? {
        try await read { db in
            guard let row = try await db.rows("""
                SELECT n.*, m.id AS message_id, m.state AS message_state, m.acknowledged_at, r.name AS resident_name,
                  EXISTS (SELECT 1 FROM events e WHERE e.message_id = m.id AND e.kind = 'visit') AS page_served
                FROM messages m JOIN residents r ON r.id = m.resident_id JOIN notices n ON n.id = m.notice_id
                WHERE m.link_token = \(token)
                """).first
            else { return nil }
            return LinkTarget(
                messageID: try row["message_id"], notice: try NoticeColumns.notice(from: row),
                residentName: try row["resident_name"],
                state: MessageState(rawValue: try row["message_state"]) ?? .queued,
                acknowledgedAt: (try row["acknowledged_at"] as Int64?).map(Date.init(millis:)),
                pageServed: try row["page_served"])
        }
    }

    public func recordVisit(token: String, at time: Date, detail: String?) async throws -> Bool {
        try await write { db in
            let inserted = try await db.value("""
                INSERT INTO events (message_id, kind, occurred_at, received_at, detail)
                SELECT m.id, 'visit', \(time.millis), \(time.millis), \(detail) FROM messages m WHERE m.link_token = \(token)
                  AND (SELECT COUNT(*) FROM events e WHERE e.message_id = m.id AND e.kind = 'visit') < \(Self.visitsKept)
                RETURNING message_id
                """, as: Int64.self)
            return inserted != nil
        }
    }

    public func recordOpen(token: String, at time: Date, detail: String?) async throws -> Bool {
        try await write { db in
            guard let id = try await db.value("""
                UPDATE messages SET opened_at = \(time.millis) WHERE link_token = \(token) AND opened_at IS NULL RETURNING id
                """, as: Int64.self)
            else { return false }
            try await db.run("""
                INSERT INTO events (message_id, kind, state, occurred_at, received_at, detail)
                VALUES (\(id), 'open', 'opened', \(time.millis), \(time.millis), \(detail))
                """)
            return try await Self.advance(db, message: id, to: .opened, at: time, error: nil)
        }
    }

    public func acknowledge(token: String, at time: Date) async throws -> AckResult? {
        try await write { db in
            guard let id = try await db.value("SELECT id FROM messages WHERE link_token = \(token)", as: Int64.self)
            else { return nil }
            return try await Self.acknowledge(db, message: id, via: "link", actor: nil, at: time)
        }
    }

    public func acknowledge(notice: String, phone: PhoneNumber, via: String, actor: String, at time: Date) async throws -> AckResult? {
        try await write { db in
            guard let id = try await db.value("""
                SELECT m.id FROM messages m JOIN residents r ON r.id = m.resident_id
                WHERE m.notice_id = \(notice) AND r.phone = \(phone.e164)
                """, as: Int64.self)
            else { return nil }
            let result = try await Self.acknowledge(db, message: id, via: via, actor: actor, at: time)
            if case .recorded = result {
                try await Self.audit(db, actor: actor, action: "ack.manual", subject: notice, detail: "\(phone.e164) via \(via)", at: time)
            }
            return result
        }
    }

    /// The one acknowledgement rule: idempotent, never on a cancelled or expired message. The row is
    /// locked first, so two confirmations at once record one acknowledgement.
    static func acknowledge(
        _ db: PostgresConnection, message id: Int64, via: String, actor: String?, at time: Date
    ) async throws -> AckResult {
        guard let row = try await db.rows("""
            SELECT m.state, m.acknowledged_at, n.status FROM messages m JOIN notices n ON n.id = m.notice_id
            WHERE m.id = \(id) FOR UPDATE OF m
            """).first
        else { return .closed(message: id, state: .cancelled) }
        let state = MessageState(rawValue: try row["state"]) ?? .queued
        if let at = try row["acknowledged_at"] as Int64? { return .already(message: id, at: Date(millis: at)) }
        if state == .acknowledged { return .already(message: id, at: nil) }
        guard state != .cancelled, state != .expired, (try row["status"] as String) != "cancelled" else {
            return .closed(message: id, state: state)
        }
        try await db.run("UPDATE messages SET acknowledged_at = \(time.millis), ack_via = \(via) WHERE id = \(id)")
        try await db.run("""
            INSERT INTO events (message_id, kind, state, occurred_at, received_at, detail)
            VALUES (\(id), 'ack', 'acknowledged', \(time.millis), \(time.millis), \(actor.map { "\(via) by \($0)" } ?? via))
            """)
        // A resident can confirm a message whose ladder stalled: acknowledged is reachable from any live state.
        _ = try await advance(db, message: id, to: .acknowledged, at: time, error: nil)
        // Nothing more needs sending to someone who confirmed (no fallback, no reminder).
        try await db.run("""
            UPDATE messages SET next_at = NULL, await_receipt = false WHERE id = \(id) AND lease_owner IS NULL
            """)
        return .recorded(message: id)
    }
}
