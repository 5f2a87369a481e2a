import LoaCore
import PostgresNIO

/// Writes resident rows inside one import transaction, a chunk at a time, remembering hamlet and
/// group ids; the same rules as SQLite's importer (a column absent from the file keeps its value).
struct PostgresResidentImporter {
    let db: PostgresConnection
    let columns: ResidentColumns
    let now: Int64
    private var hamletIDs = NameIDs(table: "hamlets")
    private var groupIDs = NameIDs(table: "resident_groups")

    /// Ids by name as written and by normalised key; `table` is one of two literal names.
    private struct NameIDs {
        let table: String
        var byName: [String: Int64] = [:]
        var byKey: [String: Int64] = [:]
    }

    init(db: PostgresConnection, columns: ResidentColumns, now: Int64) {
        self.db = db
        self.columns = columns
        self.now = now
    }

    private struct Existing {
        var id: Int64
        var name: String
        var zaloID: String?
        var hamletID: Int64?
        var channels: String
        var groups: Set<Int64>
        var removed: Bool
    }

    mutating func write(_ rows: ArraySlice<ResidentInput>) async throws -> ImportCounts {
        // A phone twice in one chunk (the CSV reader rejects that, other callers might not): row by row.
        if Set(rows.map(\.phone.e164)).count < rows.count, rows.count > 1 {
            var counts = ImportCounts()
            for index in rows.indices { counts = counts + (try await write(rows[index...index])) }
            return counts
        }
        let phones = rows.map(\.phone.e164)
        var existing: [String: Existing] = [:]
        for row in try await db.rows("""
            SELECT r.id, r.phone, r.name, r.zalo_id, r.hamlet_id, r.channels, r.removed_at IS NOT NULL AS removed,
                   ARRAY(SELECT group_id FROM group_members WHERE resident_id = r.id) AS groups
            FROM residents r WHERE r.phone = ANY(\(phones))
            """)
        {
            existing[try row["phone"]] = Existing(
                id: try row["id"], name: try row["name"], zaloID: try row["zalo_id"], hamletID: try row["hamlet_id"],
                channels: try row["channels"], groups: Set(try row["groups"] as [Int64]), removed: try row["removed"])
        }
        var counts = ImportCounts()
        var new: (names: [String], phones: [String], zalos: [String], hamlets: [Int64], channels: [String]) = ([], [], [], [], [])
        var newGroups: [String: Set<Int64>] = [:]
        var members: (groups: [Int64], residents: [Int64]) = ([], [])
        for row in rows {
            var hamlet: Int64?
            if let name = row.hamlet, !name.isEmpty { hamlet = try await Self.id(of: name, in: &hamletIDs, db) }
            var groups = Set<Int64>()
            for name in row.groups { groups.insert(try await Self.id(of: name, in: &groupIDs, db)) }
            let channels = TextList.encode(row.channels)
            guard let old = existing[row.phone.e164] else {
                new.names.append(row.name)
                new.phones.append(row.phone.e164)
                new.zalos.append(row.zaloID ?? "")
                new.hamlets.append(hamlet ?? 0)
                new.channels.append(channels)
                newGroups[row.phone.e164] = groups
                counts.added += 1
                continue
            }
            let zalo = columns.contains(.zalo) ? row.zaloID : old.zaloID
            let hamletID = columns.contains(.hamlet) ? hamlet : old.hamletID
            let newChannels = columns.contains(.channels) ? channels : old.channels
            let groupsChanged = columns.contains(.groups) && old.groups != groups
            // A resident removed from the registry whose phone is imported again comes back (an update).
            let fieldsChanged = old.name != row.name || old.zaloID != zalo || old.hamletID != hamletID
                || old.channels != newChannels || old.removed
            guard fieldsChanged || groupsChanged else {
                counts.unchanged += 1
                continue
            }
            try await db.run("""
                UPDATE residents SET name = \(row.name), sort_key = \(row.name.matchKey), zalo_id = \(zalo), hamlet_id = \(hamletID),
                    channels = \(newChannels), updated_at = \(now), removed_at = NULL
                WHERE id = \(old.id)
                """)
            if groupsChanged {
                try await db.run("DELETE FROM group_members WHERE resident_id = \(old.id)")
                for group in groups.sorted() {
                    members.groups.append(group)
                    members.residents.append(old.id)
                }
            }
            counts.updated += 1
        }
        if !new.names.isEmpty {
            for row in try await db.rows("""
                INSERT INTO residents (name, sort_key, phone, zalo_id, hamlet_id, channels, created_at, updated_at)
                SELECT n, k, p, NULLIF(z, ''), NULLIF(h, 0), c, \(now), \(now)
                FROM unnest(\(new.names)::text[], \(new.names.map(\.matchKey))::text[], \(new.phones)::text[],
                            \(new.zalos)::text[], \(new.hamlets)::bigint[], \(new.channels)::text[]) AS u(n, k, p, z, h, c)
                RETURNING id, phone
                """)
            {
                let id: Int64 = try row["id"]
                for group in (newGroups[try row["phone"]] ?? []).sorted() {
                    members.groups.append(group)
                    members.residents.append(id)
                }
            }
        }
        if !members.groups.isEmpty {
            try await db.run("""
                INSERT INTO group_members (group_id, resident_id)
                SELECT * FROM unnest(\(members.groups)::bigint[], \(members.residents)::bigint[])
                """)
        }
        return counts
    }

    /// The id of a hamlet or group, created on first use.
    private static func id(of name: String, in cache: inout NameIDs, _ db: PostgresConnection) async throws -> Int64 {
        if let id = cache.byName[name] { return id }
        let key = name.nameKey
        if let id = cache.byKey[key] {
            cache.byName[name] = id
            return id
        }
        // Two imports at once may create the same name: the second one finds the first one's row.
        let id = try await db.value(
            PostgresQuery(
                unsafeSQL: """
                    WITH made AS (INSERT INTO \(cache.table) (name, key) VALUES ($1, $2)
                                  ON CONFLICT (key) DO NOTHING RETURNING id)
                    SELECT id FROM made UNION ALL SELECT id FROM \(cache.table) WHERE key = $2
                    """, binds: .of(name, key)), as: Int64.self)
        guard let id else { throw StoreError.invalid("could not store the name '\(name)'") }
        cache.byKey[key] = id
        cache.byName[name] = id
        return id
    }
}
