import Foundation
import GRDB
import LoaCore

/// Claims due messages inside one write transaction: picks them in priority order, leases them,
/// moves receipt fallbacks to their next channel and writes an attempt row before anything is sent.
///
/// An expired lease is retaken only from another worker: a live worker still holds its own jobs
/// (queued or on the wire) and records them itself, so it never sends one twice.
struct DispatchClaimer {
    let db: Database
    let request: ClaimRequest

    func claim() throws -> [DispatchJob] {
        let now = request.now.millis
        let leaseUntil = now + request.lease.components.seconds * 1000
            + request.lease.components.attoseconds / 1_000_000_000_000_000
        // Prepared once per connection (two texts: with and without the urgent filter).
        let rows = try Row.fetchAll(
            db.cachedStatement(sql: """
                SELECT m.id, m.notice_id, m.state, m.channel_step, m.attempt_count, m.await_receipt,
                       m.lease_until, m.link_token, m.reminder_round, n.channels, r.id AS resident_id, r.name, r.phone, r.zalo_id,
                       h.name AS hamlet
                FROM messages m
                JOIN notices n ON n.id = m.notice_id
                JOIN residents r ON r.id = m.resident_id
                LEFT JOIN hamlets h ON h.id = r.hamlet_id
                WHERE m.next_at IS NOT NULL AND m.next_at <= :now
                  AND (m.lease_until IS NULL OR (m.lease_until < :now AND m.lease_owner <> :worker))
                  AND (m.expires_at IS NULL OR m.expires_at > :now)
                  \(request.urgentOnly ? "AND m.priority = 1" : "")
                ORDER BY m.priority DESC, m.next_at
                LIMIT :limit
                """), arguments: ["now": now, "limit": request.limit, "worker": request.worker])
        var policies: [String: [String]] = [:]
        var jobs: [DispatchJob] = []
        jobs.reserveCapacity(rows.count)
        // Columns by position (the SELECT above): a lookup by name lowercases and hashes the name
        // for every value of every row.
        for row in rows {
            let id: Int64 = row[0]
            let noticeID: String = row[1]
            let state = MessageState(rawValue: row[2]) ?? .queued
            let channels: [String]
            if let known = policies[noticeID] {
                channels = known
            } else {
                channels = try ChannelPolicy(parsing: row[9]).channels
                policies[noticeID] = channels
            }
            let round: Int = row[8]
            let plan = ClaimPlan.make(
                notice: noticeID, message: id, state: state, step: row[3], attempts: row[4], awaitingReceipt: row[5],
                round: round, channels: channels)
            guard case .send(let step, let attempts, let channel, let key) = plan else {
                try db.execute(sql: "UPDATE messages SET next_at = NULL, await_receipt = 0 WHERE id = ?", arguments: [id])
                continue
            }
            let crashed = (row[6] as Int64?) != nil
            if crashed {
                try db.execute(
                    sql: "UPDATE attempts SET outcome = 'interrupted' WHERE message_id = ? AND finished_at IS NULL",
                    arguments: [id])
            }
            try db.cachedStatement(
                sql: "INSERT INTO attempts (message_id, channel, idempotency_key, started_at, round) VALUES (?, ?, ?, ?, ?)"
            ).execute(arguments: [id, channel, key, now, round])
            let attemptID = db.lastInsertedRowID
            try db.cachedStatement(sql: """
                UPDATE messages
                SET state = CASE WHEN state = 'queued' THEN 'sending' ELSE state END,
                    lease_owner = ?, lease_until = ?, channel_step = ?, attempt_count = ?,
                    await_receipt = 0, updated_at = ?
                WHERE id = ?
                """
            ).execute(arguments: [request.worker, leaseUntil, step, attempts, now, id])
            jobs.append(
                DispatchJob(
                    messageID: id, noticeID: noticeID, channelStep: step, attemptCount: attempts,
                    attemptID: attemptID, idempotencyKey: key, isResend: crashed || attempts > 0,
                    linkToken: row[7], round: round,
                    recipient: OutboundRecipient(
                        residentID: row[10], name: row[11],
                        phone: (row[12] as String?).flatMap(PhoneNumber.init(e164:)),
                        zaloID: row[13], hamlet: row[14])))
        }
        return jobs
    }
}
