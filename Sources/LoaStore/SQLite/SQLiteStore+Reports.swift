import Foundation
import GRDB
import LoaCore

extension SQLiteStore {
    public func report(notice: String, by grouping: ReachReport.Grouping?, reachTarget: Double) async throws -> ReachReport {
        try await pool.read { db in
            // Hamlets and channels partition a notice's messages, so the totals are the sum of their
            // rows. Both read report_counts, which the messages_report_counts trigger keeps current:
            // a few rows per hamlet and channel, however many messages the notice has.
            let scan: Partition
            var rows: [(key: String, counts: ReachCounts)] = []
            switch grouping {
            case nil, .hamlet?:
                let names = try Self.names(db, table: "hamlets")
                scan = try Self.partition(
                    db, sql: Self.countsBy("hamlet_id"), notice: notice,
                    key: { Int64.fromDatabaseValue($0).flatMap { names[$0] } ?? "" })
                if grouping != nil { rows = scan.rows }
            case .channel?:
                scan = try Self.partition(
                    db, sql: Self.countsBy("channel"), notice: notice, key: { String.fromDatabaseValue($0) ?? "" })
                rows = scan.rows
            case .group?:
                // A resident may be in several groups or in none: the totals need a scan of their own.
                scan = try Self.partition(db, sql: Self.countsBy("''"), notice: notice, key: { _ in "" })
                rows = try Self.groupRows(db, notice: notice)
            }
            // Reminder attempts are few: read them through their partial index, then their messages.
            let reminderSends = try Int.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) FROM attempts a CROSS JOIN messages m ON m.id = a.message_id
                    WHERE a.round > 0 AND a.outcome = 'accepted' AND m.notice_id = ?
                    """, arguments: [notice]) ?? 0
            return ReachReport(
                notice: notice, scan: scan, rows: rows, reachTarget: reachTarget, grouping: grouping,
                reminderSends: reminderSends)
        }
    }

    /// A notice's counts per group, tallied here as the joined rows stream by. A million-message
    /// notice joins to about two million memberships; sorting those for a GROUP BY took as long as
    /// reading them (4.6 s in all before, against 2.6 s for the read alone).
    private static func groupRows(_ db: Database, notice: String) throws -> [(key: String, counts: ReachCounts)] {
        struct Key: Hashable {
            let group: Int64
            let state: String
            let unreachable: Bool
        }
        struct Sums {
            var count = 0, opened = 0, segments = 0

            mutating func add(opened: Int, segments: Int) {
                count += 1
                self.opened += opened
                self.segments += segments
            }
        }
        var tally: [Key: Sums] = [:]
        var read = try RawStatement(db, sql: """
            SELECT gm.group_id, m.state, m.unreachable, m.opened_at IS NOT NULL, m.segments
            FROM messages m JOIN group_members gm ON gm.resident_id = m.resident_id
            WHERE m.notice_id = ?
            """)
        read.bind(notice)
        try read.forEachRow { row in
            let key = Key(group: row.int64(0), state: row.text(1) ?? "", unreachable: row.int64(2) != 0)
            tally[key, default: Sums()].add(opened: row.int(3), segments: row.int(4))
        }
        let names = try Self.names(db, table: "resident_groups")
        var partition = Partition()
        for (key, sums) in tally {
            guard let state = MessageState(rawValue: key.state), let name = names[key.group] else { continue }
            partition.add(key: name, state: state, unreachable: key.unreachable,
                          opened: sums.opened, count: sums.count, segments: sums.segments)
        }
        return partition.rows
    }

    /// Names by id from `table` (hamlets or resident_groups).
    private static func names(_ db: Database, table: String) throws -> [Int64: String] {
        try Dictionary(
            Row.fetchAll(db, sql: "SELECT id, name FROM \(table)").map { ($0["id"] as Int64, $0["name"] as String) },
            uniquingKeysWith: { first, _ in first })
    }

    /// The counts of report_counts per `column` (a column name, or a constant for the totals).
    private static func countsBy(_ column: String) -> String {
        """
        SELECT \(column) AS key, state, unreachable, SUM(n) AS n, SUM(opened) AS opened, SUM(segments) AS segments
        FROM report_counts WHERE notice_id = ? GROUP BY \(column), state, unreachable HAVING SUM(n) > 0
        """
    }

    /// Rows of `key, state, unreachable, n, opened, segments` folded by `key(row.key)` and in total.
    private static func partition(
        _ db: Database, sql: String, notice: String, key: (DatabaseValue) -> String
    ) throws -> Partition {
        var partition = Partition()
        let cursor = try Row.fetchCursor(db, sql: sql, arguments: [notice])
        while let row = try cursor.next() {
            guard let state = MessageState(rawValue: row["state"]) else { continue }
            partition.add(
                key: key(row["key"]), state: state, unreachable: row["unreachable"], opened: row["opened"],
                count: row["n"], segments: (row["segments"] as Int?) ?? 0)
        }
        return partition
    }

    public func unread(notice: String, filter: UnreadFilter) async throws -> [UnreadEntry] {
        // Values, not rows, leave the read, so it is GRDB's async read and no cooperative thread waits.
        let (hamlets, residents) = try await pool.read { db in
            let hamlets = try Row.fetchAll(db, sql: "SELECT id, name, key FROM hamlets")
                .map { (id: $0["id"] as Int64, name: $0["name"] as String, key: $0["key"] as String) }
            // Each bound alone, so each reads one end of the (notice_id, resident_id) index.
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT (SELECT MIN(resident_id) FROM messages WHERE notice_id = ?),
                           (SELECT MAX(resident_id) FROM messages WHERE notice_id = ?)
                    """, arguments: [notice, notice])
            let low: Int64? = row?[0]
            let high: Int64? = row?[1]
            return (hamlets, low.flatMap { low in high.map { low...$0 } })
        }
        var hamletID: Int64?
        if let hamlet = filter.hamlet {
            guard let id = hamlets.first(where: { $0.key == hamlet.nameKey })?.id else { return [] }
            hamletID = id
        }
        guard let residents else { return [] }
        let names = Dictionary(hamlets.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        // The two halves of the residents are read and sorted on two connections at once, then
        // merged: a list of 200 000 residents keeps both cores busy.
        let middle = residents.lowerBound + (residents.upperBound - residents.lowerBound) / 2
        async let lower = unreadPart(notice, filter, hamletID, names, residents.lowerBound...middle)
        async let upper = middle < residents.upperBound
            ? unreadPart(notice, filter, hamletID, names, (middle + 1)...residents.upperBound) : UnreadSorter.Part()
        return UnreadSorter.merge(try await lower, try await upper)
    }

    /// The unread entries of the residents in `range`, sorted.
    private func unreadPart(
        _ notice: String, _ filter: UnreadFilter, _ hamletID: Int64?, _ hamletNames: [Int64: String],
        _ range: ClosedRange<Int64>
    ) async throws -> UnreadSorter.Part {
        try await pool.read { db in
            // `reached = 0` is messages_unread's WHERE, so the default list reads that index: only
            // the messages not reached, in resident order.
            var sql = """
                SELECT r.id, r.name, r.phone, m.hamlet_id, m.state, m.last_error, r.sort_key
                FROM messages m JOIN residents r ON r.id = m.resident_id
                WHERE m.notice_id = ? AND m.resident_id BETWEEN ? AND ?
                  AND \(filter.notAcknowledged ? "m.state <> 'acknowledged'" : "m.reached = 0")
                """
            var arguments: StatementArguments = [notice, range.lowerBound, range.upperBound]
            if let hamletID {
                sql += " AND m.hamlet_id = ?"
                _ = arguments.append(contentsOf: [hamletID])
            }
            var sorter = UnreadSorter(hamlets: hamletNames)
            let cursor = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let row = try cursor.next() {
                let hamlet: Int64? = row[3]
                sorter.add(
                    UnreadEntry(
                        residentID: row[0], name: row[1], phone: row[2], hamlet: hamlet.flatMap { hamletNames[$0] },
                        state: MessageState(rawValue: row[4]) ?? .queued, lastError: row[5]),
                    hamlet: hamlet, sortKey: row[6])
            }
            return sorter.sortedPart()
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
            return ReplyRecord(
                channel: channel, sender: sender, text: text, receivedAt: time, outcome: outcome, message: message,
                id: db.lastInsertedRowID, residentID: resident)
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
        return ReplyTarget.pick(rows.map { (id: $0["id"] as Int64, notice: $0["notice"] as String) }, code: code)
    }

    public func replies(limit: Int) async throws -> [ReplyRecord] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM replies ORDER BY id DESC LIMIT ?", arguments: [limit]).map(Self.reply(from:))
        }
    }

    static func reply(from row: Row) -> ReplyRecord {
        ReplyRecord(
            channel: row["channel"], sender: row["sender"], text: row["text"], receivedAt: Date(millis: row["received_at"]),
            outcome: row["outcome"], message: row["message_id"], id: row["id"], residentID: row["resident_id"],
            handledAt: (row["handled_at"] as Int64?).map(Date.init(millis:)), handledBy: row["handled_by"], handling: row["handling"])
    }
}
