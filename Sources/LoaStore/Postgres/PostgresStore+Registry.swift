import Foundation
import LoaCore
import PostgresNIO

extension PostgresStore {
    public func searchResidents(_ search: ResidentSearch) async throws -> ResidentSearchPage {
        try await read { db in
            var hamlets: [Int64]?
            var groups: [Int64]?
            if let hamlet = search.hamlet { hamlets = try await Self.registryIDs(db, table: "hamlets", named: hamlet) }
            if let group = search.group { groups = try await Self.registryIDs(db, table: "resident_groups", named: group) }
            // The same condition after two heads: the count and the page.
            func query(_ head: String) -> SQLBuilder {
                var built = SQLBuilder(head + " WHERE TRUE")
                if !search.includeRemoved { built.append(" AND r.removed_at IS NULL") }
                if let pattern = search.phonePattern { built.append(" AND r.phone LIKE \(built.bind(pattern))") }
                for pattern in search.namePatterns {
                    built.append(" AND r.sort_key LIKE \(built.bind(pattern)) ESCAPE '\\'")
                }
                if let hamlets { built.append(" AND r.hamlet_id = ANY(\(built.bind(hamlets))::bigint[])") }
                if let groups {
                    built.append(" AND r.id IN (SELECT resident_id FROM group_members WHERE group_id = ANY(\(built.bind(groups))::bigint[]))")
                }
                return built
            }
            let total = try await db.value(query("SELECT COUNT(*) FROM residents r").query, as: Int64.self) ?? 0
            var page = query(Self.registrySelect)
            page.append(#" ORDER BY h.key COLLATE "C" NULLS LAST, r.sort_key COLLATE "C", r.id"#)
            page.append(" LIMIT \(page.bind(search.limit)) OFFSET \(page.bind(search.offset))")
            let residents = try await db.rows(page.query).map(Self.registryResident(from:))
            return ResidentSearchPage(residents: residents, total: Int(total))
        }
    }

    public func resident(id: Int64) async throws -> Resident? {
        try await read { db in try await Self.registryResident(db, id: id) }
    }

    public func residentHistory(id: Int64, limit: Int) async throws -> [ResidentNotice] {
        try await read { db in
            try await db.rows("""
                SELECT n.id, n.title, n.kind, n.send_at, m.state FROM messages m JOIN notices n ON n.id = m.notice_id
                WHERE m.resident_id = \(id) ORDER BY n.created_at DESC, n.id DESC LIMIT \(limit)
                """
            ).map { row in
                ResidentNotice(
                    notice: try row["id"], title: try row["title"], kind: NoticeKind(rawValue: try row["kind"]) ?? .notice,
                    sendAt: Date(millis: try row["send_at"]), state: MessageState(rawValue: try row["state"]) ?? .queued)
            }
        }
    }

    public func addResident(_ input: ResidentInput, actor: String) async throws -> Resident {
        let input = try RegistryRules.clean(input)
        return try await write { db in
            if let other = try await Self.registryResident(db, phone: input.phone) {
                throw RegistryRules.phoneTaken(input.phone, by: other)
            }
            // The importer's own writer: hamlets and groups are created on first use by the same rule.
            var importer = PostgresResidentImporter(db: db, columns: .all, now: Date().millis)
            _ = try await importer.write([input][...])
            guard let added = try await Self.registryResident(db, phone: input.phone) else {
                throw StoreError.notFound("resident \(input.phone.national) vanished while being added")
            }
            try await Self.audit(
                db, actor: actor, action: "resident.add", subject: input.phone.e164, detail: RegistryRules.described(added))
            return added
        }
    }

    public func updateResident(id: Int64, _ input: ResidentInput, actor: String) async throws -> Resident {
        let input = try RegistryRules.clean(input)
        return try await write { db in
            guard let old = try await Self.registryResident(db, id: id, lock: true) else {
                throw StoreError.notFound("no resident #\(id)")
            }
            guard old.removedAt == nil else {
                throw StoreError(.conflict, "\(old.name) (#\(id)) was removed; restore them before editing")
            }
            let now = Date().millis
            if old.phone != input.phone {
                if let other = try await Self.registryResident(db, phone: input.phone) {
                    throw RegistryRules.phoneTaken(input.phone, by: other)
                }
                try await db.run("UPDATE residents SET phone = \(input.phone.e164), updated_at = \(now) WHERE id = \(id)")
            }
            // Preferred channels are not on the form: the importer keeps a column it is not given.
            var importer = PostgresResidentImporter(db: db, columns: [.zalo, .hamlet, .groups], now: now)
            _ = try await importer.write([input][...])
            guard let new = try await Self.registryResident(db, id: id) else { throw StoreError.notFound("no resident #\(id)") }
            let changes = RegistryRules.changes(from: old, to: new)
            if !changes.isEmpty {
                try await Self.audit(db, actor: actor, action: "resident.update", subject: input.phone.e164, detail: changes)
            }
            return new
        }
    }

    public func removeResident(id: Int64, actor: String, at: Date) async throws -> Resident {
        try await write { db in
            guard var resident = try await Self.registryResident(db, id: id, lock: true) else {
                throw StoreError.notFound("no resident #\(id)")
            }
            guard resident.removedAt == nil else { return resident }
            try await db.run("UPDATE residents SET removed_at = \(at.millis), updated_at = \(at.millis) WHERE id = \(id)")
            resident.removedAt = Date(millis: at.millis)
            try await Self.audit(
                db, actor: actor, action: "resident.remove", subject: resident.phone?.e164 ?? "#\(id)",
                detail: "\(resident.name); hamlet: \(resident.hamlet ?? "–")", at: at)
            return resident
        }
    }

    public func restoreResident(id: Int64, actor: String) async throws -> Resident {
        try await write { db in
            guard var resident = try await Self.registryResident(db, id: id, lock: true) else {
                throw StoreError.notFound("no resident #\(id)")
            }
            guard resident.removedAt != nil else { return resident }
            try await db.run("UPDATE residents SET removed_at = NULL, updated_at = \(Date().millis) WHERE id = \(id)")
            resident.removedAt = nil
            try await Self.audit(
                db, actor: actor, action: "resident.restore", subject: resident.phone?.e164 ?? "#\(id)",
                detail: "\(resident.name); hamlet: \(resident.hamlet ?? "–")")
            return resident
        }
    }

    /// `residentSelect` with the removal time.
    static let registrySelect = "SELECT r.removed_at," + residentSelect.dropFirst("SELECT".count)

    static func registryResident(from row: PGRow) throws -> Resident {
        var resident = try resident(from: row)
        resident.removedAt = (try row["removed_at"] as Int64?).map(Date.init(millis:))
        return resident
    }

    /// One resident by id; with `lock` its row stays locked until the transaction ends.
    static func registryResident(_ db: PostgresConnection, id: Int64, lock: Bool = false) async throws -> Resident? {
        var query = SQLBuilder(registrySelect)
        query.append(" WHERE r.id = \(query.bind(id))")
        if lock { query.append(" FOR UPDATE OF r") }
        return try await db.rows(query.query).first.map(registryResident(from:))
    }

    static func registryResident(_ db: PostgresConnection, phone: PhoneNumber) async throws -> Resident? {
        var query = SQLBuilder(registrySelect)
        query.append(" WHERE r.phone = \(query.bind(phone.e164))")
        return try await db.rows(query.query).first.map(registryResident(from:))
    }

    /// Ids of the hamlets or groups whose name is `name`, accents and case ignored; `table` is a literal.
    private static func registryIDs(_ db: PostgresConnection, table: String, named name: String) async throws -> [Int64] {
        try await db.rows(PostgresQuery(unsafeSQL: "SELECT id, name FROM \(table)")).compactMap { row in
            ResidentSearch.same(try row["name"], name) ? try row["id"] as Int64 : nil
        }
    }
}
