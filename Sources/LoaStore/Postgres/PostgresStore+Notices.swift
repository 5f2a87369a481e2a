import Foundation
import LoaCore
import PostgresNIO

extension PostgresStore {
    public func createNotice(_ draft: NoticeDraft) async throws -> Notice {
        try await write { db in
            let id = try await Self.newNoticeID(db)
            let now = Date()
            try await db.run("""
                INSERT INTO notices (id, kind, title, body, audience, channels, send_at, expires_at,
                    meeting_at, place, ack_required, reminders, priority, status, created_by, created_by_token, created_at)
                VALUES (\(id), \(draft.kind.rawValue), \(draft.title), \(draft.body),
                    \(TextList.encode(draft.audience.map(\.description))), \(draft.channels.description),
                    \(draft.sendAt.millis), \(draft.expiresAt?.millis), \(draft.meetingAt?.millis), \(draft.place),
                    \(draft.ackRequired), \(NoticeColumns.encode(draft.reminders)), \(draft.priority.rawValue),
                    'active', \(draft.createdBy), \(draft.createdByToken), \(now.millis))
                """)
            // One statement copies the audience into messages; the link token is 128 bits from the
            // server's strong random source (gen_random_uuid), hashed to 32 hex digits.
            var insert = SQLBuilder()
            let noticeID = insert.bind(id), priority = insert.bind(draft.priority == .urgent ? 1 : 0)
            let sendAt = insert.bind(draft.sendAt.millis), expires = insert.bind(draft.expiresAt?.millis)
            let updated = insert.bind(now.millis)
            insert.append("""
                INSERT INTO messages (notice_id, resident_id, state, priority, next_at, expires_at,
                    unreachable, last_error, updated_at, link_token, hamlet_id)
                SELECT \(noticeID), r.id,
                    CASE WHEN r.phone IS NULL AND r.zalo_id IS NULL THEN 'failed' ELSE 'queued' END,
                    \(priority), CASE WHEN r.phone IS NULL AND r.zalo_id IS NULL THEN NULL ELSE \(sendAt)::bigint END,
                    \(expires)::bigint, r.phone IS NULL AND r.zalo_id IS NULL,
                    CASE WHEN r.phone IS NULL AND r.zalo_id IS NULL
                         THEN 'unreachable: no phone number or Zalo id' END, \(updated),
                    md5(gen_random_uuid()::text || gen_random_uuid()::text), r.hamlet_id
                FROM residents r WHERE
                """)
            try await Self.appendAudience(draft.audience, to: &insert, db)
            insert.append(" ORDER BY r.id RETURNING 1")
            let count = try await db.run(insert.query)
            guard count > 0 else { throw StoreError.invalid("the audience selects no resident") }
            try await db.run("UPDATE notices SET message_count = \(count) WHERE id = \(id)")
            try await Self.planReminders(draft, notice: id, db)
            try await Self.audit(
                db, actor: draft.createdBy, action: "notice.create", subject: id,
                detail: "\(draft.kind.rawValue) to \(count) residents: \(draft.title)")
            guard let row = try await db.rows("SELECT * FROM notices WHERE id = \(id)").first else {
                throw StoreError.notFound("notice \(id) vanished while being created")
            }
            return try NoticeColumns.notice(from: row)
        }
    }

    public func countAudience(_ audience: [AudienceSelector]) async throws -> AudienceCount {
        try await read { db in
            var query = SQLBuilder("""
                SELECT COUNT(*) AS targeted, COUNT(*) FILTER (WHERE r.phone IS NULL AND r.zalo_id IS NULL) AS unreachable
                FROM residents r WHERE
                """)
            try await Self.appendAudience(audience, to: &query, db)
            let row = try await db.rows(query.query).first
            return AudienceCount(targeted: try row?["targeted"] ?? 0, unreachable: try row?["unreachable"] ?? 0)
        }
    }

    public func notices() async throws -> [Notice] {
        try await read { db in
            try await db.rows("SELECT * FROM notices ORDER BY created_at DESC, id").map(NoticeColumns.notice(from:))
        }
    }

    public func notice(id: String) async throws -> Notice? {
        try await read { db in
            try await db.rows("SELECT * FROM notices WHERE id = \(id)").first.map(NoticeColumns.notice(from:))
        }
    }

    public func cancelNotice(id: String, actor: String) async throws -> CancelOutcome {
        try await write { db in
            guard let row = try await db.rows("SELECT * FROM notices WHERE id = \(id) FOR UPDATE").first
            else { throw StoreError.notFound("no notice with id '\(id)'") }
            var notice = try NoticeColumns.notice(from: row)
            // Messages on the wire right now (leased `sending`) finish; everything else not yet taken
            // by a gateway stops here, and nothing of this notice is scheduled any more.
            let now = Date().millis
            let cancelled = try await db.run("""
                UPDATE messages SET state = 'cancelled', next_at = NULL, updated_at = \(now)
                WHERE notice_id = \(id) AND (state = 'queued'
                    OR (state = 'sending' AND (lease_until IS NULL OR lease_until < \(now))))
                RETURNING 1
                """)
            try await db.run("""
                UPDATE messages SET next_at = NULL
                WHERE notice_id = \(id) AND next_at IS NOT NULL AND lease_until IS NULL
                """)
            if notice.status != .cancelled {
                try await db.run("UPDATE notices SET status = 'cancelled' WHERE id = \(id)")
                notice.status = .cancelled
                try await Self.audit(
                    db, actor: actor, action: "notice.cancel", subject: id, detail: "\(cancelled) queued messages cancelled")
            }
            return CancelOutcome(notice: notice, cancelledMessages: cancelled)
        }
    }

    /// Appends the condition over `residents r` selecting anyone matched by any selector.
    static func appendAudience(
        _ audience: [AudienceSelector], to query: inout SQLBuilder, _ db: PostgresConnection
    ) async throws {
        guard !audience.isEmpty else { throw StoreError.invalid("a notice needs at least one --to selector") }
        var parts: [String] = []
        for selector in audience {
            switch selector {
            case .all:
                parts.append("TRUE")
            case .hamlet(let name):
                guard let id = try await db.value("SELECT id FROM hamlets WHERE key = \(name.nameKey)", as: Int64.self)
                else { throw StoreError.invalid("no hamlet named '\(name)'") }
                parts.append("r.hamlet_id = \(query.bind(id))")
            case .group(let name):
                guard
                    let id = try await db.value(
                        "SELECT id FROM resident_groups WHERE key = \(name.nameKey)", as: Int64.self)
                else { throw StoreError.invalid("no group named '\(name)'") }
                parts.append("r.id IN (SELECT resident_id FROM group_members WHERE group_id = \(query.bind(id)))")
            case .phone(let phone):
                guard try await db.value("SELECT 1 FROM residents WHERE phone = \(phone.e164) AND removed_at IS NULL", as: Int32.self) != nil
                else { throw StoreError.invalid("no resident with phone \(phone.national) (\(phone.e164))") }
                parts.append("r.phone = \(query.bind(phone.e164))")
            }
        }
        // A resident removed from the registry is kept for history but never targeted again.
        query.append("(r.removed_at IS NULL AND (" + parts.joined(separator: " OR ") + "))")
    }

    private static func newNoticeID(_ db: PostgresConnection) async throws -> String {
        while true {
            let id = NoticeColumns.randomID()
            if try await db.value("SELECT 1 FROM notices WHERE id = \(id)", as: Int32.self) == nil { return id }
        }
    }
}
