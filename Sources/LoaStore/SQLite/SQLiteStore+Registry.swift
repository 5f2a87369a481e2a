import Foundation
import GRDB
import LoaCore

extension SQLiteStore {
    public func searchResidents(_ search: ResidentSearch) async throws -> ResidentSearchPage {
        try await pool.read { db in
            var clauses: [String] = []
            var arguments: StatementArguments = []
            if !search.includeRemoved { clauses.append("r.removed_at IS NULL") }
            if let pattern = search.phonePattern {
                clauses.append("r.phone LIKE ?")
                arguments += [pattern]
            }
            for pattern in search.namePatterns {
                clauses.append("r.sort_key LIKE ? ESCAPE '\\'")
                arguments += [pattern]
            }
            if let hamlet = search.hamlet {
                let ids = try Self.registryIDs(db, table: "hamlets", named: hamlet)
                clauses.append("r.hamlet_id IN (\(Self.placeholders(ids.count)))")
                arguments += StatementArguments(ids)
            }
            if let group = search.group {
                let ids = try Self.registryIDs(db, table: "resident_groups", named: group)
                clauses.append("r.id IN (SELECT resident_id FROM group_members WHERE group_id IN (\(Self.placeholders(ids.count))))")
                arguments += StatementArguments(ids)
            }
            let condition = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM residents r" + condition, arguments: arguments) ?? 0
            let rows = try Row.fetchAll(
                db,
                sql: Self.registrySelect + condition + " ORDER BY h.key IS NULL, h.key, r.sort_key, r.id LIMIT ? OFFSET ?",
                arguments: arguments + [search.limit, search.offset])
            return ResidentSearchPage(residents: rows.map(Self.registryResident(from:)), total: total)
        }
    }

    public func resident(id: Int64) async throws -> Resident? {
        try await pool.read { db in try Self.registryResident(db, id: id) }
    }

    public func residentHistory(id: Int64, limit: Int) async throws -> [ResidentNotice] {
        try await pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT n.id, n.title, n.kind, n.send_at, m.state FROM messages m JOIN notices n ON n.id = m.notice_id
                    WHERE m.resident_id = ? ORDER BY n.created_at DESC, n.id DESC LIMIT ?
                    """, arguments: [id, limit]
            ).map { row in
                ResidentNotice(
                    notice: row["id"], title: row["title"], kind: NoticeKind(rawValue: row["kind"]) ?? .notice,
                    sendAt: Date(millis: row["send_at"]), state: MessageState(rawValue: row["state"]) ?? .queued)
            }
        }
    }

    public func addResident(_ input: ResidentInput, actor: String) async throws -> Resident {
        let input = try RegistryRules.clean(input)
        return try await pool.write { db in
            if let other = try Self.registryResident(db, phone: input.phone) { throw RegistryRules.phoneTaken(input.phone, by: other) }
            // The importer's own writer: hamlets and groups are created on first use by the same rule.
            var importer = ResidentImporter(db: db, columns: .all, now: Date().millis)
            _ = try importer.write(input)
            guard let added = try Self.registryResident(db, phone: input.phone) else {
                throw StoreError.notFound("resident \(input.phone.national) vanished while being added")
            }
            try Self.audit(db, actor: actor, action: "resident.add", subject: input.phone.e164, detail: RegistryRules.described(added))
            return added
        }
    }

    public func updateResident(id: Int64, _ input: ResidentInput, actor: String) async throws -> Resident {
        let input = try RegistryRules.clean(input)
        return try await pool.write { db in
            guard let old = try Self.registryResident(db, id: id) else { throw StoreError.notFound("no resident #\(id)") }
            guard old.removedAt == nil else {
                throw StoreError(.conflict, "\(old.name) (#\(id)) was removed; restore them before editing")
            }
            let now = Date().millis
            if old.phone != input.phone {
                if let other = try Self.registryResident(db, phone: input.phone) { throw RegistryRules.phoneTaken(input.phone, by: other) }
                try db.execute(
                    sql: "UPDATE residents SET phone = ?, updated_at = ? WHERE id = ?", arguments: [input.phone.e164, now, id])
            }
            // Preferred channels are not on the form: the importer keeps a column it is not given.
            var importer = ResidentImporter(db: db, columns: [.zalo, .hamlet, .groups], now: now)
            _ = try importer.write(input)
            guard let new = try Self.registryResident(db, id: id) else { throw StoreError.notFound("no resident #\(id)") }
            let changes = RegistryRules.changes(from: old, to: new)
            if !changes.isEmpty {
                try Self.audit(db, actor: actor, action: "resident.update", subject: input.phone.e164, detail: changes)
            }
            return new
        }
    }

    public func removeResident(id: Int64, actor: String, at: Date) async throws -> Resident {
        try await pool.write { db in
            guard var resident = try Self.registryResident(db, id: id) else { throw StoreError.notFound("no resident #\(id)") }
            guard resident.removedAt == nil else { return resident }
            try db.execute(
                sql: "UPDATE residents SET removed_at = ?, updated_at = ? WHERE id = ?", arguments: [at.millis, at.millis, id])
            resident.removedAt = Date(millis: at.millis)
            try Self.audit(
                db, actor: actor, action: "resident.remove", subject: resident.phone?.e164 ?? "#\(id)",
                detail: "\(resident.name); hamlet: \(resident.hamlet ?? "–")", at: at)
            return resident
        }
    }

    public func restoreResident(id: Int64, actor: String) async throws -> Resident {
        try await pool.write { db in
            guard var resident = try Self.registryResident(db, id: id) else { throw StoreError.notFound("no resident #\(id)") }
            guard resident.removedAt != nil else { return resident }
            try db.execute(
                sql: "UPDATE residents SET removed_at = NULL, updated_at = ? WHERE id = ?", arguments: [Date().millis, id])
            resident.removedAt = nil
            try Self.audit(
                db, actor: actor, action: "resident.restore", subject: resident.phone?.e164 ?? "#\(id)",
                detail: "\(resident.name); hamlet: \(resident.hamlet ?? "–")")
            return resident
        }
    }

    /// `residentSelect` with the removal time.
    static let registrySelect = "SELECT r.removed_at," + residentSelect.dropFirst("SELECT".count)

    static func registryResident(from row: Row) -> Resident {
        var resident = resident(from: row)
        resident.removedAt = (row["removed_at"] as Int64?).map(Date.init(millis:))
        return resident
    }

    static func registryResident(_ db: Database, id: Int64) throws -> Resident? {
        try Row.fetchOne(db, sql: registrySelect + " WHERE r.id = ?", arguments: [id]).map(registryResident(from:))
    }

    static func registryResident(_ db: Database, phone: PhoneNumber) throws -> Resident? {
        try Row.fetchOne(db, sql: registrySelect + " WHERE r.phone = ?", arguments: [phone.e164]).map(registryResident(from:))
    }

    /// Ids of the hamlets or groups whose name is `name`, accents and case ignored; `table` is a literal.
    private static func registryIDs(_ db: Database, table: String, named name: String) throws -> [Int64] {
        try Row.fetchAll(db, sql: "SELECT id, name FROM \(table)")
            .filter { ResidentSearch.same($0["name"], name) }
            .map { $0["id"] }
    }

    /// `?, ?, …` for `count` values; `NULL` for none, so that `IN (NULL)` matches nothing.
    private static func placeholders(_ count: Int) -> String {
        count == 0 ? "NULL" : Array(repeating: "?", count: count).joined(separator: ", ")
    }
}
