import Foundation
import GRDB
import LoaCore

extension SQLiteStore {
    public func createNotice(_ draft: NoticeDraft) async throws -> Notice {
        try await pool.write { db in
            let (clause, arguments) = try Self.audienceClause(draft.audience, db)
            let id = try Self.newNoticeID(db)
            let now = Date()
            try db.execute(
                sql: """
                    INSERT INTO notices (id, kind, title, body, audience, channels, send_at, expires_at,
                        meeting_at, place, ack_required, reminders, priority, status, created_by, created_by_token, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?)
                    """,
                arguments: [
                    id, draft.kind.rawValue, draft.title, draft.body,
                    TextList.encode(draft.audience.map(\.description)), draft.channels.description,
                    draft.sendAt.millis, draft.expiresAt?.millis, draft.meetingAt?.millis, draft.place,
                    draft.ackRequired, NoticeColumns.encode(draft.reminders), draft.priority.rawValue,
                    draft.createdBy, draft.createdByToken, now.millis,
                ])
            // One statement copies the audience into messages: nothing proportional to it is held here.
            try db.execute(
                sql: """
                    INSERT INTO messages (notice_id, resident_id, state, priority, next_at, expires_at,
                        unreachable, last_error, updated_at, link_token, hamlet_id)
                    SELECT ?, r.id,
                        CASE WHEN r.phone IS NULL AND r.zalo_id IS NULL THEN 'failed' ELSE 'queued' END,
                        ?, CASE WHEN r.phone IS NULL AND r.zalo_id IS NULL THEN NULL ELSE ? END, ?,
                        r.phone IS NULL AND r.zalo_id IS NULL,
                        CASE WHEN r.phone IS NULL AND r.zalo_id IS NULL
                             THEN 'unreachable: no phone number or Zalo id' END, ?,
                        lower(hex(randomblob(16))), r.hamlet_id
                    FROM residents r WHERE \(clause)
                    """,
                arguments: [
                    id, draft.priority == .urgent ? 1 : 0, draft.sendAt.millis, draft.expiresAt?.millis, now.millis,
                ] + arguments)
            let count = db.changesCount
            guard count > 0 else { throw StoreError.invalid("the audience selects no resident") }
            try db.execute(sql: "UPDATE notices SET message_count = ? WHERE id = ?", arguments: [count, id])
            try db.execute(
                sql: """
                    INSERT INTO report_counts
                    SELECT notice_id, COALESCE(hamlet_id, 0), '', state, unreachable, COUNT(*), 0, 0
                    FROM messages WHERE notice_id = ? GROUP BY 2, 4, 5
                    """, arguments: [id])
            try Self.planReminders(draft, notice: id, db)
            try Self.audit(
                db, actor: draft.createdBy, action: "notice.create", subject: id,
                detail: "\(draft.kind.rawValue) to \(count) residents: \(draft.title)")
            // Read back, so the caller sees exactly what is stored (times at millisecond precision).
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM notices WHERE id = ?", arguments: [id]) else {
                throw StoreError.notFound("notice \(id) vanished while being created")
            }
            return try NoticeColumns.notice(from: row)
        }
    }

    public func countAudience(_ audience: [AudienceSelector]) async throws -> AudienceCount {
        try await pool.read { db in
            let (clause, arguments) = try Self.audienceClause(audience, db)
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) AS targeted,
                           COALESCE(SUM(r.phone IS NULL AND r.zalo_id IS NULL), 0) AS unreachable
                    FROM residents r WHERE \(clause)
                    """, arguments: arguments)
            return AudienceCount(targeted: row?["targeted"] ?? 0, unreachable: row?["unreachable"] ?? 0)
        }
    }

    public func notices() async throws -> [Notice] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM notices ORDER BY created_at DESC, id")
                .map(NoticeColumns.notice(from:))
        }
    }

    public func notice(id: String) async throws -> Notice? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM notices WHERE id = ?", arguments: [id])
                .map(NoticeColumns.notice(from:))
        }
    }

    public func cancelNotice(id: String, actor: String) async throws -> CancelOutcome {
        try await pool.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM notices WHERE id = ?", arguments: [id])
            else { throw StoreError.notFound("no notice with id '\(id)'") }
            var notice = try NoticeColumns.notice(from: row)
            // Messages on the wire right now (leased `sending`) finish; everything else not yet taken
            // by a gateway stops here, and nothing of this notice is scheduled any more.
            let now = Date().millis
            try db.execute(
                sql: """
                    UPDATE messages SET state = 'cancelled', next_at = NULL, updated_at = ?
                    WHERE notice_id = ? AND (state = 'queued'
                        OR (state = 'sending' AND (lease_until IS NULL OR lease_until < ?)))
                    """,
                arguments: [now, id, now])
            let cancelled = db.changesCount
            try db.execute(
                sql: "UPDATE messages SET next_at = NULL WHERE notice_id = ? AND next_at IS NOT NULL AND lease_until IS NULL",
                arguments: [id])
            if notice.status != .cancelled {
                try db.execute(sql: "UPDATE notices SET status = 'cancelled' WHERE id = ?", arguments: [id])
                notice.status = .cancelled
                try Self.audit(
                    db, actor: actor, action: "notice.cancel", subject: id,
                    detail: "\(cancelled) queued messages cancelled")
            }
            return CancelOutcome(notice: notice, cancelledMessages: cancelled)
        }
    }

    /// The SQL condition over `residents r` selecting anyone matched by any selector.
    static func audienceClause(
        _ audience: [AudienceSelector], _ db: Database
    ) throws -> (String, StatementArguments) {
        guard !audience.isEmpty else { throw StoreError.invalid("a notice needs at least one --to selector") }
        var parts: [String] = []
        var arguments: StatementArguments = []
        for selector in audience {
            switch selector {
            case .all:
                parts.append("1 = 1")
            case .hamlet(let name):
                guard let id = try Int64.fetchOne(
                    db, sql: "SELECT id FROM hamlets WHERE key = ?", arguments: [name.nameKey])
                else { throw StoreError.invalid("no hamlet named '\(name)'") }
                parts.append("r.hamlet_id = ?")
                arguments += [id]
            case .group(let name):
                guard let id = try Int64.fetchOne(
                    db, sql: "SELECT id FROM resident_groups WHERE key = ?", arguments: [name.nameKey])
                else { throw StoreError.invalid("no group named '\(name)'") }
                parts.append("r.id IN (SELECT resident_id FROM group_members WHERE group_id = ?)")
                arguments += [id]
            case .phone(let phone):
                guard try Bool.fetchOne(
                    db, sql: "SELECT 1 FROM residents WHERE phone = ? AND removed_at IS NULL", arguments: [phone.e164]) != nil
                else { throw StoreError.invalid("no resident with phone \(phone.national) (\(phone.e164))") }
                parts.append("r.phone = ?")
                arguments += [phone.e164]
            }
        }
        // A resident removed from the registry is kept for history but never targeted again.
        return ("(r.removed_at IS NULL AND (" + parts.joined(separator: " OR ") + "))", arguments)
    }

    private static func newNoticeID(_ db: Database) throws -> String {
        while true {
            let id = NoticeColumns.randomID()
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM notices WHERE id = ?", arguments: [id]) == nil {
                return id
            }
        }
    }
}
