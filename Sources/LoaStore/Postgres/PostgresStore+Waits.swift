import Foundation
import PostgresNIO

extension PostgresStore {
    public func dispatchWaits(now: Date) async throws -> DispatchWaits {
        try await read { db in
            let now = now.millis
            // Only messages with work left have next_at, so the partial index messages_next bounds the scan.
            guard let row = try await db.rows("""
                SELECT
                  COUNT(*) FILTER (WHERE waiting AND await_receipt) AS receipts,
                  MAX(next_at) FILTER (WHERE waiting AND await_receipt) AS receipts_until,
                  COUNT(*) FILTER (WHERE waiting AND NOT await_receipt) AS retries,
                  MIN(next_at) FILTER (WHERE waiting AND NOT await_receipt) AS next_retry,
                  COUNT(*) FILTER (WHERE lease_until >= \(now)) AS claimed,
                  MAX(lease_until) FILTER (WHERE lease_until >= \(now)) AS claimed_until
                FROM (
                  SELECT next_at, await_receipt, lease_until,
                         next_at > \(now) AND state <> 'queued' AND (lease_until IS NULL OR lease_until < \(now)) AS waiting
                  FROM messages WHERE next_at IS NOT NULL
                ) pending
                """).first
            else { return DispatchWaits() }
            let receiptsUntil: Int64? = try row["receipts_until"]
            let nextRetry: Int64? = try row["next_retry"]
            let claimedUntil: Int64? = try row["claimed_until"]
            return DispatchWaits(
                receipts: try row["receipts"], receiptsUntil: receiptsUntil.map(Date.init(millis:)),
                retries: try row["retries"], nextRetry: nextRetry.map(Date.init(millis:)),
                claimed: try row["claimed"], claimedUntil: claimedUntil.map(Date.init(millis:)))
        }
    }
}
