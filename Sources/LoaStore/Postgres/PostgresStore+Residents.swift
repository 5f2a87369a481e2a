import Foundation
import LoaCore
import PostgresNIO

extension PostgresStore {
    public func importResidents(
        _ rows: [ResidentInput], columns: ResidentColumns, dryRun: Bool, actor: String,
        progress: @escaping @Sendable (Int) -> Void
    ) async throws -> ImportCounts {
        do {
            return try await write { db in
                var counts = ImportCounts()
                var importer = PostgresResidentImporter(db: db, columns: columns, now: Date().millis)
                var done = 0
                // Rows go in chunks: one round trip reads a chunk's existing residents, one inserts its new ones.
                for chunk in rows.chunks(of: 1000) {
                    progress(done)
                    counts = counts + (try await importer.write(chunk))
                    done += chunk.count
                }
                if !dryRun, counts.added + counts.updated > 0 {
                    try await Self.audit(
                        db, actor: actor, action: "residents.import", subject: "\(rows.count) rows",
                        detail: "added \(counts.added), updated \(counts.updated), unchanged \(counts.unchanged)")
                }
                progress(rows.count)
                if dryRun { throw DryRun(counts: counts) }
                return counts
            }
        } catch let dryRun as DryRun {
            return dryRun.counts
        }
    }

    /// Thrown out of a dry run's transaction so that it rolls back, carrying what it would have done.
    private struct DryRun: Error {
        let counts: ImportCounts
    }

    public func residents(hamlet: String?, group: String?) async throws -> [Resident] {
        try await read { db in
            var query = PostgresQuery(unsafeSQL: Self.residentSelect + " WHERE r.removed_at IS NULL")
            if let hamlet {
                query.sql += " AND h.key = $\(query.binds.count + 1)"
                query.binds.append(hamlet.nameKey)
            }
            if let group {
                query.sql += """
                     AND r.id IN (SELECT gm.resident_id FROM group_members gm
                                  JOIN resident_groups g ON g.id = gm.group_id WHERE g.key = $\(query.binds.count + 1))
                    """
                query.binds.append(group.nameKey)
            }
            query.sql += " ORDER BY r.id"
            return try await db.rows(query).map(Self.resident(from:))
        }
    }

    public func resident(phone: PhoneNumber) async throws -> Resident? {
        try await read { db in
            var query = PostgresQuery(unsafeSQL: Self.residentSelect + " WHERE r.phone = $1")
            query.binds.append(phone.e164)
            return try await db.rows(query).first.map(Self.resident(from:))
        }
    }

    public func hamlets() async throws -> [String] {
        try await read { db in
            try await db.rows(#"SELECT name FROM hamlets ORDER BY key COLLATE "C""#).map { try $0["name"] as String }
        }
    }

    public func groups() async throws -> [String] {
        try await read { db in
            try await db.rows(#"SELECT name FROM resident_groups ORDER BY key COLLATE "C""#).map { try $0["name"] as String }
        }
    }

    static let residentSelect = """
        SELECT r.id, r.name, r.phone, r.zalo_id, r.channels, h.name AS hamlet,
               (SELECT string_agg(g.name, chr(31)) FROM group_members gm
                JOIN resident_groups g ON g.id = gm.group_id WHERE gm.resident_id = r.id) AS groups
        FROM residents r LEFT JOIN hamlets h ON h.id = r.hamlet_id
        """

    static func resident(from row: PGRow) throws -> Resident {
        let groups: String? = try row["groups"]
        return Resident(
            id: try row["id"], name: try row["name"],
            phone: (try row["phone"] as String?).flatMap(PhoneNumber.init(e164:)),
            zaloID: try row["zalo_id"], hamlet: try row["hamlet"],
            groups: groups.map { $0.split(separator: "\u{1F}").map(String.init).sorted() } ?? [],
            channels: TextList.decode(try row["channels"]))
    }
}

extension ImportCounts {
    static func + (lhs: ImportCounts, rhs: ImportCounts) -> ImportCounts {
        ImportCounts(added: lhs.added + rhs.added, updated: lhs.updated + rhs.updated, unchanged: lhs.unchanged + rhs.unchanged)
    }
}

extension Array {
    /// Consecutive slices of at most `size` elements.
    func chunks(of size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
