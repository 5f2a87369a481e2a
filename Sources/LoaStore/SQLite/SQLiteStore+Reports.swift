import Foundation
import GRDB
import LoaCore

extension SQLiteStore {
    public func report(notice: String, by grouping: ReachReport.Grouping?, reachTarget: Double) async throws -> ReachReport {
        try await pool.read { db in
            // Each query reads the covering index messages_report (or joins group members to it).
            let totals = try Self.counts(
                db, sql: """
                    SELECT '' AS key, state, unreachable, COUNT(*) AS n, COUNT(opened_at) AS opened, SUM(segments) AS segments
                    FROM messages WHERE notice_id = ? GROUP BY state, unreachable
                    """, notice: notice)
            var report = ReachReport(
                notice: notice, totals: totals.first?.counts ?? ReachCounts(), reachTarget: reachTarget,
                smsSegments: totals.first?.segments ?? 0, grouping: grouping)
            report.reminderSends = try Int.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) FROM attempts a JOIN messages m ON m.id = a.message_id
                    WHERE a.round > 0 AND a.outcome = 'accepted' AND m.notice_id = ?
                    """, arguments: [notice]) ?? 0
            guard let grouping else { return report }
            let sql: String
            switch grouping {
            case .hamlet:
                sql = """
                    SELECT COALESCE(h.name, '') AS key, m.state, m.unreachable, COUNT(*) AS n,
                           COUNT(m.opened_at) AS opened, SUM(m.segments) AS segments
                    FROM messages m LEFT JOIN hamlets h ON h.id = m.hamlet_id
                    WHERE m.notice_id = ? GROUP BY m.hamlet_id, m.state, m.unreachable
                    """
            case .group:
                sql = """
                    SELECT g.name AS key, m.state, m.unreachable, COUNT(*) AS n,
                           COUNT(m.opened_at) AS opened, SUM(m.segments) AS segments
                    FROM messages m JOIN group_members gm ON gm.resident_id = m.resident_id
                    JOIN resident_groups g ON g.id = gm.group_id
                    WHERE m.notice_id = ? GROUP BY g.id, m.state, m.unreachable
                    """
            case .channel:
                sql = """
                    SELECT COALESCE(channel, '') AS key, state, unreachable, COUNT(*) AS n,
                           COUNT(opened_at) AS opened, SUM(segments) AS segments
                    FROM messages WHERE notice_id = ? GROUP BY channel, state, unreachable
                    """
            }
            report.rows = try Self.counts(db, sql: sql, notice: notice).map { ReachReport.Row(key: $0.key, counts: $0.counts) }
                .sorted { ($0.key.matchKey, $0.key) < ($1.key.matchKey, $1.key) }
            return report
        }
    }

    /// Rows of `key, state, unreachable, n, opened, segments` folded into counts per key, in first-seen order.
    private static func counts(_ db: Database, sql: String, notice: String) throws -> [(key: String, counts: ReachCounts, segments: Int)] {
        var order: [String] = []
        var byKey: [String: (ReachCounts, Int)] = [:]
        let cursor = try Row.fetchCursor(db, sql: sql, arguments: [notice])
        while let row = try cursor.next() {
            let key: String = row["key"]
            guard let state = MessageState(rawValue: row["state"]) else { continue }
            if byKey[key] == nil { order.append(key) }
            var entry = byKey[key] ?? (ReachCounts(), 0)
            entry.0.add(state, unreachable: row["unreachable"], opened: row["opened"], count: row["n"])
            entry.1 += (row["segments"] as Int?) ?? 0
            byKey[key] = entry
        }
        return order.map { ($0, byKey[$0]!.0, byKey[$0]!.1) }
    }

    public func unread(notice: String, filter: UnreadFilter) async throws -> [UnreadEntry] {
        try await pool.read { db in
            var sql = """
                SELECT r.id, r.name, r.phone, h.name AS hamlet, m.state, m.last_error
                FROM messages m JOIN residents r ON r.id = m.resident_id LEFT JOIN hamlets h ON h.id = m.hamlet_id
                WHERE m.notice_id = ? AND m.state \(filter.notAcknowledged ? "<> 'acknowledged'" : "NOT IN ('opened', 'acknowledged')")
                """
            var arguments: StatementArguments = [notice]
            if let hamlet = filter.hamlet {
                sql += " AND h.key = ?"
                _ = arguments.append(contentsOf: [hamlet.nameKey])
            }
            let entries = try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                UnreadEntry(
                    residentID: row["id"], name: row["name"], phone: row["phone"], hamlet: row["hamlet"],
                    state: MessageState(rawValue: row["state"]) ?? .queued, lastError: row["last_error"])
            }
            // Hamlet, then name, in the order a Vietnamese reader expects (Đ with D, accents ignored).
            return entries.map { (($0.hamlet ?? "").matchKey, $0.name.matchKey, $0) }
                .sorted { ($0.0, $0.1, $0.2.residentID) < ($1.0, $1.1, $1.2.residentID) }.map(\.2)
        }
    }

    public func recordReply(
        channel: String, sender: String, text: String, reading: ReplyKeyword.Reading, dedupeKey: String, at time: Date
    ) async throws -> ReplyRecord {
        try await pool.write { db in
            let key = channel + ":" + dedupeKey
            if let row = try Row.fetchOne(db, sql: "SELECT * FROM replies WHERE dedupe_key = ?", arguments: [key]) {
                return Self.reply(from: row)
            }
            let resident = try Int64.fetchOne(
                db, sql: sender.hasPrefix("+") ? "SELECT id FROM residents WHERE phone = ?" : "SELECT id FROM residents WHERE zalo_id = ?",
                arguments: [sender])
            var outcome: String
            var message: Int64?
            switch (resident, reading) {
            case (nil, _): outcome = "unknown sender"
            case (_, .other): outcome = "no keyword"
            case (let resident?, .acknowledgement(let code)):
                if let (id, notice) = try Self.openConvocation(db, resident: resident, code: code, now: time) {
                    message = id
                    switch try Self.acknowledge(db, message: id, via: "reply", actor: nil, at: time) {
                    case .recorded: outcome = "acknowledged \(notice)"
                    case .already: outcome = "already acknowledged \(notice)"
                    case .closed: outcome = "closed \(notice)"
                    }
                } else {
                    outcome = "no open convocation"
                }
            }
            try db.execute(
                sql: """
                    INSERT INTO replies (channel, sender, text, received_at, resident_id, message_id, outcome, dedupe_key)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [channel, sender, text, time.millis, resident, message, outcome, key])
            return ReplyRecord(channel: channel, sender: sender, text: text, receivedAt: time, outcome: outcome, message: message)
        }
    }

    /// The resident's convocation a reply confirms: the one with `code` if given and open, else the latest open one.
    private static func openConvocation(_ db: Database, resident: Int64, code: String?, now: Date) throws -> (Int64, String)? {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT m.id, n.id AS notice FROM messages m JOIN notices n ON n.id = m.notice_id
                WHERE m.resident_id = ? AND n.kind = 'convocation' AND n.ack_required = 1 AND n.status <> 'cancelled'
                  AND m.state NOT IN ('cancelled', 'expired') AND m.acknowledged_at IS NULL
                  AND (n.expires_at IS NULL OR n.expires_at > ?) AND n.send_at <= ?
                ORDER BY n.send_at DESC, n.id DESC
                """, arguments: [resident, now.millis, now.millis])
        let candidates = rows.map { (id: $0["id"] as Int64, notice: $0["notice"] as String) }
        if let code, let match = candidates.first(where: { $0.notice.dropFirst(2).uppercased() == code }) {
            return (match.id, match.notice)
        }
        return candidates.first.map { ($0.id, $0.notice) }
    }

    public func replies(limit: Int) async throws -> [ReplyRecord] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM replies ORDER BY id DESC LIMIT ?", arguments: [limit]).map(Self.reply(from:))
        }
    }

    private static func reply(from row: Row) -> ReplyRecord {
        ReplyRecord(
            channel: row["channel"], sender: row["sender"], text: row["text"], receivedAt: Date(millis: row["received_at"]),
            outcome: row["outcome"], message: row["message_id"])
    }
}
