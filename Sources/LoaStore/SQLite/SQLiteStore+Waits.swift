import Foundation
import GRDB

extension SQLiteStore {
    public func dispatchWaits(now: Date) async throws -> DispatchWaits {
        try await pool.read { db in
            // Only messages with work left have next_at, so the partial index messages_next bounds the scan.
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT
                      COALESCE(SUM(waiting AND await_receipt = 1), 0) AS receipts,
                      MAX(CASE WHEN waiting AND await_receipt = 1 THEN next_at END) AS receipts_until,
                      COALESCE(SUM(waiting AND await_receipt = 0), 0) AS retries,
                      MIN(CASE WHEN waiting AND await_receipt = 0 THEN next_at END) AS next_retry,
                      COALESCE(SUM(lease_until >= :now), 0) AS claimed,
                      MAX(CASE WHEN lease_until >= :now THEN lease_until END) AS claimed_until
                    FROM (
                      SELECT next_at, await_receipt, lease_until,
                             next_at > :now AND state <> 'queued' AND (lease_until IS NULL OR lease_until < :now) AS waiting
                      FROM messages WHERE next_at IS NOT NULL
                    )
                    """, arguments: ["now": now.millis])
            let receiptsUntil: Int64? = row?["receipts_until"]
            let nextRetry: Int64? = row?["next_retry"]
            let claimedUntil: Int64? = row?["claimed_until"]
            return DispatchWaits(
                receipts: row?["receipts"] ?? 0, receiptsUntil: receiptsUntil.map(Date.init(millis:)),
                retries: row?["retries"] ?? 0, nextRetry: nextRetry.map(Date.init(millis:)),
                claimed: row?["claimed"] ?? 0, claimedUntil: claimedUntil.map(Date.init(millis:)))
        }
    }
}
