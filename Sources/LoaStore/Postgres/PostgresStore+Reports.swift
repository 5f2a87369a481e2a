import Foundation
import LoaCore
import PostgresNIO

extension PostgresStore {
    public func report(notice: String, by grouping: ReachReport.Grouping?, reachTarget: Double) async throws -> ReachReport {
        try await write { db in
            // The scan reads the covering index messages_report. With the default random_page_cost
            // (4, priced for spinning disks) the planner scans the whole table instead, twice as
            // slow on a million-message notice; 1.1 prices an SSD, for this read only.
            try await db.run("SET LOCAL random_page_cost = 1.1")
            // As on SQLite: hamlets and channels partition a notice's messages, so one grouped scan
            // (of the covering index messages_report for hamlets) gives the rows and the totals.
            let scan: Partition
            var rows: [(key: String, counts: ReachCounts)] = []
            let counts = """
                state, unreachable, COUNT(*) AS n, COUNT(opened_at) AS opened, COALESCE(SUM(segments), 0)::bigint AS segments
                """
            switch grouping {
            case nil, .hamlet?:
                var names: [Int64: String] = [:]
                for row in try await db.rows("SELECT id, name FROM hamlets") { names[try row["id"]] = try row["name"] }
                scan = try await Self.partition(db, PostgresQuery(unsafeSQL: """
                    SELECT hamlet_id AS key, \(counts) FROM messages WHERE notice_id = $1 GROUP BY hamlet_id, state, unreachable
                    """, binds: .of(notice))) { row in (try row["key"] as Int64?).flatMap { names[$0] } ?? "" }
                if grouping != nil { rows = scan.rows }
            case .channel?:
                scan = try await Self.partition(db, PostgresQuery(unsafeSQL: """
                    SELECT channel AS key, \(counts) FROM messages WHERE notice_id = $1 GROUP BY channel, state, unreachable
                    """, binds: .of(notice))) { row in try row["key"] as String? ?? "" }
                rows = scan.rows
            case .group?:
                // A resident may be in several groups or in none: the totals need a scan of their own.
                scan = try await Self.partition(db, PostgresQuery(unsafeSQL: """
                    SELECT \(counts) FROM messages WHERE notice_id = $1 GROUP BY state, unreachable
                    """, binds: .of(notice))) { _ in "" }
                rows = try await Self.partition(db, PostgresQuery(unsafeSQL: """
                    SELECT g.name AS key, m.state, m.unreachable, COUNT(*) AS n, COUNT(m.opened_at) AS opened,
                           COALESCE(SUM(m.segments), 0)::bigint AS segments
                    FROM messages m JOIN group_members gm ON gm.resident_id = m.resident_id
                    JOIN resident_groups g ON g.id = gm.group_id
                    WHERE m.notice_id = $1 GROUP BY g.id, g.name, m.state, m.unreachable
                    """, binds: .of(notice))) { row in try row["key"] as String }.rows
            }
            let reminderSends = try await db.value("""
                SELECT COUNT(*) FROM attempts a JOIN messages m ON m.id = a.message_id
                WHERE a.round > 0 AND a.outcome = 'accepted' AND m.notice_id = \(notice)
                """, as: Int.self) ?? 0
            return ReachReport(
                notice: notice, scan: scan, rows: rows, reachTarget: reachTarget, grouping: grouping,
                reminderSends: reminderSends)
        }
    }

    /// Rows of `key, state, unreachable, n, opened, segments` folded by `key(row)` and in total.
    private static func partition(
        _ db: PostgresConnection, _ query: PostgresQuery, key: (PGRow) throws -> String
    ) async throws -> Partition {
        var partition = Partition()
        for row in try await db.rows(query) {
            guard let state = MessageState(rawValue: try row["state"]) else { continue }
            partition.add(
                key: try key(row), state: state, unreachable: try row["unreachable"], opened: try row["opened"],
                count: try row["n"], segments: try row["segments"])
        }
        return partition
    }

