import GRDB
import LoaCore

/// Writes resident rows inside one import transaction, remembering hamlet and group ids.
struct ResidentImporter {
    enum Outcome { case added, updated, unchanged }

    let db: Database
    let columns: ResidentColumns
    let now: Int64
    private var hamletIDs = NameIDs()
    private var groupIDs = NameIDs()

    /// Ids by name as written and by normalised key, so a name seen before skips normalisation.
    private struct NameIDs {
        var byName: [String: Int64] = [:]
        var byKey: [String: Int64] = [:]
    }

    init(db: Database, columns: ResidentColumns, now: Int64) {
        self.db = db
        self.columns = columns
        self.now = now
    }

    mutating func write(_ row: ResidentInput) throws -> Outcome {
        let hamlet = try row.hamlet.flatMap { $0.isEmpty ? nil : try nameID(table: "hamlets", $0, &hamletIDs) }
        let groups = try Set(row.groups.map { try nameID(table: "resident_groups", $0, &groupIDs) })
        let channels = TextList.encode(row.channels)
        let find = try db.cachedStatement(
            sql: "SELECT id, name, zalo_id, hamlet_id, channels, removed_at FROM residents WHERE phone = ?")
        guard let existing = try Row.fetchOne(find, arguments: [row.phone.e164]) else {
            let insert = try db.cachedStatement(sql: """
                INSERT INTO residents (name, sort_key, phone, zalo_id, hamlet_id, channels, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            try insert.execute(arguments: [row.name, row.name.matchKey, row.phone.e164, row.zaloID, hamlet, channels, now, now])
            try addMembers(db.lastInsertedRowID, groups)
            return .added
        }
        let id: Int64 = existing["id"]
        let zalo: String? = columns.contains(.zalo) ? row.zaloID : existing["zalo_id"]
        let hamletID: Int64? = columns.contains(.hamlet) ? hamlet : existing["hamlet_id"]
        let newChannels: String = columns.contains(.channels) ? channels : existing["channels"]
        var groupsChanged = false
        if columns.contains(.groups) {
            let current = try Set(Int64.fetchAll(
                db.cachedStatement(sql: "SELECT group_id FROM group_members WHERE resident_id = ?"),
                arguments: [id]))
            groupsChanged = current != groups
        }
        // A resident removed from the registry whose phone is imported again comes back (an update).
        let restored = (existing["removed_at"] as Int64?) != nil
        let fieldsChanged =
            existing["name"] != row.name || existing["zalo_id"] != zalo
            || existing["hamlet_id"] != hamletID || existing["channels"] != newChannels || restored
        guard fieldsChanged || groupsChanged else { return .unchanged }
        if fieldsChanged {
            try db.cachedStatement(sql: """
                UPDATE residents SET name = ?, sort_key = ?, zalo_id = ?, hamlet_id = ?, channels = ?, updated_at = ?,
                    removed_at = NULL
                WHERE id = ?
                """
            ).execute(arguments: [row.name, row.name.matchKey, zalo, hamletID, newChannels, now, id])
        }
        if groupsChanged {
            try db.execute(sql: "DELETE FROM group_members WHERE resident_id = ?", arguments: [id])
            try addMembers(id, groups)
            if !fieldsChanged {
                try db.execute(sql: "UPDATE residents SET updated_at = ? WHERE id = ?", arguments: [now, id])
            }
        }
        return .updated
    }

    private func addMembers(_ resident: Int64, _ groups: Set<Int64>) throws {
        guard !groups.isEmpty else { return }
        let insert = try db.cachedStatement(
            sql: "INSERT INTO group_members (group_id, resident_id) VALUES (?, ?)")
        for group in groups.sorted() {
            try insert.execute(arguments: [group, resident])
        }
    }

    /// The id of a hamlet or group, created on first use; `table` is one of two literal names.
    private func nameID(table: String, _ name: String, _ cache: inout NameIDs) throws -> Int64 {
        if let id = cache.byName[name] { return id }
        let key = name.nameKey
        if let id = cache.byKey[key] {
            cache.byName[name] = id
            return id
        }
        let id: Int64
        if let found = try Int64.fetchOne(db, sql: "SELECT id FROM \(table) WHERE key = ?", arguments: [key]) {
            id = found
        } else {
            try db.execute(sql: "INSERT INTO \(table) (name, key) VALUES (?, ?)", arguments: [name, key])
            id = db.lastInsertedRowID
        }
        cache.byKey[key] = id
        cache.byName[name] = id
        return id
    }
}
