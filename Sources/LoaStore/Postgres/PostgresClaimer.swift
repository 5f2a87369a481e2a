import Foundation
import LoaCore
import PostgresNIO

/// Claims due messages inside one transaction, set-wise: one `SELECT … FOR UPDATE SKIP LOCKED`
/// picks them (rows another worker is claiming right now are skipped, not waited for), then one
/// statement each settles, marks interrupted attempts, writes the attempt rows and leases the messages.
///
/// As with SQLite, an expired lease is retaken only from another worker.
struct PostgresClaimer {
    let db: PostgresConnection
    let request: ClaimRequest

    func claim() async throws -> [DispatchJob] {
        let now = request.now.millis
        let leaseUntil = request.now.addingTimeInterval(request.lease.seconds).millis
        let rows = try await db.rows(PostgresQuery(unsafeSQL: """
            SELECT m.id, m.notice_id, m.state, m.channel_step, m.attempt_count, m.await_receipt,
                   m.lease_until, m.link_token, m.reminder_round, n.channels, r.id AS resident_id, r.name, r.phone,
                   r.zalo_id, h.name AS hamlet
            FROM messages m
            JOIN notices n ON n.id = m.notice_id
            JOIN residents r ON r.id = m.resident_id
            LEFT JOIN hamlets h ON h.id = r.hamlet_id
            WHERE m.next_at IS NOT NULL AND m.next_at <= $1
              AND (m.lease_until IS NULL OR (m.lease_until < $1 AND m.lease_owner <> $2))
              AND (m.expires_at IS NULL OR m.expires_at > $1)
              \(request.urgentOnly ? "AND m.priority = 1" : "")
            ORDER BY m.priority DESC, m.next_at
            LIMIT $3
            FOR UPDATE OF m SKIP LOCKED
            """, binds: .of(now, request.worker, Int64(request.limit))))
        var policies: [String: [String]] = [:]
        var settled: [Int64] = []
        var crashed: [Int64] = []
        var plans: [(row: PGRow, id: Int64, notice: String, round: Int, step: Int, attempts: Int, channel: String, key: String)] = []
        for row in rows {
            let id: Int64 = try row[0]
            let notice: String = try row[1]
            let channels: [String]
            if let known = policies[notice] {
                channels = known
            } else {
                channels = try ChannelPolicy(parsing: try row[9]).channels
                policies[notice] = channels
            }
            let round = Int(try row[8] as Int64)
            let plan = ClaimPlan.make(
                notice: notice, message: id, state: MessageState(rawValue: try row[2]) ?? .queued,
                step: Int(try row[3] as Int64), attempts: Int(try row[4] as Int64), awaitingReceipt: try row[5],
                round: round, channels: channels)
            guard case .send(let step, let attempts, let channel, let key) = plan else {
                settled.append(id)
                continue
            }
            if (try row[6] as Int64?) != nil { crashed.append(id) }
            plans.append((row, id, notice, round, step, attempts, channel, key))
        }
        if !settled.isEmpty {
            try await db.run("UPDATE messages SET next_at = NULL, await_receipt = false WHERE id = ANY(\(settled))")
        }
        if !crashed.isEmpty {
            try await db.run("""
                UPDATE attempts SET outcome = 'interrupted' WHERE message_id = ANY(\(crashed)) AND finished_at IS NULL
                """)
        }
        guard !plans.isEmpty else { return [] }
        let ids = plans.map(\.id)
        var attemptIDs: [Int64: Int64] = [:]
        for row in try await db.rows("""
            INSERT INTO attempts (message_id, channel, idempotency_key, started_at, round)
            SELECT id, channel, key, \(now), round
            FROM unnest(\(ids)::bigint[], \(plans.map(\.channel))::text[], \(plans.map(\.key))::text[],
                        \(plans.map { Int64($0.round) })::bigint[]) AS u(id, channel, key, round)
            RETURNING id, message_id
            """)
        {
            attemptIDs[try row["message_id"]] = try row["id"]
        }
        try await db.run("""
            UPDATE messages m
            SET state = CASE WHEN m.state = 'queued' THEN 'sending' ELSE m.state END,
                lease_owner = \(request.worker), lease_until = \(leaseUntil), channel_step = u.step,
                attempt_count = u.attempts, await_receipt = false, updated_at = \(now)
            FROM unnest(\(ids)::bigint[], \(plans.map { Int64($0.step) })::bigint[],
                        \(plans.map { Int64($0.attempts) })::bigint[]) AS u(id, step, attempts)
            WHERE m.id = u.id
            """)
        let crashedSet = Set(crashed)
        return try plans.map { plan in
            let row = plan.row
            return DispatchJob(
                messageID: plan.id, noticeID: plan.notice, channelStep: plan.step, attemptCount: plan.attempts,
                attemptID: attemptIDs[plan.id] ?? 0, idempotencyKey: plan.key,
                isResend: crashedSet.contains(plan.id) || plan.attempts > 0, linkToken: try row[7], round: plan.round,
                recipient: OutboundRecipient(
                    residentID: try row[10], name: try row[11],
                    phone: (try row[12] as String?).flatMap(PhoneNumber.init(e164:)),
                    zaloID: try row[13], hamlet: try row[14]))
        }
    }
}
