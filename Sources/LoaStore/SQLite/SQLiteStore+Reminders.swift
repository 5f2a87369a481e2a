import Foundation
import GRDB
import LoaCore

extension SQLiteStore {
    /// One `reminders` row per offset before the meeting (or expiry), earliest first; offsets that
    /// would fall before the notice is sent are dropped.
    static func planReminders(_ draft: NoticeDraft, notice: String, _ db: Database) throws {
        guard let anchor = draft.meetingAt ?? draft.expiresAt else { return }
        let dues = Set(draft.reminders.map { anchor.addingTimeInterval(-$0.seconds) })
            .filter { $0 > draft.sendAt }.sorted()
        for (index, due) in dues.enumerated() {
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

extension Duration {
    /// The duration in seconds, as a `TimeInterval`.
    var seconds: TimeInterval {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