    public func unread(notice: String, filter: UnreadFilter) async throws -> [UnreadEntry] {
        try await read { db in
            var names: [Int64: String] = [:]
            var hamletID: Int64?
            for row in try await db.rows("SELECT id, name, key FROM hamlets") {
                names[try row["id"]] = try row["name"]
                if let hamlet = filter.hamlet, try row["key"] as String == hamlet.nameKey { hamletID = try row["id"] }
            }
            var query = SQLBuilder()
            query.append("""
                SELECT r.id, r.name, r.phone, m.hamlet_id, m.state, m.last_error, r.sort_key
                FROM messages m JOIN residents r ON r.id = m.resident_id
                WHERE m.notice_id = \(query.bind(notice))
                  AND m.state \(filter.notAcknowledged ? "<> 'acknowledged'" : "NOT IN ('opened', 'acknowledged')")
                """)
            if filter.hamlet != nil {
                guard let hamletID else { return [] }
                query.append(" AND m.hamlet_id = \(query.bind(hamletID))")
            }
            var sorter = UnreadSorter(hamlets: names)
            for row in try await db.rows(query.query) {
                let hamlet: Int64? = try row[3]
                sorter.add(
                    UnreadEntry(
                        residentID: try row[0], name: try row[1], phone: try row[2], hamlet: hamlet.flatMap { names[$0] },
                        state: MessageState(rawValue: try row[4]) ?? .queued, lastError: try row[5]),
                    hamlet: hamlet, sortKey: try row[6])
            }
            return sorter.sorted()
        }
    }

    public func messageTotals() async throws -> [(state: String, channel: String, count: Int)] {
        try await read { db in
            try await db.rows("SELECT state, COALESCE(channel, '') AS channel, COUNT(*) AS n FROM messages GROUP BY state, channel")
                .map { (try $0["state"], try $0["channel"], try $0["n"]) }
        }
    }

    public func timeline(notice: String, buckets: Int, until end: Date) async throws -> Timeline? {
        try await read { db in
            guard let sendAt = try await db.value("SELECT send_at FROM notices WHERE id = \(notice)", as: Int64.self)
            else { return nil }
            let count = max(1, buckets)
            let width = max(1000, (end.millis - sendAt + Int64(count) - 1) / Int64(count))
            // Each resident once: the first accepted attempt, the first delivery receipt.
            func series(_ times: String) async throws -> [Int] {
                var perBucket: [Int: Int] = [:]
                var query = SQLBuilder()
                let start = query.bind(sendAt), step = query.bind(width), id = query.bind(notice)
                query.append("""
                    SELECT (t - \(start)) / \(step) AS b, COUNT(*) AS n FROM (\(times.replacingOccurrences(of: "$NOTICE", with: id))) AS s
                    WHERE t IS NOT NULL GROUP BY b
                    """)
                for row in try await db.rows(query.query) { perBucket[Int(try row["b"] as Int64)] = try row["n"] }
                return Timeline.cumulative(perBucket, count: count)
            }
            let accepted = try await series("""
                SELECT MIN(a.finished_at) AS t FROM attempts a JOIN messages m ON m.id = a.message_id
                WHERE m.notice_id = $NOTICE AND a.outcome = 'accepted' AND a.round = 0 GROUP BY a.message_id
                """)
            let delivered = try await series("""
                SELECT MIN(e.occurred_at) AS t FROM events e JOIN messages m ON m.id = e.message_id
                WHERE m.notice_id = $NOTICE AND e.state IN ('delivered', 'opened', 'acknowledged') GROUP BY e.message_id
                """)
            let opened = try await series("SELECT opened_at AS t FROM messages WHERE notice_id = $NOTICE")
            let acknowledged = try await series("SELECT acknowledged_at AS t FROM messages WHERE notice_id = $NOTICE")
            return Timeline(
                start: Date(millis: sendAt), bucket: Double(width) / 1000, accepted: accepted, delivered: delivered,
                opened: opened, acknowledged: acknowledged)
        }
    }
}
