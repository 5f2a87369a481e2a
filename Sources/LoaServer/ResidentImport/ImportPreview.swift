import Foundation
import LoaCore
import LoaStore

/// What confirming an upload would do, row by row, by the same rules as the store's import:
/// a new phone is added; a known one is updated when its name, or a column the file carries
/// (Zalo id, hamlet, groups, channels), differs, or when the resident had been removed.
struct ImportPreview: Sendable {
    /// One updated row: the fields that change, as (field key, before, after).
    struct Change: Sendable {
        let input: ResidentInput
        let fields: [(String, String, String)]
    }

    var added: [ResidentInput] = []
    var updated: [Change] = []
    var unchanged: [ResidentInput] = []

    /// Compares `parsed` with the registry (removed residents included).
    static func make(_ parsed: ResidentCSVResult, store: any Store) async throws -> ImportPreview {
        var known: [String: Resident] = [:]
        for resident in try await store.residents(hamlet: nil, group: nil) {
            if let phone = resident.phone { known[phone.e164] = resident }
        }
        let everyone = try await store.searchResidents(ResidentSearch(includeRemoved: true, limit: 1)).total
        if everyone > known.count {
            var offset = 0
            while offset < everyone {
                let page = try await store.searchResidents(ResidentSearch(includeRemoved: true, limit: 500, offset: offset))
                for resident in page.residents where resident.removedAt != nil {
                    if let phone = resident.phone { known[phone.e164] = resident }
                }
                if page.residents.isEmpty { break }
                offset += page.residents.count
            }
        }
        var preview = ImportPreview()
        let columns = parsed.columns
        for row in parsed.residents {
            guard let existing = known[row.phone.e164] else {
                preview.added.append(row)
                continue
            }
            var fields: [(String, String, String)] = []
            if existing.removedAt != nil { fields.append(("restore", "", "")) }
            if existing.name != row.name { fields.append(("name", existing.name, row.name)) }
            if columns.contains(.zalo), existing.zaloID != row.zaloID {
                fields.append(("zalo", existing.zaloID ?? "", row.zaloID ?? ""))
            }
            if columns.contains(.hamlet), (existing.hamlet ?? "").nameKey != (row.hamlet ?? "").nameKey {
                fields.append(("hamlet", existing.hamlet ?? "", row.hamlet ?? ""))
            }
            if columns.contains(.groups), Set(existing.groups.map(\.nameKey)) != Set(row.groups.map(\.nameKey)) {
                fields.append(("groups", existing.groups.joined(separator: "; "), row.groups.joined(separator: "; ")))
            }
            if columns.contains(.channels), existing.channels != row.channels {
                fields.append(("channels", existing.channels.joined(separator: "; "), row.channels.joined(separator: "; ")))
            }
            if fields.isEmpty { preview.unchanged.append(row) } else { preview.updated.append(Change(input: row, fields: fields)) }
        }
        return preview
    }
}
