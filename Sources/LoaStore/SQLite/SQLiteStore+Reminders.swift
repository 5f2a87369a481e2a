import Foundation
import GRDB
import LoaCore

extension SQLiteStore {
    /// One `reminders` row per offset before the meeting (or expiry), earliest first; offsets that
    /// would fall before the notice is sent are dropped.
    static func planReminders(_ draft: NoticeDraft, notice: String, _ db: Database) throws {
        for (index, due) in draft.reminderDues.enumerated() {
            try db.execute(
                sql: "INSERT INTO reminders (notice_id, round, due_at) VALUES (?, ?, ?)",
                arguments: [notice, index + 1, due.millis])
        }
    }

    public func scheduleReminders(now: Date) async throws -> Int {
        try await pool.write { db in
            let due = try Row.fetchAll(
                db,
                sql: """
                    SELECT r.notice_id, r.round, r.due_at, n.status, n.expires_at FROM reminders r
                    JOIN notices n ON n.id = r.notice_id
                    WHERE r.done_at IS NULL AND r.due_at <= ? ORDER BY r.due_at
                    """, arguments: [now.millis])
            var total = 0
            for row in due {
                let notice: String = row["notice_id"]
                let round: Int = row["round"]
                var scheduled = 0
                let expires: Int64? = row["expires_at"]
                // Nothing after expiry, nothing for a cancelled notice; a round whose time passed
                // while Loa was down still goes out if the notice is open.
                if (row["status"] as String) != "cancelled", expires.map({ $0 > now.millis }) ?? true {
                    // Only residents a gateway took the notice for, who have not confirmed, and whose
                    // message is not busy (in flight or waiting for a receipt).
                    try db.execute(
                        sql: """
                            UPDATE messages SET reminder_round = ?, channel_step = 0, attempt_count = 0,
                                await_receipt = 0, next_at = ?, updated_at = ?
                            WHERE notice_id = ? AND acknowledged_at IS NULL AND next_at IS NULL
                              AND lease_owner IS NULL AND state IN ('accepted', 'delivered', 'opened')
                            """, arguments: [round, row["due_at"] as Int64, now.millis, notice])
                    scheduled = db.changesCount
                }
                try db.execute(
                    sql: "UPDATE reminders SET done_at = ?, scheduled = ? WHERE notice_id = ? AND round = ?",
                    arguments: [now.millis, scheduled, notice, round])
                total += scheduled
            }
            return total
        }
    }
}

extension NoticeDraft {
    /// When each reminder round is due: offsets before the meeting (or expiry), earliest first;
    /// offsets that would fall before the notice is sent are dropped.
    var reminderDues: [Date] {
        guard let anchor = meetingAt ?? expiresAt else { return [] }
        return Set(reminders.map { anchor.addingTimeInterval(-$0.seconds) }).filter { $0 > sendAt }.sorted()
    }
}

extension Duration {
    /// The duration in seconds, as a `TimeInterval`.
    var seconds: TimeInterval {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}

extension SQLiteStore {
    public func timeline(notice: String, buckets: Int, until end: Date) async throws -> Timeline? {
        try await pool.read { db in
            guard let sendAt = try Int64.fetchOne(db, sql: "SELECT send_at FROM notices WHERE id = ?", arguments: [notice])
            else { return nil }
            let count = max(1, buckets)
            let width = max(1000, (end.millis - sendAt + Int64(count) - 1) / Int64(count))
            // Each resident once: the first accepted attempt, the first delivery receipt.
            func series(_ sql: String) throws -> [Int] {
                var perBucket: [Int: Int] = [:]
                for row in try Row.fetchAll(db, sql: sql, arguments: [sendAt, width, notice]) {
                    perBucket[Int(row["b"] as Int64)] = row["n"]
                }
                return Timeline.cumulative(perBucket, count: count)
            }
            let accepted = try series("""
                SELECT (t - ?) / ? AS b, COUNT(*) AS n FROM (
                    SELECT MIN(a.finished_at) AS t FROM attempts a JOIN messages m ON m.id = a.message_id
                    WHERE m.notice_id = ? AND a.outcome = 'accepted' AND a.round = 0 GROUP BY a.message_id)
                GROUP BY b
                """)
            let delivered = try series("""
                SELECT (t - ?) / ? AS b, COUNT(*) AS n FROM (
                    SELECT MIN(e.occurred_at) AS t FROM events e JOIN messages m ON m.id = e.message_id
                    WHERE m.notice_id = ? AND e.state IN ('delivered', 'opened', 'acknowledged') GROUP BY e.message_id)
                GROUP BY b
                """)
            let opened = try series(
                "SELECT (opened_at - ?) / ? AS b, COUNT(*) AS n FROM messages WHERE notice_id = ? AND opened_at IS NOT NULL GROUP BY b")
            let acknowledged = try series("""
                SELECT (acknowledged_at - ?) / ? AS b, COUNT(*) AS n FROM messages
                WHERE notice_id = ? AND acknowledged_at IS NOT NULL GROUP BY b
                """)
            return Timeline(
                start: Date(millis: sendAt), bucket: Double(width) / 1000, accepted: accepted, delivered: delivered,
                opened: opened, acknowledged: acknowledged)
        }
    }
}

extension SQLiteStore {
    public func messageTotals() async throws -> [(state: String, channel: String, count: Int)] {
        try await pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT state, COALESCE(channel, '') AS channel, COUNT(*) AS n FROM messages GROUP BY state, channel"
            ).map { ($0["state"], $0["channel"], $0["n"]) }
        }
    }
}
