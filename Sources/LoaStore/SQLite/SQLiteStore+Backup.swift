import Foundation
import GRDB

extension SQLiteStore {
    /// Writes a consistent copy of the database to a new file at `path` with SQLite's online backup,
    /// from one read snapshot: writers (a running `loa run`) go on meanwhile, and the copy holds
    /// exactly the transactions committed when it started. The copy is readable by its owner only.
    public func backup(to path: String) async throws {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw StoreError(.conflict, "\(path) already exists; back up to a new file")
        }
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw StoreError(.invalidInput, "cannot create \(path)")
        }
        do {
            let target = try DatabaseQueue(path: path)
            try await pool.backup(to: target)
            try await target.writeWithoutTransaction { db in
                // The copy stands alone in one file: no -wal beside it.
                try db.execute(sql: "PRAGMA journal_mode = DELETE")
            }
            try target.close()
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
    }
}
