import Foundation
import LoaCore
import PostgresNIO

extension PostgresStore {
    public func recordReply(
        channel: String, sender: String, text: String, reading: ReplyKeyword.Reading, dedupeKey: String, at time: Date
    ) async throws -> ReplyRecord {
        try await write { db in
            let key = channel + ":" + dedupeKey
            if let row = try await db.rows("SELECT * FROM replies WHERE dedupe_key = \(key)").first {
                return try Self.reply(from: row)
            }
            let resident = sender.hasPrefix("+")
                ? try await db.value("SELECT id FROM residents WHERE phone = \(sender)", as: Int64.self)
                : try await db.value("SELECT id FROM residents WHERE zalo_id = \(sender) ORDER BY id LIMIT 1", as: Int64.self)
            var outcome: String
            var message: Int64?
            switch (resident, reading) {
            case (nil, _): outcome = "unknown sender"
            case (_, .other): outcome = "no keyword"
            case (let resident?, .acknowledgement(let code)):
                if let (id, notice) = try await Self.openConvocation(db, resident: resident, code: code, now: time) {
                    message = id
                    switch try await Self.acknowledge(db, message: id, via: "reply", actor: nil, at: time) {
                    case .recorded: outcome = "acknowledged \(notice)"
                    case .already: outcome = "already acknowledged \(notice)"
                    case .closed: outcome = "closed \(notice)"
                    }
                } else {
                    outcome = "no open convocation"
                }
            }
            // A second copy of the same reply racing this one keeps the first.
            let stored = try await db.value("""
                INSERT INTO replies (channel, sender, text, received_at, resident_id, message_id, outcome, dedupe_key)
                VALUES (\(channel), \(sender), \(text), \(time.millis), \(resident), \(message), \(outcome), \(key))
                ON CONFLICT (dedupe_key) DO NOTHING RETURNING id
                """, as: Int64.self)
            if stored == nil, let row = try await db.rows("SELECT * FROM replies WHERE dedupe_key = \(key)").first {
                return try Self.reply(from: row)
            }
            return ReplyRecord(
                channel: channel, sender: sender, text: text, receivedAt: time, outcome: outcome, message: message,
                id: stored, residentID: resident)
        }
    }

    /// The resident's convocation a reply confirms: the one with `code` if given and open, else the latest open one.
    private static func openConvocation(
        _ db: PostgresConnection, resident: Int64, code: String?, now: Date
    ) async throws -> (Int64, String)? {
        let rows = try await db.rows("""
            SELECT m.id, n.id AS notice FROM messages m JOIN notices n ON n.id = m.notice_id
            WHERE m.resident_id = \(resident) AND n.kind = 'convocation' AND n.ack_required AND n.status <> 'cancelled'
              AND m.state NOT IN ('cancelled', 'expired') AND m.acknowledged_at IS NULL
              AND (n.expires_at IS NULL OR n.expires_at > \(now.millis)) AND n.send_at <= \(now.millis)
            ORDER BY n.send_at DESC, n.id DESC
            """)
        return ReplyTarget.pick(try rows.map { (id: try $0["id"] as Int64, notice: try $0["notice"] as String) }, code: code)
    }

    public func replies(limit: Int) async throws -> [ReplyRecord] {
        try await read { db in
            try await db.rows("SELECT * FROM replies ORDER BY id DESC LIMIT \(limit)").map(Self.reply(from:))
        }
    }

    static func reply(from row: PGRow) throws -> ReplyRecord {
        ReplyRecord(
            channel: try row["channel"], sender: try row["sender"], text: try row["text"],
            receivedAt: Date(millis: try row["received_at"]), outcome: try row["outcome"], message: try row["message_id"],
            id: try row["id"], residentID: try row["resident_id"],
            handledAt: (try row["handled_at"] as Int64?).map(Date.init(millis:)), handledBy: try row["handled_by"],
            handling: try row["handling"])
    }
}
