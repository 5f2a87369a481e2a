import Foundation
import GRDB
import LoaCore

extension SQLiteStore {
    public func unhandledReplies(limit: Int) async throws -> [TriageReply] {
        try await pool.read { db in
            try Row.fetchAll(
                db, sql: TriageSQL.select + " WHERE rp.handled_at IS NULL AND \(TriageSQL.unmatched) ORDER BY rp.id DESC LIMIT ?",
                arguments: [limit]
            ).map(Self.triage(from:))
        }
    }

    public func handledReplies(limit: Int) async throws -> [TriageReply] {
        try await pool.read { db in
            try Row.fetchAll(
                db, sql: TriageSQL.select + " WHERE rp.handled_at IS NOT NULL ORDER BY rp.handled_at DESC, rp.id DESC LIMIT ?",
                arguments: [limit]
            ).map(Self.triage(from:))
        }
    }

    public func noticesTargeting(resident: Int64) async throws -> [String] {
        try await pool.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT n.id FROM messages m JOIN notices n ON n.id = m.notice_id
                    WHERE m.resident_id = ? ORDER BY n.send_at DESC, n.id DESC
                    """, arguments: [resident])
        }
    }

    public func attachReply(id: Int64, notice: String, actor: String, at time: Date) async throws -> TriageOutcome {
        try await pool.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM replies WHERE id = ?", arguments: [id]) else { return .notFound }
            let reply = Self.reply(from: row)
            if reply.handledAt != nil { return .alreadyHandled(reply) }
            guard let resident = reply.residentID,
                let message = try Int64.fetchOne(
                    db, sql: "SELECT id FROM messages WHERE notice_id = ? AND resident_id = ?", arguments: [notice, resident])
            else { return .notTargeted }
            let now: Bool
            switch try Self.acknowledge(db, message: message, via: "reply", actor: actor, at: time) {
            case .recorded: now = true
            case .already: now = false
            case .closed(_, let state): return .closed(state)
            }
            let handling = "attached \(notice)"
            try db.execute(
                sql: "UPDATE replies SET handled_at = ?, handled_by = ?, handling = ?, message_id = ? WHERE id = ?",
                arguments: [time.millis, actor, handling, message, id])
            try Self.audit(
                db, actor: actor, action: "reply.attach", subject: notice,
                detail: TriageSQL.detail(reply, now ? "acknowledged" : "already acknowledged"), at: time)
            return .handled(reply.handled(at: time, by: actor, handling, message: message), acknowledgedNow: now)
        }
    }

    public func dismissReply(id: Int64, actor: String, at time: Date) async throws -> TriageOutcome {
        try await pool.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM replies WHERE id = ?", arguments: [id]) else { return .notFound }
            let reply = Self.reply(from: row)
            if reply.handledAt != nil { return .alreadyHandled(reply) }
            try db.execute(
                sql: "UPDATE replies SET handled_at = ?, handled_by = ?, handling = 'dismissed' WHERE id = ?",
                arguments: [time.millis, actor, id])
            try Self.audit(db, actor: actor, action: "reply.dismiss", subject: "reply \(id)", detail: TriageSQL.detail(reply, "dismissed"), at: time)
            return .handled(reply.handled(at: time, by: actor, "dismissed"), acknowledgedNow: false)
        }
    }

    private static func triage(from row: Row) -> TriageReply {
        TriageReply(reply: reply(from: row), residentName: row["resident_name"], hamlet: row["hamlet_name"])
    }
}
