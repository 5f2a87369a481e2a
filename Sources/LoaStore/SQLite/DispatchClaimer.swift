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
        var select = try RawStatement(db, sql: """
            SELECT m.id, m.notice_id, m.state, m.channel_step, m.attempt_count, m.await_receipt,
                   m.lease_until, m.link_token, m.reminder_round, n.channels, r.id AS resident_id, r.name, r.phone, r.zalo_id,
                   h.name AS hamlet
            FROM messages m
            JOIN notices n ON n.id = m.notice_id
            JOIN residents r ON r.id = m.resident_id
            LEFT JOIN hamlets h ON h.id = r.hamlet_id
            WHERE m.next_at IS NOT NULL AND m.next_at <= ?1
              AND (m.lease_until IS NULL OR (m.lease_until < ?1 AND m.lease_owner <> ?2))
              AND (m.expires_at IS NULL OR m.expires_at > ?1)
              \(request.urgentOnly ? "AND m.priority = 1" : "")
            ORDER BY m.priority DESC, m.next_at
            LIMIT ?3
            """)
        select.bind(now)
        select.bind(request.worker)
        select.bind(request.limit)
        // Read to the end before writing: the writes below change rows this query reads.
        var rows: [DueRow] = []
        rows.reserveCapacity(request.limit)
        try select.forEachRow { row in
            rows.append(DueRow(row))
        }
        var insertAttempt = try RawStatement(db, sql: """
            INSERT INTO attempts (message_id, channel, idempotency_key, started_at, round) VALUES (?, ?, ?, ?, ?)
            """)
        var lease = try RawStatement(db, sql: """
            UPDATE messages
            SET state = CASE WHEN state = 'queued' THEN 'sending' ELSE state END,
                lease_owner = ?, lease_until = ?, channel_step = ?, attempt_count = ?,
                await_receipt = 0, updated_at = ?
            WHERE id = ?
            """)
        var jobs: [DispatchJob] = []
        jobs.reserveCapacity(rows.count)
        // A round is mostly one notice: its chain is parsed again only when the text changes.
        var channels: (text: String, list: [String]) = ("", [])
        for row in rows {
            if channels.list.isEmpty || channels.text != row.channels {
                channels = (row.channels, try ChannelPolicy(parsing: row.channels).channels)
            }
            let plan = ClaimPlan.make(
                notice: row.noticeID, message: row.id, state: row.state, step: row.step, attempts: row.attempts,
                awaitingReceipt: row.awaitingReceipt, round: row.round, channels: channels.list)
            guard case .send(let step, let attempts, let channel, let key) = plan else {
                try db.execute(sql: "UPDATE messages SET next_at = NULL, await_receipt = 0 WHERE id = ?", arguments: [row.id])
                continue
            }
            if row.crashed {
                try db.execute(
                    sql: "UPDATE attempts SET outcome = 'interrupted' WHERE message_id = ? AND finished_at IS NULL",
                    arguments: [row.id])
            }
            insertAttempt.bind(row.id)
            insertAttempt.bind(channel)
            insertAttempt.bind(key)
            insertAttempt.bind(now)
            insertAttempt.bind(row.round)
            try insertAttempt.run()
            let attemptID = db.lastInsertedRowID
            lease.bind(request.worker)
            lease.bind(leaseUntil)
            lease.bind(step)
            lease.bind(attempts)
            lease.bind(now)
            lease.bind(row.id)
            try lease.run()
            jobs.append(
                DispatchJob(
                    messageID: row.id, noticeID: row.noticeID, channelStep: step, attemptCount: attempts,
                    attemptID: attemptID, idempotencyKey: key, isResend: row.crashed || attempts > 0,
                    linkToken: row.linkToken, round: row.round, recipient: row.recipient))
        }
        return jobs
    }
}

/// One row of the claim's SELECT, its columns in the SELECT's order.
private struct DueRow {
    let id: Int64
    let noticeID: String
    let state: MessageState
    let step: Int
    let attempts: Int
    let awaitingReceipt: Bool
    /// A lease that ran out: the worker that held it crashed, maybe with the request on the wire.
    let crashed: Bool
    let linkToken: String?
    let round: Int
    let channels: String
    let recipient: OutboundRecipient

    init(_ row: RawRow) {
        id = row.int64(0)
        noticeID = row.text(1) ?? ""
        state = row.text(2).flatMap(MessageState.init(rawValue:)) ?? .queued
        step = row.int(3)
        attempts = row.int(4)
        awaitingReceipt = row.int64(5) != 0
        crashed = !row.isNull(6)
        linkToken = row.text(7)
        round = row.int(8)
        channels = row.text(9) ?? ""
        recipient = OutboundRecipient(
            residentID: row.int64(10), name: row.text(11) ?? "", phone: row.text(12).flatMap(PhoneNumber.init(e164:)),
            zaloID: row.text(13), hamlet: row.text(14))
    }
}
