import Foundation
import LoaCore
import PostgresNIO

extension PostgresStore {
    /// One `reminders` row per offset before the meeting (or expiry), earliest first.
    static func planReminders(_ draft: NoticeDraft, notice: String, _ db: PostgresConnection) async throws {
        for (index, due) in draft.reminderDues.enumerated() {
            try await db.run("INSERT INTO reminders (notice_id, round, due_at) VALUES (\(notice), \(index + 1), \(due.millis))")
        }
    }

    public func scheduleReminders(now: Date) async throws -> Int {
        try await write { db in
            // Rows another worker is scheduling right now are left to it.
            let due = try await db.rows("""
                SELECT r.notice_id, r.round, r.due_at, n.status, n.expires_at FROM reminders r
                JOIN notices n ON n.id = r.notice_id
                WHERE r.done_at IS NULL AND r.due_at <= \(now.millis) ORDER BY r.due_at
                FOR UPDATE OF r SKIP LOCKED
                """)
            var total = 0
            for row in due {
                let notice: String = try row["notice_id"]
                let round: Int64 = try row["round"]
                let expires: Int64? = try row["expires_at"]
                var scheduled = 0
                // Nothing after expiry, nothing for a cancelled notice; a round whose time passed
                // while Loa was down still goes out if the notice is open.
                if try row["status"] as String != "cancelled", expires.map({ $0 > now.millis }) ?? true {
                    // Only residents a gateway took the notice for, who have not confirmed, and whose
                    // message is not busy (in flight or waiting for a receipt).
                    scheduled = try await db.run("""
                        UPDATE messages SET reminder_round = \(round), channel_step = 0, attempt_count = 0,
                            await_receipt = false, next_at = \(try row["due_at"] as Int64), updated_at = \(now.millis)
                        WHERE notice_id = \(notice) AND acknowledged_at IS NULL AND next_at IS NULL
                          AND lease_owner IS NULL AND state IN ('accepted', 'delivered', 'opened')
                        RETURNING 1
                        """)
                }
                try await db.run("""
                    UPDATE reminders SET done_at = \(now.millis), scheduled = \(scheduled)
                    WHERE notice_id = \(notice) AND round = \(round)
                    """)
                total += scheduled
            }
            return total
        }
    }
}
