import Foundation
import GRDB

extension SQLiteStore {
    /// Refuses the existing file at `path` when a newer `loa` migrated it, reading it through a
    /// read-only connection first: opening the pool would already switch a rollback-journal file
    /// (a `loa db backup` copy) to WAL mode. A file this connection cannot read is left to the pool,
    /// which checks again before migrating.
    static func refuseNewerSchema(path: String, migrator: DatabaseMigrator) throws {
        guard FileManager.default.fileExists(atPath: path) else { return }
        var configuration = Configuration()
        configuration.readonly = true
        let applied: Set<String>
        do {
            applied = try DatabaseQueue(path: path, configuration: configuration).read(migrator.appliedIdentifiers)
        } catch {
            return
        }
        try SchemaCheck.refuseNewer(applied: applied, known: migrator.migrations)
    }
}
