import Foundation
import GRDB
import LoaCore

extension SQLiteStore {
    public func importResidents(
        _ rows: [ResidentInput], columns: ResidentColumns, dryRun: Bool, actor: String,
        progress: @escaping @Sendable (Int) -> Void
    ) async throws -> ImportCounts {
        try await pool.writeWithoutTransaction { db in
            var counts = ImportCounts()
            try db.inTransaction {
                var importer = ResidentImporter(db: db, columns: columns, now: Date().millis)
                for (index, row) in rows.enumerated() {
                    if index % 1000 == 0 { progress(index) }
                    switch try importer.write(row) {
                    case .added: counts.added += 1
                    case .updated: counts.updated += 1
                    case .unchanged: counts.unchanged += 1
                    }
                }
                if !dryRun, counts.added + counts.updated > 0 {
                    try Self.audit(
                        db, actor: actor, action: "residents.import", subject: "\(rows.count) rows",
                        detail: "added \(counts.added), updated \(counts.updated), unchanged \(counts.unchanged)")
                }
                progress(rows.count)
                return dryRun ? .rollback : .commit
            }
            return counts
        }
    }

    public func residents(hamlet: String?, group: String?) async throws -> [Resident] {
        try await pool.read { db in
            var sql = Self.residentSelect
            var clauses = ["r.removed_at IS NULL"]
            var arguments: StatementArguments = []
            if let hamlet {
                clauses.append("h.key = ?")
                arguments += [hamlet.nameKey]
            }
            if let group {
                clauses.append("""
                    r.id IN (SELECT gm.resident_id FROM group_members gm
                             JOIN resident_groups g ON g.id = gm.group_id WHERE g.key = ?)
                    """)
                arguments += [group.nameKey]
            }
            sql += " WHERE " + clauses.joined(separator: " AND ")
            sql += " ORDER BY r.id"
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.resident(from:))
        }
    }

    public func resident(phone: PhoneNumber) async throws -> Resident? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: Self.residentSelect + " WHERE r.phone = ?", arguments: [phone.e164])
                .map(Self.resident(from:))
        }
    }

    /// Hamlet names as first written, in name order.
    public func hamlets() async throws -> [String] {
        try await pool.read { db in try String.fetchAll(db, sql: "SELECT name FROM hamlets ORDER BY key") }
    }

    /// Group names as first written, in name order.
    public func groups() async throws -> [String] {
        try await pool.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM resident_groups ORDER BY key")
        }
    }

    static let residentSelect = """
        SELECT r.id, r.name, r.phone, r.zalo_id, r.channels, h.name AS hamlet,
               (SELECT group_concat(g.name, char(31)) FROM group_members gm
                JOIN resident_groups g ON g.id = gm.group_id WHERE gm.resident_id = r.id) AS groups
        FROM residents r LEFT JOIN hamlets h ON h.id = r.hamlet_id
        """

    static func resident(from row: Row) -> Resident {
        let groups: String? = row["groups"]
        return Resident(
            id: row["id"], name: row["name"],
            phone: (row["phone"] as String?).flatMap(PhoneNumber.init(e164:)),
            zaloID: row["zalo_id"], hamlet: row["hamlet"],
            groups: groups.map { $0.split(separator: "\u{1F}").map(String.init).sorted() } ?? [],
            channels: TextList.decode(row["channels"]))
    }
}
