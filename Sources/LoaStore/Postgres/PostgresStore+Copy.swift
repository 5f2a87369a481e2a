import Foundation
import GRDB
import PostgresNIO

/// How many rows one table holds on each side of `loa db copy`.
public struct CopiedTable: Sendable, Equatable {
    public var table: String
    public var source: Int
    public var target: Int
}

extension PostgresStore {
    /// Every table, parents before children; `group_members` is the one SQLite table without rowid.
    static let copyOrder = [
        "hamlets", "resident_groups", "residents", "group_members", "notices", "messages", "attempts", "events",
        "tokens", "audit_log", "replies", "channel_credentials", "reminders",
    ]

    /// Copies a whole SQLite database into this (empty) one in a single transaction, keeping every id,
    /// then checks that each table holds as many rows on both sides. `progress` hears the table and
    /// the rows copied so far.
    public func copy(
        from source: SQLiteStore, progress: @escaping @Sendable (String, Int) -> Void = { _, _ in }
    ) async throws -> [CopiedTable] {
        try await write { db in
            for table in ["residents", "notices", "tokens", "audit_log"] {
                if try await db.value(PostgresQuery(unsafeSQL: "SELECT 1 FROM \(table) LIMIT 1"), as: Int32.self) != nil {
                    throw StoreError(.conflict, "the target database already holds data (table \(table)); copy into an empty one")
                }
            }
            var tables: [CopiedTable] = []
            for table in Self.copyOrder {
                let columns = try await db.rows("""
                    SELECT column_name, data_type FROM information_schema.columns
                    WHERE table_schema = current_schema() AND table_name = \(table) ORDER BY ordinal_position
                    """).map { (name: try $0["column_name"] as String, type: try $0["data_type"] as String) }
                let copied = try await Self.copyTable(table, columns: columns, from: source, into: db) { progress(table, $0) }
                if columns.contains(where: { $0.name == "id" && $0.type == "bigint" }) {
                    try await db.run(PostgresQuery(unsafeSQL: """
                        SELECT setval(pg_get_serial_sequence('\(table)', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM \(table)
                        """))
                }
                let target = try await db.value(PostgresQuery(unsafeSQL: "SELECT COUNT(*) FROM \(table)"), as: Int.self) ?? 0
                let count = try await source.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM \(table)") ?? 0 }
                guard count == copied, target == count else {
                    throw StoreError(.conflict, "table \(table): \(count) rows in SQLite, \(target) after the copy; nothing was kept")
                }
                tables.append(CopiedTable(table: table, source: count, target: target))
            }
            return tables
        }
    }

    /// Copies one table in keyset-ordered chunks of multi-row INSERTs (at most 60 000 bind values each).
    private static func copyTable(
        _ table: String, columns: [(name: String, type: String)], from source: SQLiteStore, into db: PostgresConnection,
        progress: (Int) -> Void
    ) async throws -> Int {
        let names = columns.map(\.name).joined(separator: ", ")
        let chunk = max(1, 60_000 / columns.count)
        let keyset = table == "group_members" ? ["group_id", "resident_id"] : ["rowid"]
        var last: [DatabaseValue]? = nil
        var copied = 0
        while true {
            let after = last
            // Values, not rows, leave the read: GRDB rows are not Sendable, and the async read keeps
            // this task off the cooperative threads while SQLite works.
            let rows = try await source.pool.read { sqlite in
                let keys = keyset.joined(separator: ", ")
                let condition = after == nil ? "" : "WHERE (\(keys)) > (\(keyset.map { _ in "?" }.joined(separator: ", ")))"
                return try Row.fetchAll(
                    sqlite, sql: "SELECT \(keys), \(names) FROM \(table) \(condition) ORDER BY \(keys) LIMIT \(chunk)",
                    arguments: StatementArguments(after ?? [])
                ).map { Array($0.databaseValues) }
            }
            guard let final = rows.last else { return copied }
            var binds = PostgresBindings(capacity: rows.count * columns.count)
            var tuples: [String] = []
            tuples.reserveCapacity(rows.count)
            for row in rows {
                var marks: [String] = []
                for (index, column) in columns.enumerated() {
                    try bind(row[keyset.count + index], as: column.type, column: "\(table).\(column.name)", to: &binds)
                    marks.append("$\(binds.count)")
                }
                tuples.append("(" + marks.joined(separator: ", ") + ")")
            }
            try await db.run(PostgresQuery(
                unsafeSQL: "INSERT INTO \(table) (\(names)) VALUES " + tuples.joined(separator: ", "), binds: binds))
            copied += rows.count
            progress(copied)
            last = (0..<keyset.count).map { final[$0] }
        }
    }

    /// One SQLite value as the PostgreSQL column's type: 0/1 flags become booleans.
    private static func bind(_ value: DatabaseValue, as type: String, column: String, to binds: inout PostgresBindings) throws {
        switch (value.storage, type) {
        case (.null, _): binds.appendNull()
        case (.int64(let number), "boolean"): binds.append(number != 0)
        case (.int64(let number), "bigint"): binds.append(number)
        case (.int64(let number), _): binds.append(String(number))
        case (.double(let number), "bigint"): binds.append(Int64(number))
        case (.string(let text), "bigint"):
            guard let number = Int64(text) else { throw StoreError.invalid("\(column): '\(text)' is not a number") }
            binds.append(number)
        case (.string(let text), _): binds.append(text)
        default: throw StoreError.invalid("\(column): a value of an unexpected type (\(value))")
        }
    }
}
