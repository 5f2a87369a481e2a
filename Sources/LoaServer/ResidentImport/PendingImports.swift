import Foundation
import LoaCore
import LoaStore

/// Uploads waiting for confirmation, in memory, each bound to the session that sent it and kept
/// for 30 minutes (or until confirmed or cancelled).
actor PendingImports {
    /// One upload: the rows read, and once confirmed, what the import did.
    struct Entry: Sendable {
        let session: String
        let created: Date
        let filename: String
        let parsed: ResidentCSVResult
        let preview: ImportPreview
        var outcome: ImportCounts?
    }

    static let lifetime: TimeInterval = 30 * 60
    /// Uploads one session may keep at once; the oldest goes first.
    static let perSession = 3

    private var entries: [String: Entry] = [:]

    /// Keeps an upload and returns its unguessable id.
    func add(_ entry: Entry, now: Date) -> String {
        entries = entries.filter { now.timeIntervalSince($0.value.created) < Self.lifetime }
        let mine = entries.filter { $0.value.session == entry.session }.sorted { $0.value.created < $1.value.created }
        for old in mine.prefix(max(0, mine.count - Self.perSession + 1)) { entries[old.key] = nil }
        let id = APIToken.generate().filter { $0.isLetter || $0.isNumber }.prefix(24)
        entries[String(id)] = entry
        return String(id)
    }

    /// The session's upload with this id, if it is younger than 30 minutes.
    func entry(_ id: String, session: String, now: Date) -> Entry? {
        guard let entry = entries[id], entry.session == session, now.timeIntervalSince(entry.created) < Self.lifetime else { return nil }
        return entry
    }

    /// Takes the upload for confirming: afterwards it can be shown but not imported again.
    func claim(_ id: String, session: String, now: Date) -> Entry? {
        guard let entry = entry(id, session: session, now: now), entry.outcome == nil else { return nil }
        entries[id]?.outcome = ImportCounts()
        return entry
    }

    /// Makes a claimed upload confirmable again after its import failed.
    func release(_ id: String) {
        entries[id]?.outcome = nil
    }

    /// Records what the confirmed import did, for the result page.
    func finish(_ id: String, outcome: ImportCounts) {
        entries[id]?.outcome = outcome
    }

    /// Forgets a cancelled upload.
    func remove(_ id: String, session: String) {
        if entries[id]?.session == session { entries[id] = nil }
    }
}
