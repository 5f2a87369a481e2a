import Foundation
import LoaCore
import PostgresNIO

extension PostgresStore {
    public func unhandledReplies(limit: Int) async throws -> [TriageReply] {
        try await read { db in
            try await db.rows("""
                \(unescaped: TriageSQL.select) WHERE rp.handled_at IS NULL AND \(unescaped: TriageSQL.unmatched)
                ORDER BY rp.id DESC LIMIT \(limit)
                """).map(Self.triage(from:))
        }
    }

    public func handledReplies(limit: Int) async throws -> [TriageReply] {
        try await read { db in
            try await db.rows("""
                \(unescaped: TriageSQL.select) WHERE rp.handled_at IS NOT NULL ORDER BY rp.handled_at DESC, rp.id DESC LIMIT \(limit)
                """).map(Self.triage(from:))
        }
    }

    public func noticesTargeting(resident: Int64) async throws -> [String] {
        try await read { db in
            try await db.rows("""
                SELECT n.id FROM messages m JOIN notices n ON n.id = m.notice_id
                WHERE m.resident_id = \(resident) ORDER BY n.send_at DESC, n.id DESC
                """).map { try $0["id"] as String }
        }
    }

    public func attachReply(id: Int64, notice: String, actor: String, at time: Date) async throws -> TriageOutcome {
        try await write { db in
            // The row is locked first, so two staff attaching at once handle it once.
            guard let row = try await db.rows("SELECT * FROM replies WHERE id = \(id) FOR UPDATE").first else { return .notFound }
            let reply = try Self.reply(from: row)
            if reply.handledAt != nil { return .alreadyHandled(reply) }
            guard let resident = reply.residentID,
                let message = try await db.value(
                    "SELECT id FROM messages WHERE notice_id = \(notice) AND resident_id = \(resident)", as: Int64.self)
            else { return .notTargeted }
            let now: Bool
            switch try await Self.acknowledge(db, message: message, via: "reply", actor: actor, at: time) {
            case .recorded: now = true
            case .already: now = false
            case .closed(_, let state): return .closed(state)
            }
            let handling = "attached \(notice)"
            try await db.run("""
                UPDATE replies SET handled_at = \(time.millis), handled_by = \(actor), handling = \(handling), message_id = \(message)
                WHERE id = \(id)
                """)
            try await Self.audit(
                db, actor: actor, action: "reply.attach", subject: notice,
                detail: TriageSQL.detail(reply, now ? "acknowledged" : "already acknowledged"), at: time)
            return .handled(reply.handled(at: time, by: actor, handling, message: message), acknowledgedNow: now)
        }
    }

    public func dismissReply(id: Int64, actor: String, at time: Date) async throws -> TriageOutcome {
        try await write { db in
            guard let row = try await db.rows("SELECT * FROM replies WHERE id = \(id) FOR UPDATE").first else { return .notFound }
            let reply = try Self.reply(from: row)
            if reply.handledAt != nil { return .alreadyHandled(reply) }
            try await db.run("""
                UPDATE replies SET handled_at = \(time.millis), handled_by = \(actor), handling = 'dismissed' WHERE id = \(id)
                """)
            try await Self.audit(
                db, actor: actor, action: "reply.dismiss", subject: "reply \(id)", detail: TriageSQL.detail(reply, "dismissed"), at: time)
            return .handled(reply.handled(at: time, by: actor, "dismissed"), acknowledgedNow: false)
        }
    }

    private static func triage(from row: PGRow) throws -> TriageReply {
        TriageReply(reply: try reply(from: row), residentName: try row["resident_name"], hamlet: try row["hamlet_name"])
    }
}
